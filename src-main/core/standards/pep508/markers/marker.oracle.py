"""Oracle for the marker tests: pypa/packaging 26.2's Marker (parse, str, evaluate).

stdin: JSON array of {"marker", "env", "extra", "extras", "groups"}. stdout, one per case:
  {"ok": true, "str": str(Marker), "result": true | false | "<ExceptionType>:<lenient result>"}
  {"ok": false, "kind": "syntax", "start", "end", "message"}   (ParserSyntaxError span)
  {"ok": false, "kind": "<ExceptionType>", "message"}           (other exceptions at parse)
Every environment key is supplied (the 11 PEP 508 values, extra, extras, dependency_groups),
so evaluation never depends on the machine running the oracle.
"""
import json
import sys

from packaging import markers as pm
from packaging.markers import InvalidMarker, Marker
from packaging.utils import canonicalize_name


def lenient(markers, env):
    """packaging's _evaluate_markers, except that a comparison which raises counts as False.

    This is the documented semantics of our evaluateMarker for markers packaging rejects at
    evaluation time (it never throws)."""
    groups = [[]]
    for marker in markers:
        if isinstance(marker, list):
            groups[-1].append(lenient(marker, env))
        elif isinstance(marker, tuple):
            lhs, op, rhs = marker
            try:
                if isinstance(lhs, pm.Variable):
                    key, lv, rv = lhs.value, env[lhs.value], rhs.value
                else:
                    key, lv, rv = rhs.value, lhs.value, env[rhs.value]
                assert isinstance(lv, str)
                lv, rv = pm._normalize(lv, rv, key=key)
                groups[-1].append(pm._eval_op(lv, op, rv, key=key))
            except Exception:  # noqa: BLE001
                groups[-1].append(False)
        elif marker == "or":
            groups.append([])
    return any(all(g) for g in groups)


def answer(case):
    try:
        m = Marker(case["marker"])
    except InvalidMarker as e:
        cause = e.__cause__
        span = getattr(cause, "span", None)
        if span is not None:
            return {"ok": False, "kind": "syntax", "start": span[0], "end": span[1], "message": cause.message}
        return {"ok": False, "kind": "InvalidMarker", "message": str(e)}
    except Exception as e:  # noqa: BLE001 - SyntaxError etc. from string literals
        return {"ok": False, "kind": type(e).__name__, "message": str(e)}
    env = dict(case["env"])
    env["extra"] = case["extra"]
    env["extras"] = frozenset(case["extras"])
    env["dependency_groups"] = frozenset(case["groups"])
    try:
        result = m.evaluate(env)
    except Exception as e:  # noqa: BLE001 - UndefinedComparison, KeyError, AssertionError
        full = dict(pm.default_environment(), **env)
        full["extra"] = canonicalize_name(env["extra"]) if env["extra"] else ""
        full = pm._repair_python_full_version(full)
        result = f"{type(e).__name__}:{lenient(m._markers, full)}"
    return {"ok": True, "str": str(m), "result": result}


def main():
    cases = json.loads(sys.stdin.read())
    sys.stdout.write(json.dumps([answer(c) for c in cases]))


main()
