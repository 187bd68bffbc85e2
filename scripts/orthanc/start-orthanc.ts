/**
 * Starts a throwaway Orthanc (Debian's `orthanc` + `orthanc-dicomweb`) for tests
 * of Konsil's PACS proxy mode, on 127.0.0.1:<port> with its own storage and a
 * generated user. Test use only.
 *
 *   const pacs = await startOrthanc({ port: await freePort() });
 *   await pacs.uploadInstance(bytes);            // REST POST /instances
 *   process.env.PACS_DICOMWEB_URL = pacs.dicomWebUrl;  // http://127.0.0.1:<port>/dicom-web
 *   await pacs.stop();
 *
 * Missing packages throw an error that says to run scripts/ensure-test-services.sh.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { orthancConfig } from './orthanc-config';

export interface StartedOrthanc {
  /** Orthanc's HTTP root (REST API), e.g. http://127.0.0.1:8042 */
  url: string;
  /** Its DICOMweb root: what PACS_DICOMWEB_URL is set to. */
  dicomWebUrl: string;
  username: string;
  password: string;
  /** Stores one Part 10 file; returns Orthanc's instance id. */
  uploadInstance(bytes: Uint8Array): Promise<string>;
  stop(): Promise<void>;
}

const INSTALL_HINT = 'Run scripts/ensure-test-services.sh (as root it installs Debian\'s "orthanc" and "orthanc-dicomweb").';

export function findOrthancBinary(): string {
  const candidates = process.env.ORTHANC_BINARY ? [process.env.ORTHANC_BINARY] : ['/usr/sbin/Orthanc', '/usr/bin/Orthanc'];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Orthanc is not installed (looked for ${candidates.join(', ')}). ${INSTALL_HINT}`);
  return found;
}

/** The plugin's path as the Debian package lists it (it moves between releases). */
export function findDicomWebPlugin(): string {
  if (process.env.ORTHANC_DICOMWEB_PLUGIN) return process.env.ORTHANC_DICOMWEB_PLUGIN;
  let files: string[] = [];
  try {
    files = execFileSync('dpkg', ['-L', 'orthanc-dicomweb'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n');
  } catch {
    throw new Error(`The Orthanc DICOMweb plugin is not installed (dpkg -L orthanc-dicomweb failed). ${INSTALL_HINT}`);
  }
  const plugin = files.find((file) => /libOrthancDicomWeb\.so$/.test(file)) ?? files.find((file) => /libOrthancDicomWeb\.so[.0-9]*$/.test(file));
  if (!plugin || !existsSync(plugin)) throw new Error(`orthanc-dicomweb lists no libOrthancDicomWeb.so. ${INSTALL_HINT}`);
  return plugin;
}

export async function startOrthanc(options: { port: number; storageDir?: string; timeoutMs?: number }): Promise<StartedOrthanc> {
  const binary = findOrthancBinary();
  const dicomWebPlugin = findDicomWebPlugin();
  const ownDir = options.storageDir ? null : await mkdtemp(path.join(os.tmpdir(), 'konsil-orthanc-'));
  const storageDir = options.storageDir ?? path.join(ownDir!, 'storage');
  const workDir = ownDir ?? (await mkdtemp(path.join(os.tmpdir(), 'konsil-orthanc-config-')));
  const username = `konsil-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  const configPath = path.join(workDir, 'orthanc.json');
  await writeFile(configPath, JSON.stringify(orthancConfig({ port: options.port, storageDir, username, password, dicomWebPlugin }), null, 2), { mode: 0o600 });

  const url = `http://127.0.0.1:${options.port}`;
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const log: string[] = [];
  const child: ChildProcess = spawn(binary, [configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const remember = (chunk: Buffer) => {
    log.push(...chunk.toString().split('\n').filter(Boolean));
    log.splice(0, Math.max(0, log.length - 40));
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  // A test run that dies must not leave Orthanc behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const cleanup = async () => {
    process.removeListener('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    }
    await rm(workDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (exited) {
      await cleanup();
      throw new Error(`Orthanc exited while starting:\n${log.join('\n')}`);
    }
    const ready = await fetch(`${url}/system`, { headers: { authorization } }).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await cleanup();
      throw new Error(`Orthanc did not answer on ${url}/system in time:\n${log.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    dicomWebUrl: `${url}/dicom-web`,
    username,
    password,
    async uploadInstance(bytes) {
      const response = await fetch(`${url}/instances`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/dicom' },
        body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      });
      if (!response.ok) throw new Error(`Orthanc refused the upload: HTTP ${response.status} ${await response.text()}`);
      return ((await response.json()) as { ID: string }).ID;
    },
    stop: cleanup,
  };
}
