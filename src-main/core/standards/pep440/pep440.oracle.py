"""Differential oracle for the PEP 440 module: answers batched queries with pypa/packaging.

Reads one JSON array of tasks on stdin, writes one JSON array of answers (same length):
  {"k": "v", "s": str}                      -> {"ok": normalized} | {"err": kind}
  {"k": "rank", "vs": [str]}                -> dense rank of each (valid) version in sorted order
  {"k": "c", "ss": str, "v": str, "p": b?}  -> bool | {"err": kind}   SpecifierSet(ss).contains(v, prereleases=p)
  {"k": "f", "ss": str, "vs": [str], "p": b?} -> [str] | {"err": kind}   list(SpecifierSet(ss).filter(vs, prereleases=p))
  {"k": "s", "ss": str}                     -> str(SpecifierSet(ss)) | {"err": kind}
"""

import json
import sys

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version


def err(e):
    if isinstance(e, (InvalidVersion, InvalidSpecifier)):
        return {"err": "invalid"}
    return {"err": type(e).__name__}


def answer(t):
    k = t["k"]
    try:
        if k == "v":
            return {"ok": str(Version(t["s"]))}
        if k == "rank":
            vs = [Version(s) for s in t["vs"]]
            order = sorted(range(len(vs)), key=lambda i: vs[i])
            ranks = [0] * len(vs)
            r = 0
            for n, i in enumerate(order):
                if n > 0 and vs[order[n - 1]] != vs[i]:
                    r += 1
                ranks[i] = r
            return ranks
        if k == "c":
            return SpecifierSet(t["ss"]).contains(t["v"], prereleases=t["p"])
        if k == "f":
            return list(SpecifierSet(t["ss"]).filter(t["vs"], prereleases=t["p"]))
        if k == "s":
            return str(SpecifierSet(t["ss"]))
    except Exception as e:  # noqa: BLE001 - every failure kind is part of the answer
        return err(e)
    raise ValueError(f"unknown task {k!r}")


def main():
    tasks = json.load(sys.stdin)
    json.dump([answer(t) for t in tasks], sys.stdout)


if __name__ == "__main__":
    main()
