#!/usr/bin/python3
"""Validates every models/**/model.onnx with the reference ONNX checker (Debian python3-onnx),
independently of the TypeScript writer and of onnxruntime: full_check also runs shape inference.
Run with /usr/bin/python3 (the pyenv python3 does not see Debian's packages).
Prints one line per file; exits 1 if any file fails."""
import pathlib
import sys

import onnx

root = pathlib.Path(__file__).resolve().parents[2] / "models"
files = sorted(root.glob("**/model.onnx"))
if not files:
    print(f"no model.onnx under {root}")
    sys.exit(1)
failed = 0
for path in files:
    name = path.relative_to(root.parent)
    try:
        model = onnx.load(str(path))
        onnx.checker.check_model(model, full_check=True)
        opsets = ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in model.opset_import)
        print(f"OK   {name} (IR {model.ir_version}, {opsets}; onnx {onnx.__version__})")
    except Exception as error:  # noqa: BLE001 - report every failure, keep checking the rest
        failed += 1
        print(f"FAIL {name}: {error}")
sys.exit(1 if failed else 0)
