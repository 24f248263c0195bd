"""Oracle for the differential test: Debian's validate-pyproject (0.12.2) over a batch of files.

Protocol (src-main/testing/python-oracle.ts): stdin is a JSON array of file paths; stdout is a
JSON array of {"valid": bool, "error": str} in the same order. Each file is parsed with tomllib
and validated with one warm `validate_pyproject.api.Validator()` (all plugins: setuptools and
distutils), exactly what `python3 -m validate_pyproject FILE` does per file.
"""
import json
import os
import sys
import tomllib

# The trove-classifiers package is not installed; without NO_NETWORK validate-pyproject would try
# to download the list from PyPI (no network here) and then skip the check anyway.
os.environ.setdefault("NO_NETWORK", "1")

from validate_pyproject import api  # noqa: E402

validator = api.Validator()
results = []
for path in json.load(sys.stdin):
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        validator(data)
        results.append({"valid": True, "error": ""})
    except Exception as ex:  # any failure is an "invalid" verdict, as in the CLI
        results.append({"valid": False, "error": f"{type(ex).__name__}: {ex}"[:400]})
json.dump(results, sys.stdout)
