"""Oracle for core metadata tests: packaging.metadata.parse_email and Metadata.from_email.

Input: a JSON array of {"b64": <base64 bytes>} or {"text": <str>}.
Output per item: {"raw": RawMetadata, "unparsed": {name: [str]}, "valid": bool,
"errors": [field, ...]} or {"crash": "<exception type>"} when packaging itself raises
something other than its validation errors.
"""
import base64
import json
import sys

from packaging.metadata import ExceptionGroup, InvalidMetadata, Metadata, parse_email


def text(v):
    return v.decode("latin1") if isinstance(v, bytes) else v


def one(item):
    data = base64.b64decode(item["b64"]) if "b64" in item else item["text"]
    try:
        raw, unparsed = parse_email(data)
    except Exception as e:  # noqa: BLE001 - report packaging's own crashes
        return {"crash": type(e).__name__}
    out = {
        "raw": raw,
        "unparsed": {k: [text(x) for x in v] for k, v in unparsed.items()},
    }
    try:
        Metadata.from_email(data, validate=True)
        out["valid"] = True
        out["errors"] = []
    except ExceptionGroup as eg:
        out["valid"] = False
        out["errors"] = sorted({e.field for e in eg.exceptions if isinstance(e, InvalidMetadata)})
    except Exception as e:  # noqa: BLE001
        out["valid"] = False
        out["errors"] = []
        out["crash_validate"] = type(e).__name__
    return out


json.dump([one(x) for x in json.load(sys.stdin)], sys.stdout)
