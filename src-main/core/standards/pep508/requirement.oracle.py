"""Oracle for the PEP 508 requirement tests: pypa/packaging 26.2's Requirement.

stdin: JSON array of requirement strings. stdout: one answer per string:
  {"ok": true, "name", "extras" (sorted), "specifier", "url", "marker", "str"}
  {"ok": false, "kind": "syntax", "start", "end", "message"}   (ParserSyntaxError span)
  {"ok": false, "kind": "<ExceptionType>", "message"}           (anything else packaging raised)
"""
import json
import sys

from packaging.requirements import InvalidRequirement, Requirement


def answer(s):
    try:
        r = Requirement(s)
    except InvalidRequirement as e:
        cause = e.__cause__
        span = getattr(cause, "span", None)
        msg = getattr(cause, "message", str(e))
        if span is not None:
            return {"ok": False, "kind": "syntax", "start": span[0], "end": span[1], "message": msg}
        return {"ok": False, "kind": "InvalidRequirement", "message": str(e)}
    except Exception as e:  # noqa: BLE001 - packaging leaks SyntaxError, InvalidSpecifier, ...
        return {"ok": False, "kind": type(e).__name__, "message": str(e)}
    return {
        "ok": True,
        "name": r.name,
        "extras": sorted(r.extras),
        "specifier": str(r.specifier),
        "url": r.url,
        "marker": None if r.marker is None else str(r.marker),
        "str": str(r),
    }


def main():
    inputs = json.loads(sys.stdin.buffer.read().decode("utf-8", "surrogatepass"))
    out = [answer(s) for s in inputs]
    sys.stdout.write(json.dumps(out))


main()
