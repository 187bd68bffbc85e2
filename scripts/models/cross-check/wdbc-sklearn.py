#!/usr/bin/python3
"""Cross-checks the TypeScript WDBC logistic regression against scikit-learn (Debian
python3-sklearn): same standardized design, LogisticRegression(C=1) = ridge λ = 1 on the
slopes, and the held-out AUC and Brier score. Optional, not in CI.
Usage: /usr/bin/python3 wdbc-sklearn.py <dir written by export-for-r.ts>"""
import csv
import sys

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score

d = sys.argv[1]


def load(name):
    with open(f"{d}/{name}") as f:
        rows = list(csv.reader(f))[1:]
    a = np.array(rows, dtype=float)
    return a[:, :-1], a[:, -1]


xt, yt = load("wdbc-train.csv")
xh, yh = load("wdbc-heldout.csv")
with open(f"{d}/wdbc-model.csv") as f:
    ts = {r[0]: float(r[1]) for r in list(csv.reader(f))[1:]}
with open(f"{d}/wdbc-card-metrics.csv") as f:
    card = {r[0]: float(r[2]) for r in list(csv.reader(f))[1:]}

m = LogisticRegression(C=1.0, tol=1e-8, max_iter=100000, solver="newton-cg").fit(xt, yt)
print(f"{'quantity':<12} {'TS':>20} {'scikit-learn':>20} {'|diff|':>10}")
rows = [("intercept", ts["intercept"], m.intercept_[0])]
rows += [(f"beta{j}", ts[f"beta{j}"], m.coef_[0][j]) for j in range(10)]
p = m.predict_proba(xh)[:, 1]
rows += [("AUC held-out", card["AUC"], round(roc_auc_score(yh, p), 4))]
rows += [("Brier held-out", card["Brier score"], round(brier_score_loss(yh, p), 4))]
for name, a, b in rows:
    print(f"{name:<12} {a:>20.12g} {b:>20.12g} {abs(a - b):>10.2g}")
print(f"\nscikit-learn {sklearn.__version__}, numpy {np.__version__}")
