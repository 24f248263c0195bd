"""Oracle for the license-expression differential test.

Reads a JSON array of strings on stdin; writes a JSON array of the same length with, for each,
{"canonical": str} or {"error": exception class name, "message": str}. Uses the machine's
packaging (26.2); crashes other than InvalidLicenseExpression (KeyError, MemoryError) are
reported with their class name so the test can tell them apart.

A second mode, `--spdx-table`, prints packaging's own LICENSES/EXCEPTIONS tables so the test
can check that our data file is the same list.
"""
import json
import sys

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression


def main() -> None:
    if sys.argv[1:] == ["--spdx-table"]:
        from packaging.licenses import _spdx

        json.load(sys.stdin)
        json.dump([{"licenses": _spdx.LICENSES, "exceptions": _spdx.EXCEPTIONS}], sys.stdout)
        return
    out = []
    for raw in json.load(sys.stdin):
        try:
            out.append({"canonical": canonicalize_license_expression(raw)})
        except InvalidLicenseExpression as exc:
            out.append({"error": "InvalidLicenseExpression", "message": str(exc)})
        except (KeyError, MemoryError, RecursionError, SyntaxError, ValueError) as exc:
            out.append({"error": type(exc).__name__, "message": str(exc)})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
