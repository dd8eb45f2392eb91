#!/usr/bin/python3
"""Turns a synthetic data set (CBIS-DDSM layout, full-field 16-bit PNG) into the bundled samples.

Picks the first images of the data set's description CSVs (per lesion type, as many as requested) whose
every lesion has at least --min-subtlety (the generator's visibility grade, from the lesion's contrast and
edge: 1 subtle .. 5 obvious, CBIS-DDSM's scale) and the first normal images; optionally the first mass
image and the first calcification image below that grade as hard cases, in a folder of their own. Each
is wrapped as a DICOM Digital Mammography X-Ray Image (For Presentation) whose pixels are a JPEG 2000
code stream (Pillow's OpenJPEG; lossy at --rate:1 to keep the files small, which is fine for
demonstration images), with its ground truth in a folder of its own: description CSVs with CBIS-DDSM's
columns (plus the synthetic set's latent mask column) whose image paths name the DICOM files, and the
outline and latent-truth masks as PNG. UIDs derive from the file names, so a rerun with the same data
set writes the same files. Runs with Debian's /usr/bin/python3 (python3-pydicom, -numpy, -pil).
"""
import argparse
import csv
import io
import os
import shutil

import numpy as np
import pydicom
from PIL import Image
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import JPEG2000, generate_uid

MAMMOGRAPHY_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.2"
DESCRIPTION_CSVS = {
    "mass": ["mass_case_description_test_set.csv", "mass_case_description_train_set.csv"],
    "calcification": ["calc_case_description_test_set.csv", "calc_case_description_train_set.csv"],
}


def read_rows(root, names):
    rows = []
    for name in names:
        path = os.path.join(root, name)
        if os.path.exists(path):
            with open(path, newline="") as f:
                reader = csv.DictReader(f)
                rows += [(reader.fieldnames, row) for row in reader]
    return rows


def clean(path):
    return path.replace('"', "").strip()


def j2k(pixels, rate):
    image = Image.fromarray(pixels.astype(np.uint16), mode="I;16")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG2000", no_jp2=True, irreversible=True,
               quality_mode="rates", quality_layers=[rate])
    return buffer.getvalue()


def write_dicom(png, out, patient_id, laterality, view, spacing_mm, rate):
    pixels = np.asarray(Image.open(png))
    if pixels.ndim != 2:
        raise SystemExit(f"{png}: expected a single-channel grey PNG, got shape {pixels.shape}")
    seed = os.path.basename(out)

    def uid(part):
        return generate_uid(entropy_srcs=["latentcadx-sample", seed, part])

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = MAMMOGRAPHY_FOR_PRESENTATION
    meta.MediaStorageSOPInstanceUID = uid("instance")
    meta.TransferSyntaxUID = JPEG2000

    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = MAMMOGRAPHY_FOR_PRESENTATION
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = uid("study")
    ds.SeriesInstanceUID = uid("series")
    ds.FrameOfReferenceUID = uid("frame")
    ds.PatientName = "SYNTHETIC^" + patient_id
    ds.PatientID = patient_id
    ds.PatientBirthDate = ""
    ds.PatientSex = "F"
    ds.StudyDate = "20260101"
    ds.StudyTime = "000000"
    ds.AccessionNumber = ""
    ds.ReferringPhysicianName = ""
    ds.StudyID = "1"
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    ds.Modality = "MG"
    ds.Manufacturer = "LatentCADx synthetic generator"
    ds.ImageType = ["DERIVED", "PRIMARY"]
    ds.PresentationIntentType = "FOR PRESENTATION"
    ds.ImageLaterality = laterality
    ds.Laterality = laterality
    ds.ViewPosition = view
    ds.PatientOrientation = ["A", "R" if laterality == "L" else "L"]
    ds.BurnedInAnnotation = "NO"
    ds.PixelSpacing = [spacing_mm, spacing_mm]
    ds.ImagerPixelSpacing = [spacing_mm, spacing_mm]
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = pixels.shape
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 0
    ds.LossyImageCompression = "01"
    ds.LossyImageCompressionRatio = rate
    ds.LossyImageCompressionMethod = "ISO_15444_1"
    ds.PixelData = encapsulate([j2k(pixels, rate)])
    ds["PixelData"].is_undefined_length = True
    ds["PixelData"].VR = "OB"
    pydicom.dcmwrite(out, ds, write_like_original=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--synthetic", required=True, help="root of the synthetic data set")
    parser.add_argument("--out", required=True, help="folder of the sample images (its .dcm files are rewritten)")
    parser.add_argument("--ground-truth", required=True, help="folder of their ground truth (rewritten)")
    parser.add_argument("--masses", type=int, default=2)
    parser.add_argument("--calcifications", type=int, default=1)
    parser.add_argument("--normals", type=int, default=2)
    parser.add_argument("--min-subtlety", type=int, default=3,
                        help="every lesion of a sample image has at least this subtlety (1 subtle .. 5 obvious)")
    parser.add_argument("--hard-cases",
                        help="folder whose data/ and ground-truth/ get the first mass image and the first "
                             "calcification image with a lesion below --min-subtlety")
    parser.add_argument("--spacing-mm", type=float, default=0.05)
    parser.add_argument("--rate", type=int, default=16)
    args = parser.parse_args()

    rows = {kind: read_rows(args.synthetic, names) for kind, names in DESCRIPTION_CSVS.items()}
    subtlety = image_subtlety(rows)
    wanted = {"mass": args.masses, "calcification": args.calcifications}
    write_set(args, rows, wanted, lambda image: subtlety[image] >= args.min_subtlety,
              args.out, args.ground_truth, args.normals)
    if args.hard_cases:
        write_set(args, rows, {"mass": 1, "calcification": 1},
                  lambda image: subtlety[image] < args.min_subtlety,
                  os.path.join(args.hard_cases, "data"), os.path.join(args.hard_cases, "ground-truth"), 0)


def image_subtlety(rows):
    """The lowest subtlety among each image's lesions, over both description files."""
    lowest = {}
    for kind_rows in rows.values():
        for _, row in kind_rows:
            image = clean(row["image file path"])
            lowest[image] = min(lowest.get(image, 5), int(row["subtlety"]))
    return lowest


def write_set(args, rows, wanted, accepts, out, ground_truth, normal_count):
    """Writes the first `wanted` accepted lesion images of each type and the first normals to out/."""
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if old.endswith(".dcm"):
            os.remove(os.path.join(out, old))
    shutil.rmtree(ground_truth, ignore_errors=True)
    os.makedirs(os.path.join(ground_truth, "masks"))
    images_from_truth = os.path.relpath(out, ground_truth)

    chosen_images = {}
    for kind, names in DESCRIPTION_CSVS.items():
        kept = []
        for header, row in rows[kind]:
            image = clean(row["image file path"])
            if image not in chosen_images:
                full = len({clean(r["image file path"]) for _, r in kept}) >= wanted[kind]
                if full or not accepts(image):
                    continue
                chosen_images[image] = row
            kept.append((header, row))
        if not kept:
            raise SystemExit(f"no {kind} rows to choose from in {args.synthetic}")
        header = kept[0][0]
        out_csv = os.path.join(ground_truth, names[0].replace("_test_set", ""))
        with open(out_csv, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            for _, row in kept:
                row = dict(row)
                name = sample_name(row)
                row["image file path"] = images_from_truth + "/" + name
                for column, suffix in (("ROI mask file path", "outline"), ("latent mask file path", "latent")):
                    source = os.path.join(args.synthetic, clean(row[column]))
                    stem = os.path.splitext(name)[0]
                    target = f"masks/{stem}_{row['abnormality id']}_{suffix}.png"
                    shutil.copyfile(source, os.path.join(ground_truth, target))
                    row[column] = target
                row["cropped image file path"] = ""
                writer.writerow(row)

    for image, row in chosen_images.items():
        write_dicom(os.path.join(args.synthetic, image), os.path.join(out, sample_name(row)),
                    row["patient_id"], row["left or right breast"][0], row["image view"],
                    args.spacing_mm, args.rate)

    normals = sorted(os.listdir(os.path.join(args.synthetic, "normals")))[:normal_count]
    for index, name in enumerate(normals):
        side = "L" if "LEFT" in name else "R"
        view = "MLO" if "MLO" in name else "CC"
        write_dicom(os.path.join(args.synthetic, "normals", name),
                    os.path.join(out, f"normal-{index + 1}.dcm"), f"N_{index + 1:05d}", side, view,
                    args.spacing_mm, args.rate)


def sample_name(row):
    return f"{row['patient_id']}_{row['left or right breast']}_{row['image view']}.dcm"


if __name__ == "__main__":
    main()
