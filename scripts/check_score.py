#!/usr/bin/env python3
"""Fails (exit 1) when seed extraction quality is below the bar: mean F1 >= 0.95, every table >= 0.90."""
import json, subprocess, sys, os
here = os.path.dirname(os.path.abspath(__file__))
out = subprocess.run([sys.executable, os.path.join(here, "score.py"), sys.argv[1], sys.argv[2], "--json"],
                     check=True, capture_output=True, text=True).stdout
scores = json.loads(out)
mean = scores.pop("mean_f1")
low = {k: v["f1"] for k, v in scores.items() if v["f1"] is not None and v["f1"] < 0.90}
ok = mean >= 0.95 and not low
print(f"seed extraction: mean F1 {mean:.3f} (bar 0.95){'' if not low else '; below 0.90: ' + ', '.join(f'{k} {v:.2f}' for k, v in low.items())} -> {'PASS' if ok else 'FAIL'}")
sys.exit(0 if ok else 1)
