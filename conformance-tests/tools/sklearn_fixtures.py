#!/usr/bin/python3
"""Oracle fixtures for the SDK's classification metrics (org.latentcadx.sdk.metrics).

Run with Debian's interpreter and packages (python3-sklearn, python3-numpy, python3-scipy):

    /usr/bin/python3 conformance-tests/tools/sklearn_fixtures.py \
        sdk/src/test/resources/org/latentcadx/sdk/metrics/sklearn

Writes one JSON file per score/label set with scikit-learn's roc_curve (both drop_intermediate
settings), roc_auc_score, precision_recall_curve, average_precision_score, precision/recall/F1/
specificity/confusion matrix at several thresholds and the threshold of best F1. Sets with a second
score vector also carry DeLong's test, computed here from the definition (the O(m*n) Mann-Whitney
kernel of DeLong et al. 1988, not the fast midrank algorithm the Java code uses).

The output is deterministic: fixed seeds (numpy's frozen RandomState stream), sorted keys and Python's
shortest round-trip float repr, so re-running reproduces the committed files byte for byte. The SDK's
FixturesAreCurrentTest re-runs this script and fails when the committed files are stale.
"""
import json
import os
import sys

import numpy as np
import scipy
import sklearn
from scipy.stats import norm
from sklearn.metrics import (average_precision_score, confusion_matrix, f1_score,
                             precision_recall_curve, precision_score, recall_score, roc_auc_score,
                             roc_curve)


def floats(values):
    return [float(v) for v in values]


def roc(labels, scores, drop_intermediate):
    fpr, tpr, thresholds = roc_curve(labels, scores, drop_intermediate=drop_intermediate)
    return {"fpr": floats(fpr), "tpr": floats(tpr), "thresholds": floats(thresholds)}


def at_threshold(labels, scores, threshold):
    predicted = (scores >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(labels, predicted, labels=[0, 1]).ravel()
    return {
        "threshold": float(threshold),
        "tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn),
        "precision": float(precision_score(labels, predicted, zero_division=0)),
        "recall": float(recall_score(labels, predicted, zero_division=0)),
        "f1": float(f1_score(labels, predicted, zero_division=0)),
        "specificity": float(recall_score(labels, predicted, pos_label=0, zero_division=0)),
    }


def best_f1(labels, scores):
    """Highest F1 over the distinct scores used as thresholds (score >= t is positive); on a tie the
    highest such threshold. F1 = 2TP / (2TP + FP + FN) from integer counts, so ties are exact."""
    best = None
    for t in sorted(set(scores.tolist()), reverse=True):
        predicted = scores >= t
        tp = int(np.sum(predicted & (labels == 1)))
        fp = int(np.sum(predicted & (labels == 0)))
        fn = int(np.sum(~predicted & (labels == 1)))
        f1 = 2 * tp / (2 * tp + fp + fn)
        if best is None or f1 > best["f1"]:
            best = {"threshold": float(t), "f1": f1}
    best["f1_sklearn"] = float(f1_score(labels, (scores >= best["threshold"]).astype(int)))
    return best


def delong(labels, scores_a, scores_b):
    """DeLong, DeLong & Clarke-Pearson (1988) from its definition."""
    positives = labels == 1
    components_pos, components_neg, aucs = [], [], []
    for scores in (scores_a, scores_b):
        x = scores[positives][:, None]
        y = scores[~positives][None, :]
        psi = (x > y) + 0.5 * (x == y)
        components_pos.append(psi.mean(axis=1))
        components_neg.append(psi.mean(axis=0))
        aucs.append(psi.mean())
    m, n = int(positives.sum()), int((~positives).sum())
    covariance = np.cov(np.array(components_pos)) / m + np.cov(np.array(components_neg)) / n
    variance = covariance[0, 0] + covariance[1, 1] - 2 * covariance[0, 1]
    z = (aucs[0] - aucs[1]) / np.sqrt(variance)
    return {
        "scores_b": floats(scores_b),
        "auc_a": float(aucs[0]), "auc_b": float(aucs[1]),
        "covariance": [floats(row) for row in covariance],
        "z": float(z),
        "p_value": float(2 * norm.sf(abs(z))),
    }


def fixture(name, labels, scores, scores_b=None):
    labels = np.asarray(labels, dtype=int)
    scores = np.asarray(scores, dtype=float)
    both_classes = len(np.unique(labels)) == 2
    precision, recall, pr_thresholds = precision_recall_curve(labels, scores)
    quantiles = np.quantile(scores, [0.1, 0.5, 0.9], method="lower")
    thresholds = sorted(set([0.5] + quantiles.tolist()))
    result = {
        "generator": "conformance-tests/tools/sklearn_fixtures.py",
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__,
                     "scipy": scipy.__version__},
        "name": name,
        "labels": [int(v) for v in labels],
        "scores": floats(scores),
        "roc": roc(labels, scores, True) if both_classes else None,
        "roc_full": roc(labels, scores, False) if both_classes else None,
        "roc_auc": float(roc_auc_score(labels, scores)) if both_classes else None,
        "pr": {"precision": floats(precision), "recall": floats(recall),
               "thresholds": floats(pr_thresholds)},
        "average_precision": float(average_precision_score(labels, scores)),
        "at_threshold": [at_threshold(labels, scores, t) for t in thresholds],
        "best_f1": best_f1(labels, scores),
        "delong": delong(labels, scores, np.asarray(scores_b, dtype=float))
                  if scores_b is not None else None,
    }
    return name, result


def cases():
    rng = np.random.RandomState(20210607)

    labels = (rng.random_sample(500) < 0.3).astype(int)
    scores = 1 / (1 + np.exp(-(rng.normal(size=500) + 1.2 * labels)))
    scores_b = 1 / (1 + np.exp(-(rng.normal(size=500) + 0.9 * labels + 0.5 * scores)))
    yield fixture("random", labels, scores, scores_b)

    labels = (rng.random_sample(300) < 0.4).astype(int)
    scores = np.clip(rng.randint(0, 6, size=300) + 2 * labels, 0, 9) / 10
    scores_b = np.clip(rng.randint(0, 8, size=300) + labels, 0, 9) / 10
    yield fixture("tied", labels, scores, scores_b)

    yield fixture("tiny", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    yield fixture("tiny-tied", [0, 1, 1, 0, 1], [0.1, 0.2, 0.2, 0.3, 0.9],
                  [0.2, 0.2, 0.7, 0.1, 0.9])

    # The paper's patch set is 2,835 positives to 36,052 negatives, about 1:13.
    labels = np.r_[np.ones(100, dtype=int), np.zeros(1300, dtype=int)]
    rng.shuffle(labels)
    scores = np.where(labels == 1, rng.beta(5, 2, size=1400), rng.beta(2, 5, size=1400))
    scores_b = np.clip(scores + rng.normal(scale=0.15, size=1400), 0, 1)
    yield fixture("imbalanced-1-to-13", labels, scores, scores_b)

    labels = (rng.random_sample(200) < 0.5).astype(int)
    scores = rng.randint(-5, 15, size=200) + 5 * labels
    yield fixture("integer-scores", labels, scores)

    yield fixture("perfect-separation", [0, 0, 0, 1, 1, 1, 1], [0.1, 0.2, 0.3, 0.6, 0.7, 0.7, 0.9],
                  [0.3, 0.1, 0.65, 0.4, 0.9, 0.8, 0.5])

    # No negatives: scikit-learn defines the PR curve and AP (precision 1 everywhere), not ROC.
    yield fixture("all-positive", [1, 1, 1, 1, 1], [0.2, 0.5, 0.5, 0.9, 0.1])


def main(output_dir):
    os.makedirs(output_dir, exist_ok=True)
    for name, result in cases():
        with open(os.path.join(output_dir, name + ".json"), "w", encoding="utf-8") as out:
            json.dump(result, out, indent=1, sort_keys=True, allow_nan=False)
            out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: sklearn_fixtures.py OUTPUT_DIR")
    main(sys.argv[1])
