"""pip's resolution of requirement sets, as the oracle of pip-compare.test.ts.

Input (stdin): JSON array of {requirements: [str], index_urls: [str], only_binary: bool}.
Output: JSON array of {pins: {name: version} | null, error: str | null, env: {markers, tags}}.
Runs `python -m pip install --dry-run --ignore-installed --report` with no pip configuration
(PIP_CONFIG_FILE=/dev/null: no constraints, no find-links), the same interpreter for markers,
wheel tags and Requires-Python. Two pips run at a time.
"""
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from packaging.markers import default_environment
from packaging.tags import sys_tags
from packaging.utils import canonicalize_name

ENV = {
    "markers": default_environment(),
    "tags": [[t.interpreter, t.abi, t.platform] for t in sys_tags()],
}


def run(case):
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        urls = case["index_urls"]
        cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
               "--no-cache-dir", "--disable-pip-version-check", "--report", report, "--index-url", urls[0]]
        for url in urls[1:]:
            cmd += ["--extra-index-url", url]
        if case.get("only_binary", True):
            cmd += ["--only-binary", ":all:"]
        cmd += case["requirements"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
        env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INPUT="1", PYTHONDONTWRITEBYTECODE="1")
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            return {"pins": None, "error": proc.stderr[-3000:], "env": ENV}
        with open(report, encoding="utf-8") as f:
            data = json.load(f)
        pins = {canonicalize_name(i["metadata"]["name"]): i["metadata"]["version"] for i in data["install"]}
        return {"pins": pins, "error": None, "env": ENV}


cases = json.load(sys.stdin)
with ThreadPoolExecutor(max_workers=2) as pool:
    results = list(pool.map(run, cases))
json.dump(results, sys.stdout)
