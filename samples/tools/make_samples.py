#!/usr/bin/python3
"""Turns a synthetic data set (CBIS-DDSM layout, full-field 16-bit PNG) into the bundled samples.

Picks the first images of the data set's description CSVs (one per requested lesion type) and the first
normal images, wraps each as a DICOM Digital Mammography X-Ray Image (For Presentation) whose pixels are
a JPEG 2000 code stream (Pillow's OpenJPEG; lossy at --rate:1 to keep the files small, which is fine for
demonstration images), and writes their ground truth to its own folder: description CSVs with CBIS-DDSM's
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
    parser.add_argument("--spacing-mm", type=float, default=0.05)
    parser.add_argument("--rate", type=int, default=16)
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    for old in os.listdir(args.out):
        if old.endswith(".dcm"):
            os.remove(os.path.join(args.out, old))
    shutil.rmtree(args.ground_truth, ignore_errors=True)
    os.makedirs(os.path.join(args.ground_truth, "masks"))
    images_from_truth = os.path.relpath(args.out, args.ground_truth)

    wanted = {"mass": args.masses, "calcification": args.calcifications}
    chosen_images = {}
    for kind, names in DESCRIPTION_CSVS.items():
        rows = read_rows(args.synthetic, names)
        kept = []
        for header, row in rows:
            image = clean(row["image file path"])
            if image not in chosen_images and len({r["image file path"] for _, r in kept}) >= wanted[kind]:
                continue
            if image not in chosen_images:
                chosen_images[image] = row
            kept.append((header, row))
        if not kept:
            raise SystemExit(f"no {kind} rows in {args.synthetic}")
        header = kept[0][0]
        out_csv = os.path.join(args.ground_truth, names[0].replace("_test_set", ""))
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
                    shutil.copyfile(source, os.path.join(args.ground_truth, target))
                    row[column] = target
                row["cropped image file path"] = ""
                writer.writerow(row)

    for image, row in chosen_images.items():
        write_dicom(os.path.join(args.synthetic, image), os.path.join(args.out, sample_name(row)),
                    row["patient_id"], row["left or right breast"][0], row["image view"],
                    args.spacing_mm, args.rate)

    normals = sorted(os.listdir(os.path.join(args.synthetic, "normals")))[: args.normals]
    for index, name in enumerate(normals):
        side = "L" if "LEFT" in name else "R"
        view = "MLO" if "MLO" in name else "CC"
        write_dicom(os.path.join(args.synthetic, "normals", name),
                    os.path.join(args.out, f"normal-{index + 1}.dcm"), f"N_{index + 1:05d}", side, view,
                    args.spacing_mm, args.rate)


def sample_name(row):
    return f"{row['patient_id']}_{row['left or right breast']}_{row['image view']}.dcm"


if __name__ == "__main__":
    main()
