#!/usr/bin/env bash
# Makes sure what the tests need is on this machine, on loopback only:
#   - Chromium from Debian (Playwright never downloads a browser here)
#   - Orthanc with its DICOMweb plugin from Debian (the PACS of the proxy-mode tests;
#     they start their own instance on a free port, see scripts/orthanc/start-orthanc.ts)
#   - the ONNX checker from Debian (python3-onnx) for the committed models
#   - PostgreSQL on 127.0.0.1:5432 (present on every dev/CI machine; started if down)
# The OIDC provider and the app itself are started by the e2e stack (e2e/support/start-stack.ts).
set -euo pipefail

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium from Debian's packages …"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi

if [ ! -x "${ORTHANC_BINARY:-/usr/sbin/Orthanc}" ] || ! dpkg -s orthanc-dicomweb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Orthanc and its DICOMweb plugin from Debian's packages …"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq orthanc orthanc-dicomweb >/dev/null
    # The package starts a system Orthanc where an init system runs; the tests start their own.
  else
    echo "Orthanc is missing: run 'sudo apt-get install orthanc orthanc-dicomweb' (or set ORTHANC_BINARY and ORTHANC_DICOMWEB_PLUGIN)." >&2
    exit 1
  fi
fi

# The reference ONNX checker validates the committed models independently of our writer
# (scripts/models/check-onnx.py); Debian's python3 has it, the pyenv python3 does not.
if ! /usr/bin/python3 -c 'import onnx' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing the ONNX checker (python3-onnx) from Debian's packages …"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends python3-onnx >/dev/null
  else
    echo "python3-onnx is missing: run 'sudo apt-get install python3-onnx'." >&2
    exit 1
  fi
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "Starting PostgreSQL on 127.0.0.1:5432 …"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  pg_isready -h 127.0.0.1 -p 5432 -q || {
    echo "No PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth). Set TEST_DATABASE_ADMIN_URL and E2E_DATABASE_URL to use another server." >&2
    exit 1
  }
fi
