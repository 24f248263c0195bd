"""Oracle for upload-checks.test.ts: PyPI's metadata error (reference §7 C) for form fields.

Builds packaging's RawMetadata from the form the way warehouse's parse_form_metadata does
(single-use fields as strings, multi-use as lists, keywords split on commas, Project-URL
"Label, URL" pairs), validates with packaging.metadata (26.2), then picks the error as
warehouse's legacy.py does: metadata-version > name > version > alphabetical by field; the
message gets a final "." and "See https://packaging.python.org/specifications/core-metadata
for more information.". Output: the message, or null when valid.
"""
import json
import sys

from packaging.metadata import Metadata

SINGLE = ["metadata_version", "name", "version", "summary", "description", "description_content_type",
          "home_page", "download_url", "author", "author_email", "maintainer", "maintainer_email",
          "license", "license_expression", "requires_python"]
MULTI = {"classifiers": "classifiers", "requires_dist": "requires_dist", "provides_extra": "provides_extra",
         "provides_dist": "provides_dist", "obsoletes_dist": "obsoletes_dist", "requires_external": "requires_external",
         "dynamic": "dynamic", "platform": "platforms", "supported_platform": "supported_platforms",
         "license_file": "license_files"}

out = []
for form in json.load(sys.stdin):
    raw = {}
    for k in SINGLE:
        if form.get(k):
            raw[k] = form[k][0]
    for k, rk in MULTI.items():
        if form.get(k):
            raw[rk] = list(form[k])
    if form.get("keywords"):
        raw["keywords"] = [s.strip() for s in ",".join(form["keywords"]).split(",")]
    if form.get("project_urls"):
        raw["project_urls"] = {p.split(",", 1)[0].strip(): p.split(",", 1)[1].strip() for p in form["project_urls"]}
    try:
        Metadata.from_raw(raw, validate=True)
        out.append(None)
    except ExceptionGroup as eg:
        errors = {}
        for e in eg.exceptions:
            errors.setdefault(e.field, []).append(e)
        for field in ["metadata-version", "name", "version"]:
            if field in errors:
                break
        else:
            field = sorted(errors)[0]
        msg = str(errors[field][0])
        out.append(msg + ("" if msg.endswith(".") else ".") + " See https://packaging.python.org/specifications/core-metadata for more information.")
json.dump(out, sys.stdout)
