"""Oracle for blake2b.test.ts: BLAKE2b digests of hex inputs from Python's hashlib."""
import hashlib
import json
import sys

out = []
for item in json.load(sys.stdin):
    out.append(hashlib.blake2b(bytes.fromhex(item["hex"]), digest_size=item["size"]).hexdigest())
json.dump(out, sys.stdout)
