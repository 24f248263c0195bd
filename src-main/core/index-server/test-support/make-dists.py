"""Build small wheels and sdists for the index server tests (never committed as binaries).

Input (stdin): JSON array of specs {kind: "wheel"|"sdist", name, version, out_dir,
requires_dist?, requires_python?, metadata_version?, summary?, payload_bytes?, filename?}.
Output: JSON array of {path, filename, sha256, size}. Wheels follow PEP 427 (RECORD with
sha256 entries, no data descriptors); sdists are PEP 625 `.tar.gz` with PKG-INFO.
"""
import base64
import hashlib
import io
import json
import os
import re
import sys
import tarfile
import zipfile


def metadata(spec):
    lines = [
        f"Metadata-Version: {spec.get('metadata_version', '2.1')}",
        f"Name: {spec['name']}",
        f"Version: {spec['version']}",
        f"Summary: {spec.get('summary', 'A test package')}",
        "Author-email: Test Person <test@example.com>",
        "License: MIT",
    ]
    if spec.get("requires_python"):
        lines.append(f"Requires-Python: {spec['requires_python']}")
    for req in spec.get("requires_dist", []):
        lines.append(f"Requires-Dist: {req}")
    lines.append("Description-Content-Type: text/markdown")
    return "\n".join(lines) + "\n\n# " + spec["name"] + "\n\nTest package.\n"


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def wheel(spec):
    stem = re.sub(r"[-_.]+", "_", spec["name"]).lower()
    version = spec["version"]
    filename = spec.get("filename") or f"{stem}-{version}-py3-none-any.whl"
    distinfo = f"{stem}-{version}.dist-info"
    payload = os.urandom(spec.get("payload_bytes", 0))
    files = {
        f"{stem}/__init__.py": f"__version__ = {version!r}\n".encode(),
        f"{distinfo}/METADATA": metadata(spec).encode(),
        f"{distinfo}/WHEEL": b"Wheel-Version: 1.0\nGenerator: packwright-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    if payload:
        files[f"{stem}/payload.bin"] = payload
    record = "".join(f"{n},{record_hash(d)},{len(d)}\n" for n, d in files.items()) + f"{distinfo}/RECORD,,\n"
    files[f"{distinfo}/RECORD"] = record.encode()
    path = os.path.join(spec["out_dir"], filename)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in files.items():
            zf.writestr(zipfile.ZipInfo(n, date_time=(2024, 1, 1, 0, 0, 0)), d, compress_type=zipfile.ZIP_STORED if n.endswith(".bin") else zipfile.ZIP_DEFLATED)
    return path, filename


def sdist(spec):
    stem = re.sub(r"[-_.]+", "_", spec["name"]).lower()
    top = f"{stem}-{spec['version']}"
    filename = spec.get("filename") or f"{top}.tar.gz"
    path = os.path.join(spec["out_dir"], filename)
    members = {
        f"{top}/PKG-INFO": metadata(spec).encode(),
        f"{top}/pyproject.toml": b'[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n',
        f"{top}/{stem}/__init__.py": f"__version__ = {spec['version']!r}\n".encode(),
    }
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tf:
        for n, d in members.items():
            info = tarfile.TarInfo(n)
            info.size = len(d)
            info.mtime = 1704067200
            tf.addfile(info, io.BytesIO(d))
    return path, filename


out = []
for spec in json.load(sys.stdin):
    os.makedirs(spec["out_dir"], exist_ok=True)
    path, filename = wheel(spec) if spec["kind"] == "wheel" else sdist(spec)
    data = open(path, "rb").read()
    out.append({"path": path, "filename": filename, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
json.dump(out, sys.stdout)
