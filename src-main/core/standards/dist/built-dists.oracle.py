"""Oracle for built-distribution tests: the member list and PKG-INFO of an sdist as Python's
tarfile reads them. Input: a JSON array of paths; output per path: {"members", "pkgInfo"} (base64)."""
import base64
import json
import sys
import tarfile


def one(path):
    with tarfile.open(path) as tar:
        names = tar.getnames()
        top = names[0].split("/")[0]
        data = tar.extractfile(top + "/PKG-INFO").read()
    return {"members": names, "pkgInfo": base64.b64encode(data).decode()}


json.dump([one(p) for p in json.load(sys.stdin)], sys.stdout)
