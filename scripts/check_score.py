#!/usr/bin/env python3
"""Fails (exit 1) when extraction quality on a gold set is below its bar.

usage: check_score.py GOLD_DIR EXPORT.jsonl [--label NAME] [--mean 0.95] [--table 0.90]

The seeds' bar is the default; `make score-real` passes the real development corpus's own bar,
which is a regression gate on in-sample text (the corpus was used to find failures), not a
measure of quality on unseen articles."""
import argparse, json, subprocess, sys, os
here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("export")
ap.add_argument("--label", default="seed extraction")
ap.add_argument("--mean", type=float, default=0.95)
ap.add_argument("--table", type=float, default=0.90)
a = ap.parse_args()
out = subprocess.run([sys.executable, os.path.join(here, "score.py"), a.gold, a.export, "--json"],
                     check=True, capture_output=True, text=True).stdout
scores = json.loads(out)
mean = scores.pop("mean_f1")
low = {k: v["f1"] for k, v in scores.items() if v["f1"] is not None and v["f1"] < a.table}
ok = mean >= a.mean and not low
print(f"{a.label}: mean F1 {mean:.3f} (bar {a.mean:.2f}, every table {a.table:.2f})"
      f"{'' if not low else '; below: ' + ', '.join(f'{k} {v:.2f}' for k, v in low.items())} -> {'PASS' if ok else 'FAIL'}")
sys.exit(0 if ok else 1)
