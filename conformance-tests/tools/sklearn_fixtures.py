#!/usr/bin/python3
"""Oracle fixtures for the SDK's classification metrics (org.latentcadx.sdk.metrics).

Run with Debian's interpreter and packages (python3-sklearn, python3-numpy, python3-scipy):

    /usr/bin/python3 conformance-tests/tools/sklearn_fixtures.py \
        sdk/src/test/resources/org/latentcadx/sdk/metrics/oracle

Writes, under classification/, one JSON file per score/label set with scikit-learn's roc_curve (both drop_intermediate
settings), roc_auc_score, precision_recall_curve, average_precision_score, precision/recall/F1/
specificity/confusion matrix at several thresholds and the threshold of best F1. Sets with a second
score vector also carry DeLong's test, computed here from the definition (the O(m*n) Mann-Whitney
kernel of DeLong et al. 1988, not the fast midrank algorithm the Java code uses).

Under segmentation/: overlap.json, masks with IoU, Dice, IOP and IOA from scikit-learn's jaccard_score,
f1_score, precision_score and recall_score on the flattened masks (thresholded at >= 0.5) and confused
pixel counts; detection-ap.json, ranked detection lists with AP by numpy re-implementations of the
PASCAL VOC devkit's all-point voc_ap and pycocotools' 101-point accumulate (ties ranked stably).

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
from sklearn.metrics import (average_precision_score, confusion_matrix, f1_score, jaccard_score,
                             precision_recall_curve, precision_score, recall_score, roc_auc_score,
                             roc_curve)


GENERATOR = "conformance-tests/tools/sklearn_fixtures.py"
VERSIONS = {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__}


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
        "generator": GENERATOR,
        "versions": VERSIONS,
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


def blob_mask(size, centre, radius):
    y, x = np.mgrid[0:size, 0:size]
    return (((y - centre[0]) ** 2 + (x - centre[1]) ** 2) <= radius ** 2).astype(int)


def overlap_case(name, prediction, annotation):
    prediction = np.asarray(prediction, dtype=np.float32)
    predicted = (prediction >= np.float32(0.5)).astype(int).ravel()
    annotated = np.asarray(annotation, dtype=int).ravel()
    confused = (prediction > np.float32(0.3)) & (prediction < np.float32(0.7))
    return {
        "name": name,
        "width": int(prediction.shape[1]), "height": int(prediction.shape[0]),
        "prediction": floats(prediction.ravel()),
        "annotation": [int(v) for v in annotated],
        "iou": float(jaccard_score(annotated, predicted)),
        "dice": float(f1_score(annotated, predicted)),
        "iop": float(precision_score(annotated, predicted)),
        "ioa": float(recall_score(annotated, predicted)),
        "confused": int(confused.sum()),
    }


def overlap_cases():
    rng = np.random.RandomState(20210608)
    size = 24
    for k in range(4):
        annotation = blob_mask(size, rng.randint(6, 18, size=2), rng.randint(3, 8))
        centre = rng.randint(6, 18, size=2)
        y, x = np.mgrid[0:size, 0:size]
        distance = np.sqrt((y - centre[0]) ** 2 + (x - centre[1]) ** 2)
        prediction = 1 / (1 + np.exp((distance - rng.randint(3, 8)) / 1.5))
        prediction = prediction + rng.normal(scale=0.05, size=prediction.shape)
        prediction = np.clip(prediction, 0, 1).astype(np.float32)
        # Pixels exactly on the boundaries of the threshold and of the confused interval.
        prediction[0, :3] = [0.3, 0.5, 0.7]
        yield overlap_case("blob-%d" % k, prediction, annotation)


def voc_all_point_ap(scores, true_positive, ground_truths):
    order = np.argsort(-scores, kind="mergesort")
    tp = np.cumsum(true_positive[order]).astype(float)
    fp = np.cumsum(~true_positive[order]).astype(float)
    rec = tp / float(ground_truths)
    prec = tp / np.maximum(tp + fp, np.finfo(np.float64).eps)
    mrec = np.concatenate(([0.0], rec, [1.0]))
    mpre = np.concatenate(([0.0], prec, [0.0]))
    for i in range(mpre.size - 1, 0, -1):
        mpre[i - 1] = np.maximum(mpre[i - 1], mpre[i])
    i = np.where(mrec[1:] != mrec[:-1])[0]
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]))


def coco_101_point_ap(scores, true_positive, ground_truths):
    rec_thrs = np.linspace(0.0, 1.00, int(np.round((1.00 - 0.0) / 0.01)) + 1, endpoint=True)
    order = np.argsort(-scores, kind="mergesort")
    tp_sum = np.cumsum(true_positive[order]).astype(float)
    fp_sum = np.cumsum(~true_positive[order]).astype(float)
    rc = tp_sum / ground_truths
    pr = (tp_sum / (fp_sum + tp_sum + np.spacing(1))).tolist()
    q = [0.0] * len(rec_thrs)
    for i in range(len(pr) - 1, 0, -1):
        if pr[i] > pr[i - 1]:
            pr[i - 1] = pr[i]
    for ri, pi in enumerate(np.searchsorted(rc, rec_thrs, side="left")):
        if pi >= len(pr):
            break
        q[ri] = pr[pi]
    return float(np.mean(q))


def detection_case(name, scores, true_positive, ground_truths):
    scores = np.asarray(scores, dtype=float)
    true_positive = np.asarray(true_positive, dtype=bool)
    return {
        "name": name, "scores": floats(scores),
        "true_positive": [bool(v) for v in true_positive], "ground_truths": int(ground_truths),
        "voc_all_point": voc_all_point_ap(scores, true_positive, ground_truths),
        "coco_101_point": coco_101_point_ap(scores, true_positive, ground_truths),
    }


def detection_cases():
    rng = np.random.RandomState(20210609)
    scores = np.round(rng.random_sample(60) * 20) / 20
    true_positive = rng.random_sample(60) < scores
    yield detection_case("tied-scores-missed-objects", scores, true_positive, true_positive.sum() + 7)
    # 100 objects: recalls k/100 fall exactly on COCO's recall levels.
    scores = rng.random_sample(130)
    true_positive = np.zeros(130, dtype=bool)
    true_positive[rng.permutation(130)[:100]] = True
    yield detection_case("recall-on-coco-levels", scores, true_positive, 100)
    yield detection_case("perfect", [0.9, 0.8, 0.7], [True, True, True], 3)
    yield detection_case("all-false", [0.9, 0.8], [False, False], 2)
    yield detection_case("paper-like", [0.95, 0.9, 0.9, 0.8, 0.6, 0.4, 0.3],
                         [True, True, False, True, False, True, False], 6)


def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(value, out, indent=1, sort_keys=True, allow_nan=False)
        out.write("\n")


def main(output_dir):
    for name, result in cases():
        write_json(os.path.join(output_dir, "classification", name + ".json"), result)
    segmentation = os.path.join(output_dir, "segmentation")
    write_json(os.path.join(segmentation, "overlap.json"),
               {"generator": GENERATOR, "versions": VERSIONS, "cases": list(overlap_cases())})
    write_json(os.path.join(segmentation, "detection-ap.json"),
               {"generator": GENERATOR, "versions": VERSIONS, "cases": list(detection_cases())})


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: sklearn_fixtures.py OUTPUT_DIR")
    main(sys.argv[1])
