"""pip's own PEP 503 link parser (pip._internal.index.collector.parse_links), as the oracle of
parse.diff.test.ts.

Input (stdin): JSON array of {html, url, json?}: `html` is the page body, parsed as PEP 691
JSON when `json` is true. Output: JSON array of link lists, each link
{url (no fragment), filename, requires_python, yanked (null or reason), hashes, metadata}.
"""
import json
import sys

from pip._internal.index.collector import IndexContent, parse_links


def links(case):
    out = []
    ctype = "application/vnd.pypi.simple.v1+json" if case.get("json") else "text/html"
    page = IndexContent(case["html"].encode("utf-8"), ctype, "utf-8", case["url"], cache_link_parsing=False)
    for link in parse_links(page):
        meta = link.metadata_file_data
        out.append({
            "url": link.url.split("#", 1)[0],
            "filename": link.filename,
            "requires_python": link.requires_python or None,
            "yanked": link.yanked_reason,
            "hashes": {k.lower(): v.lower() for k, v in (link._hashes or {}).items()},
            "metadata": None if meta is None else {k.lower(): v.lower() for k, v in (meta.hashes or {}).items()},
        })
    return out


json.dump([links(c) for c in json.load(sys.stdin)], sys.stdout)
