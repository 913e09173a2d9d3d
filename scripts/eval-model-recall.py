#!/usr/bin/env python3
"""Prompt recall: the fraction of required accounts of an eval file that have
at least one evidence item in a sentence the model was shown.

usage: eval-model-recall.py EVAL.json CORPUS_DIR PROMPTS.jsonl

PROMPTS.jsonl holds {"question", "sentences"} lines recorded by the scripted
server (scripts/eval-model). A sentence counts for an evidence item when it
lies in the item's document and matches it as score.py matches quotes.
"""
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval"))
sys.path.insert(0, "/work/shared/eval")
from score import norm, matches, ws

def main():
    evalf, corpus, promptsf = sys.argv[1:4]
    qs = json.load(open(evalf, encoding="utf-8"))["questions"]
    if os.environ.get("EVAL_LIMIT"):
        qs = qs[: int(os.environ["EVAL_LIMIT"])]
    raw = {}
    for root, _, files in os.walk(corpus):
        for f in files:
            p = os.path.join(root, f)
            raw[os.path.splitext(os.path.relpath(p, corpus))[0]] = ws(open(p, "rb").read().decode("utf-8", "replace"))
    shown = {}
    for line in open(promptsf, encoding="utf-8"):
        r = json.loads(line)
        shown.setdefault(r["question"], []).extend(r["sentences"])
    hit = total = 0
    per_q = []  # per question: fraction of its required evidence phrases shown
    for q in qs:
        sents = shown.get(ws(q["question"]), [])
        ph_hit = ph_all = 0
        for a in q.get("accounts", []):
            if not a.get("required", True):
                continue
            total += 1
            ok = False
            for e in a["evidence"]:
                body = raw.get(e["doc"], "")
                seen = any(ws(s) in body and matches(e, norm(s)) for s in sents)
                ph_all += 1
                ph_hit += seen
                ok = ok or seen
            hit += ok
            if not ok:
                print(f"{q['id']}: required account {a['id']} not in the prompt")
        if ph_all:
            per_q.append(ph_hit / ph_all)
    print(f"prompt_recall={hit / total if total else 1.0:.3f} ({hit}/{total} required accounts with evidence in the prompt; "
          f"phrase_recall={sum(per_q) / len(per_q) if per_q else 1.0:.3f}, the mean per question of its required evidence phrases in the prompt)")

if __name__ == "__main__":
    main()
