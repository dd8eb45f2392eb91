"""Whole-image results of smoothed probability maps, as ImageStudyCommand takes them, for the study's
post-processing probes (scripts/probe-map-smoothing, scripts/probe-test-scales): the peak (the first
highest pixel, row-major) and whether it lies inside an outline; marks, the 8-connected components at or
above each mark threshold 0.05, 0.10, ... 0.95, hit when their highest pixel lies in an outline (the
SDK's LesionExtractor and ImageStudyCommand's rule). Also reads ProbabilityMapDump's raw maps and
moves maps between downsample factors."""
import collections
import csv
import os

import numpy as np
from PIL import Image
from scipy import ndimage

from cbis_cases import case_rows, mammogram

EIGHT = np.ones((3, 3), bool)
THRESHOLDS = [round(0.05 * (k + 1), 2) for k in range(19)]
HEADER = "image,lesion_image,image_probability,map_peak,peak_in_outline,peak_distance,lesion_types\n"


def on_grid(m, f, factor, shape):
    """Map M of downsample factor F resampled bilinearly at the pixel centres of the factor-FACTOR map
    grid of SHAPE (both grids start at the image's top-left corner)."""
    rows = (np.arange(shape[0]) + 0.5) * factor / f - 0.5
    cols = (np.arange(shape[1]) + 0.5) * factor / f - 0.5
    return ndimage.map_coordinates(m, np.meshgrid(rows, cols, indexing="ij"), order=1, mode="nearest")


def dumped_maps(maps):
    """ProbabilityMapDump's maps in MAPS: (index row, float32 map at model scale) per image, in order."""
    for entry in csv.DictReader(open(os.path.join(maps, "index.csv"), newline="")):
        w, h = int(entry["width"]), int(entry["height"])
        yield entry, np.fromfile(os.path.join(maps, entry["n"] + ".f32"), dtype="<f4").reshape(h, w)


Truth = collections.namedtuple("Truth", "row outlines distance")


class ImageTruth:
    """The outlines and lesion types of the images named by an ImageStudyCommand scores file."""

    def __init__(self, folder, scores_file):
        self.folder = folder
        self.outline_files = {}
        for row in case_rows(folder):
            self.outline_files.setdefault(mammogram(row["image file path"]), set()).add(
                row["ROI mask file path"].strip())
        self.scores = {r["image"]: r for r in csv.DictReader(open(scores_file, newline=""))}

    def of(self, image):
        """The image's Truth: its scores row, its outlines as boolean arrays and each pixel's distance from
        the nearest outline (none of either for a normal image)."""
        row = self.scores[image]
        if row["lesion_image"] != "1":
            return Truth(row, [], None)
        outlines = [np.asarray(Image.open(os.path.join(self.folder, f))) > 0
                    for f in sorted(self.outline_files[mammogram(image)])]
        return Truth(row, outlines, ndimage.distance_transform_edt(~np.logical_or.reduce(outlines)))


class ArmTally:
    """One arm's per-image scores rows and its peak and mark counts over the images added."""

    def __init__(self):
        self.rows, self.images, self.lesion_images, self.mass_images, self.lesions = [], 0, 0, 0, 0
        self.peaks = self.mass_peaks = 0
        self.hits, self.fps = np.zeros(len(THRESHOLDS)), np.zeros(len(THRESHOLDS))

    def add(self, image, image_probability, m, truth):
        """One image's final map M with its Truth (ImageTruth.of)."""
        self.images += 1
        inside, peak_distance = "", ""
        outlines = truth.outlines
        if outlines:
            peak = np.unravel_index(np.argmax(m), m.shape)
            inside = "1" if truth.distance[peak] == 0 else "0"
            peak_distance = f"{truth.distance[peak]:.1f}"
            mass = truth.row["lesion_types"] == "mass"
            self.lesion_images += 1
            self.mass_images += mass
            self.lesions += len(outlines)
            self.peaks += inside == "1"
            self.mass_peaks += inside == "1" and mass
        self.rows.append(f'{image},{truth.row["lesion_image"]},{image_probability},{m.max():.6f},'
                         f'{inside},{peak_distance},{truth.row["lesion_types"]}')
        for k, threshold in enumerate(THRESHOLDS):
            labels, count = ndimage.label(m >= threshold, structure=EIGHT)
            if count == 0:
                continue
            pixels = np.flatnonzero(labels)
            label, value = labels.ravel()[pixels], m.ravel()[pixels]
            order = np.lexsort((pixels, -value, label))   # per mark: highest value, then first row-major
            _, first = np.unique(label[order], return_index=True)
            found = [False] * len(outlines)
            for flat in pixels[order][first]:
                at = np.unravel_index(flat, m.shape)
                hit = [l for l, o in enumerate(outlines) if o[at]]
                for l in hit:
                    found[l] = True
                self.fps[k] += not hit
            self.hits[k] += sum(found)

    def write_scores(self, path):
        with open(path, "w") as f:
            f.write(HEADER + "\n".join(self.rows) + "\n")

    def table_row(self, name):
        """NAME's row of table_head's table."""
        sensitivity, fps = self.hits / self.lesions, self.fps / self.images
        allowed = [k for k in range(len(THRESHOLDS)) if fps[k] <= 1 and sensitivity[k] > 0]
        best = max(allowed, key=lambda k: (sensitivity[k], k)) if allowed else None
        at_best = f"{sensitivity[best]:.3f} ({THRESHOLDS[best]:.2f})" if best is not None else "–"
        return (f"| {name} | {self.peaks / self.lesion_images:.3f} ({self.peaks} / {self.lesion_images}) | "
                f"{self.mass_peaks} / {self.mass_images} | {at_best} | {fps[9]:.2f} |")

    def caption(self):
        return f"{self.images} images ({self.lesion_images} with {self.lesions} lesions)"


def table_head(arm_column):
    return [f"| {arm_column} | peak inside an outline | mass-only images: peak inside | "
            "sensitivity at ≤ 1 FP per image (mark threshold) | FP marks per image at 0.5 |",
            "| --- | --- | --- | --- | --- |"]
