#!/usr/bin/env python3
"""Checks a vault audit log without the vault's own code: verify-audit.py AUDIT_FOLDER. Prints `ok N` (N entries,
exit 0) or, for the first problem, `FAIL <segment>:<line>: <problem>` (exit 1)."""
import hashlib, json, os, re, sys

ENTRY = "seq time actor action secret? version? purpose? result reason? prev hash".split()  # key order; ? = optional
ACTOR = "user uid? host pid identity? agent? session?".split()
LEAST = {"seq": 1, "uid": 0, "pid": 0, "version": 0}  # ints (not floats, not bools) < 10**18, version < 2**31
FORM = {"time": r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z", "result": "ok|denied|error",
        "prev": "[0-9a-f]{64}", "hash": "[0-9a-f]{64}"}
canonical = lambda entry: json.dumps(entry, ensure_ascii=False, separators=(",", ":"))  # as JSON.stringify writes

def valid(key, value):
    if key == "actor": return shaped(value, ACTOR)
    if key in LEAST: return type(value) is int and LEAST[key] <= value < (2**31 if key == "version" else 10**18)
    return type(value) is str and re.fullmatch(FORM.get(key, ".*"), value, re.DOTALL)

def shaped(obj, fields):  # the keys in the fixed order, none missing or unknown, each value valid
    if not isinstance(obj, dict): return False
    keys = [f.strip("?") for f in fields if not f.endswith("?") or f[:-1] in obj]
    return list(obj) == keys and all(valid(k, v) for k, v in obj.items())

def parse(line):  # the entry, if the line (without its "\n") is one in canonical form; else None
    try: text = line.decode("utf-8"); entry = json.loads(text)
    except ValueError: return None  # invalid UTF-8 or JSON
    return entry if shaped(entry, ENTRY) and canonical(entry) == text else None

def problem(entry, seq, prev):  # what is wrong with this entry (None: not canonical) after the one with seq, prev
    if entry is None: return "not-canonical"
    body = canonical({k: v for k, v in entry.items() if k != "hash"}).encode()  # the line without ,"hash":"…"
    if hashlib.sha256(body).hexdigest() != entry["hash"]: return "hash-mismatch"
    if entry["seq"] != seq + 1: return "seq-mismatch"
    if entry["prev"] != prev: return "prev-mismatch"

def verify(folder):  # audit.000001.log, … then audit.log, unless the newest sealed segment is audit.log itself
    names = sorted(n for n in os.listdir(folder) if re.fullmatch(r"audit\.[0-9]{6}\.log", n))
    if not names or not os.path.samefile(f"{folder}/{names[-1]}", f"{folder}/audit.log"): names.append("audit.log")
    seq, prev = 0, "0" * 64  # the first entry has seq 1 and prev 64 zeros
    for name in names:
        *lines, tail = open(f"{folder}/{name}", "rb").read().split(b"\n")
        for number, entry in enumerate(map(parse, lines), 1):
            if wrong := problem(entry, seq, prev): return f"FAIL {name}:{number}: {wrong}"
            seq, prev = entry["seq"], entry["hash"]
        if tail: return f"FAIL {name}:{len(lines) + 1}: {'torn-tail' if name == names[-1] else 'not-canonical'}"
    return f"ok {seq}"

if __name__ == "__main__":
    try: verdict = verify(sys.argv[1]) if len(sys.argv) == 2 else sys.exit("usage: verify-audit.py AUDIT_FOLDER")
    except OSError as error: sys.exit(f"verify-audit.py: {error}")  # no such folder, no audit.log, unreadable
    print(verdict); sys.exit(verdict.startswith("FAIL"))
