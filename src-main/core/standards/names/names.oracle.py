"""Oracle for the names module: packaging.utils.canonicalize_name / is_normalized_name / validation.

stdin: JSON array of strings; stdout: [[canonical, is_normalized, is_valid], ...].
"""

import json
import sys

from packaging.utils import InvalidName, canonicalize_name, is_normalized_name


def valid(name):
    try:
        canonicalize_name(name, validate=True)
        return True
    except InvalidName:
        return False


json.dump([[canonicalize_name(n), is_normalized_name(n), valid(n)] for n in json.load(sys.stdin)], sys.stdout)
