"""The case-description tables of a CBIS-DDSM-layout image folder (what DatasetBuilder and
ImageStudyCommand read), for the study scripts beside this module."""
import csv
import glob
import os
import re

MAMMOGRAM = re.compile(r"P_\d+_(LEFT|RIGHT)_(CC|MLO)")


def mammogram(path):
    """Patient, side and view: the same for every CBIS-DDSM copy of one mammogram."""
    return MAMMOGRAM.search(path).group(0)


def case_rows(folder):
    """Every row of the folder's *_case_description_*_set.csv tables, table by table in name order."""
    for table in sorted(glob.glob(os.path.join(folder, "*_case_description_*_set.csv"))):
        with open(table, newline="") as f:
            yield from csv.DictReader(f)
