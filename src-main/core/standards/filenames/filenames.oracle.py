"""Oracle for file name tests: packaging.utils.parse_wheel_filename / parse_sdist_filename.

Input: a JSON array of {"kind": "wheel"|"sdist", "name": str, "validateOrder": bool}.
Output per item: {"ok": true, "name", "version", "build": [digits, rest] | [], "tags": [sorted]}
or {"ok": false, "error": "<packaging's message>"}.
"""
import json
import sys

from packaging.utils import InvalidSdistFilename, InvalidWheelFilename, parse_sdist_filename, parse_wheel_filename


def one(item):
    try:
        if item["kind"] == "wheel":
            name, version, build, tags = parse_wheel_filename(item["name"], validate_order=item.get("validateOrder", False))
            return {
                "ok": True,
                "name": name,
                "version": str(version),
                "build": [str(build[0]), build[1]] if build else [],
                "tags": sorted(str(t) for t in tags),
            }
        name, version = parse_sdist_filename(item["name"])
        return {"ok": True, "name": name, "version": str(version)}
    except (InvalidWheelFilename, InvalidSdistFilename) as e:
        return {"ok": False, "error": str(e)}


json.dump([one(x) for x in json.load(sys.stdin)], sys.stdout)
