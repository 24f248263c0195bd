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
import unicodedata

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
            answer = {"canonical": canonicalize_license_expression(raw)}
        except InvalidLicenseExpression as exc:
            answer = {"error": "InvalidLicenseExpression", "message": str(exc)}
        except (KeyError, MemoryError, RecursionError, SyntaxError, ValueError) as exc:
            answer = {"error": type(exc).__name__, "message": str(exc)}
        # Code points unassigned in this Python's Unicode database: repr() escapes them, so
        # messages can differ from a runtime with a newer Unicode version.
        unassigned = sorted({ord(c) for c in raw if unicodedata.category(c) == "Cn"})
        if unassigned:
            answer["unassigned"] = unassigned
            answer["unicode"] = unicodedata.unidata_version
        out.append(answer)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
