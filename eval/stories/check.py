#!/usr/bin/env python3
"""Check an evaluation file against its corpus: every evidence phrase is a verbatim
substring of its document, every conflict/distinct pair names accounts of the question,
and ids are unique. usage: check.py EVAL.json CORPUS_DIR"""
import json, os, sys

def main(evalf, corpus):
    docs = {}
    for root, _, files in os.walk(corpus):
        for f in files:
            p = os.path.join(root, f)
            docs[os.path.splitext(os.path.relpath(p, corpus))[0]] = open(p, encoding="utf-8").read()
    bad = 0
    qs = json.load(open(evalf, encoding="utf-8"))["questions"]
    seen = set()
    for q in qs:
        if q["id"] in seen:
            print(f"{q['id']}: duplicate question id"); bad += 1
        seen.add(q["id"])
        ids = [a["id"] for a in q.get("accounts", [])]
        if len(ids) != len(set(ids)):
            print(f"{q['id']}: duplicate account id"); bad += 1
        for a in q.get("accounts", []):
            if not a.get("evidence"):
                print(f"{q['id']}/{a['id']}: no evidence"); bad += 1
            for e in a.get("evidence", []):
                body = docs.get(e["doc"])
                if body is None:
                    print(f"{q['id']}/{a['id']}: no document {e['doc']!r}"); bad += 1
                elif e["phrase"] not in body:
                    print(f"{q['id']}/{a['id']}: phrase not in {e['doc']}: {e['phrase']!r}"); bad += 1
        for key in ("conflicts", "distinct"):
            for pair in q.get(key, []):
                for x in pair:
                    if x not in ids:
                        print(f"{q['id']}: {key} names unknown account {x!r}"); bad += 1
        if q.get("abstain") and q.get("accounts"):
            print(f"{q['id']}: abstain question with accounts"); bad += 1
    print(f"{evalf}: {len(qs)} questions, {len(docs)} documents, {bad} problems")
    return bad

if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__); sys.exit(2)
    sys.exit(1 if main(sys.argv[1], sys.argv[2]) else 0)
