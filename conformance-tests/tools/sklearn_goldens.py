#!/usr/bin/python3
"""scikit-learn reference outputs of the conformance kit's metrics cases.

Run with Debian's interpreter and packages (python3-sklearn, python3-numpy, python3-onnx), by the
kit's regeneration command (see conformance-tests/README.md) or by hand:

    /usr/bin/python3 conformance-tests/tools/sklearn_goldens.py CASE_FOLDER

For every CASE_FOLDER/test_data_set_N it reads input_0.pb (scores, float64 [n]), input_1.pb (labels,
int64 [n], 0/1) and input_2.pb (decision threshold, float64 []) and writes, as ONNX TensorProtos:
output_0.pb roc_auc_score, output_1.pb average_precision_score, output_2.pb and output_3.pb the false
and true positive rates of roc_curve (drop_intermediate=True), output_4.pb the confusion counts
(tp, fp, tn, fn; int64) of predicting scores >= threshold, output_5.pb precision, recall, F1 and
specificity (recall of class 0) there, zero_division=0. Prints the library versions as JSON.
Deterministic: re-running on the same inputs rewrites the same bytes.
"""
import json
import os
import sys

import numpy as np
import onnx
import sklearn
from onnx import numpy_helper
from sklearn.metrics import (average_precision_score, confusion_matrix, f1_score, precision_score,
                             recall_score, roc_auc_score, roc_curve)


def read(path):
    return numpy_helper.to_array(onnx.load_tensor(path))


def write(path, name, array):
    with open(path, "wb") as f:
        f.write(numpy_helper.from_array(array, name).SerializeToString())


def main(case):
    sets = sorted(d for d in os.listdir(case) if d.startswith("test_data_set_"))
    for data_set in sets:
        folder = os.path.join(case, data_set)
        scores = read(os.path.join(folder, "input_0.pb")).astype(np.float64)
        labels = read(os.path.join(folder, "input_1.pb")).astype(np.int64)
        threshold = float(read(os.path.join(folder, "input_2.pb")))
        fpr, tpr, _ = roc_curve(labels, scores, drop_intermediate=True)
        predicted = (scores >= threshold).astype(np.int64)
        tn, fp, fn, tp = confusion_matrix(labels, predicted, labels=[0, 1]).ravel()
        rates = [precision_score(labels, predicted, zero_division=0),
                 recall_score(labels, predicted, zero_division=0),
                 f1_score(labels, predicted, zero_division=0),
                 recall_score(labels, predicted, pos_label=0, zero_division=0)]
        outputs = [
            ("roc_auc", np.array(roc_auc_score(labels, scores), dtype=np.float64)),
            ("average_precision", np.array(average_precision_score(labels, scores), dtype=np.float64)),
            ("roc_fpr", np.asarray(fpr, dtype=np.float64)),
            ("roc_tpr", np.asarray(tpr, dtype=np.float64)),
            ("confusion_tp_fp_tn_fn", np.array([tp, fp, tn, fn], dtype=np.int64)),
            ("precision_recall_f1_specificity", np.array(rates, dtype=np.float64)),
        ]
        for k, (name, value) in enumerate(outputs):
            write(os.path.join(folder, "output_%d.pb" % k), name, value)
    json.dump({"scikit-learn": sklearn.__version__, "numpy": np.__version__, "onnx": onnx.__version__},
              sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
