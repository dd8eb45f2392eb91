#!/usr/bin/python3
"""Wraps a 16-bit grey PNG mammogram into a DICOM Digital Mammography X-Ray Image (For Presentation).

Used by samples/tools/make-sample-data to turn synthetic mammograms into the bundled sample DICOM files.
UIDs are derived from --uid-seed, so the same arguments give the same file. Runs with Debian's
/usr/bin/python3 and its python3-pydicom, python3-numpy and python3-pil packages.
"""
import argparse

import numpy as np
import pydicom
from PIL import Image
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

MAMMOGRAPHY_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.2"


def uid(seed, part):
    return generate_uid(entropy_srcs=[seed, part])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--png", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--patient-id", required=True)
    parser.add_argument("--laterality", choices=["L", "R"], required=True)
    parser.add_argument("--view", choices=["CC", "MLO"], required=True)
    parser.add_argument("--spacing-mm", type=float, required=True)
    parser.add_argument("--uid-seed", required=True)
    args = parser.parse_args()

    pixels = np.asarray(Image.open(args.png))
    if pixels.ndim != 2:
        raise SystemExit(f"{args.png}: expected a single-channel grey PNG, got shape {pixels.shape}")
    pixels = pixels.astype(np.uint16)

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = MAMMOGRAPHY_FOR_PRESENTATION
    meta.MediaStorageSOPInstanceUID = uid(args.uid_seed, "instance")
    meta.TransferSyntaxUID = ExplicitVRLittleEndian

    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = MAMMOGRAPHY_FOR_PRESENTATION
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = uid(args.uid_seed, "study")
    ds.SeriesInstanceUID = uid(args.uid_seed, "series")
    ds.FrameOfReferenceUID = uid(args.uid_seed, "frame")
    ds.PatientName = "SYNTHETIC^" + args.patient_id
    ds.PatientID = args.patient_id
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
    ds.ImageLaterality = args.laterality
    ds.Laterality = args.laterality
    ds.ViewPosition = args.view
    ds.PatientOrientation = ["A", "R" if args.laterality == "L" else "L"]
    ds.BurnedInAnnotation = "NO"
    ds.PixelSpacing = [args.spacing_mm, args.spacing_mm]
    ds.ImagerPixelSpacing = [args.spacing_mm, args.spacing_mm]
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = pixels.shape
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 0
    ds.RescaleIntercept = 0
    ds.RescaleSlope = 1
    ds.RescaleType = "US"
    ds.WindowCenter = int(pixels.mean())
    ds.WindowWidth = int(max(1, pixels.max() - pixels.min()))
    ds.PixelData = pixels.tobytes()
    pydicom.dcmwrite(args.out, ds, write_like_original=False)


if __name__ == "__main__":
    main()
