#!/usr/bin/env python3
"""Checks a vault audit log without the vault's own code: verify-audit.py AUDIT_FOLDER.
Prints `ok N` (N entries; exit 0) or `FAIL <segment>:<line>: <problem>` for the first problem (exit 1)."""
import hashlib, json, os, re, sys

ENTRY = "seq time actor action secret? version? purpose? result reason? prev hash".split()  # key order; ? = optional
ACTOR = "user uid? host pid identity? agent? session?".split()
NUMBERS = {"seq", "uid", "pid", "version"}  # integers of at most 18 digits; every other value is a string
TIME, HEX = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z", "[0-9a-f]{64}"
canonical = lambda obj: json.dumps(obj, ensure_ascii=False, separators=(",", ":"))  # as JSON.stringify writes it

def shaped(obj, fields):  # keys in the fixed order, none missing or unknown; values of the right type
    return isinstance(obj, dict) and list(obj) == [f.strip("?") for f in fields if f[-1] != "?" or f[:-1] in obj] and all(
        shaped(v, ACTOR) if k == "actor" else type(v) is int and 0 <= v < 10**18 if k in NUMBERS else type(v) is str
        for k, v in obj.items())

def parse(line):  # the entry, if the line (UTF-8, without its "\n") is one in canonical form; else None
    try: text = line.decode("utf-8"); e = json.loads(text)
    except ValueError: return None  # invalid UTF-8 or JSON
    good = shaped(e, ENTRY) and canonical(e) == text and e["seq"] >= 1 and e["result"] in ("ok", "denied", "error")
    return e if good and re.fullmatch(TIME, e["time"]) and re.fullmatch(HEX, e["prev"]) and re.fullmatch(HEX, e["hash"]) else None

def problem(e, seq, prev):  # what is wrong with entry e (None: not canonical) after entry seq with hash prev
    if e is None: return "not-canonical"
    if hashlib.sha256(canonical({k: v for k, v in e.items() if k != "hash"}).encode()).hexdigest() != e["hash"]: return "hash-mismatch"
    if e["seq"] != seq + 1: return "seq-mismatch"
    if e["prev"] != prev: return "prev-mismatch"

def verify(folder):  # chain order: audit.000001.log, ... then audit.log, unless the newest sealed one is audit.log itself
    names = sorted(n for n in os.listdir(folder) if re.fullmatch(r"audit\.[0-9]{6}\.log", n))
    if not names or not os.path.samefile(os.path.join(folder, names[-1]), os.path.join(folder, "audit.log")): names.append("audit.log")
    seq, prev = 0, "0" * 64  # the first entry has seq 1 and prev 64 zeros
    for name in names:
        *lines, tail = open(os.path.join(folder, name), "rb").read().split(b"\n")
        for n, e in enumerate(map(parse, lines), 1):
            if (p := problem(e, seq, prev)): return f"FAIL {name}:{n}: {p}"
            seq, prev = e["seq"], e["hash"]
        if tail: return f"FAIL {name}:{len(lines) + 1}: {'torn-tail' if name == names[-1] else 'not-canonical'}"  # no final \n
    return f"ok {seq}"

if __name__ == "__main__":
    verdict = verify(sys.argv[1]); print(verdict); sys.exit(verdict.startswith("FAIL"))
