#!/usr/bin/env python3
"""Per-rule provenance report: for each extraction rule, how many facts it produced on a gold set
and how many of them the gold confirms (matched to a required or optional gold item).

usage: rules_report.py GOLD_DIR EXPORT.jsonl

Matching is the scorer's own (scripts/score.py, a copy of ../shared/tools/score.py), applied per
table; a fact is « confirmed » when the scorer pairs it with a gold item. Countries and people carry
the rule of their first mention; domains are plain slugs in the export and are not reported."""
import collections, importlib.util, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("score", os.path.join(here, "score.py"))
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)

def pair(gold_items, preds, is_match):
    """Indices of predictions the scorer pairs with a gold item (greedy, in gold order, like match_list)."""
    used = set()
    for g in gold_items:
        for i, p in enumerate(preds):
            if i not in used and is_match(g, p):
                used.add(i); break
    return used

def visit_match(gv, pv):
    if (pv.get("host_country") or "").upper() != gv["host_country"]: return False
    if gv["visitor_match"]:
        if not any(score.contains(pv.get("visitor") or "", m) for m in gv["visitor_match"]): return False
    elif gv.get("visitor_country") and (pv.get("visitor_country") or "").upper() != gv["visitor_country"]: return False
    return score.date_ok(gv.get("start"), pv.get("start"))

def agreement_match(ga, pa):
    return any(score.contains(pa.get("title") or "", k) for k in ga["keywords"])

def trade_match(gt, pt):
    if gt.get("amount") is None: return gt.get("year") is None or pt.get("year") == gt.get("year")
    a = pt.get("amount")
    return isinstance(a, (int, float)) and abs(a - gt["amount"]) <= 0.01 * gt["amount"] and (pt.get("currency") or "").upper() == gt["currency"]

def main():
    if len(sys.argv) != 3: print(__doc__.strip()); sys.exit(2)
    gold_dir, export = sys.argv[1:]
    preds = {}
    for line in open(export, encoding="utf-8"):
        if line.strip():
            o = json.loads(line); preds[os.path.basename(o.get("source", ""))] = o
    made, confirmed = collections.Counter(), collections.Counter()
    for gf in sorted(f for f in os.listdir(gold_dir) if f.endswith(".json")):
        g = json.load(open(os.path.join(gold_dir, gf), encoding="utf-8"))
        p = preds.get(g["source"], {})
        gold_countries = set(g["countries"]["required"]) | set(g["countries"]["optional"])
        for c in p.get("countries", []):
            rule = c.get("rule") or "(none)"
            made[rule] += 1; confirmed[rule] += c.get("iso2") in gold_countries
        tables = [("people", g["people"], score.person_match), ("visits", g["visits"], visit_match),
                  ("agreements", g["agreements"], agreement_match), ("trade_figures", g["trade_figures"], trade_match)]
        for key, gold_items, match in tables:
            items = p.get(key, [])
            ok = pair(gold_items, items, match)
            for i, item in enumerate(items):
                rule = item.get("rule") or "(none)"
                made[rule] += 1; confirmed[rule] += i in ok
    width = max([len(r) for r in made] + [4])
    print(f"{'rule':{width}}  facts  confirmed  share")
    for rule in sorted(made, key=lambda r: (r.split(".")[0], -made[r], r)):
        print(f"{rule:{width}}  {made[rule]:5}  {confirmed[rule]:9}  {confirmed[rule] / made[rule]:5.2f}")
    total, good = sum(made.values()), sum(confirmed.values())
    print(f"{'all rules':{width}}  {total:5}  {good:9}  {good / total if total else 0:5.2f}")

if __name__ == "__main__":
    main()
