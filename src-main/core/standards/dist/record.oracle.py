"""Oracle for RECORD tests: Python's csv.reader (default dialect), as installers read RECORD.

Input: a JSON array of strings. Output per item: the list of rows (each a list of fields).
"""
import csv
import io
import json
import sys

json.dump([[row for row in csv.reader(io.StringIO(t, newline=""))] for t in json.load(sys.stdin)], sys.stdout)
