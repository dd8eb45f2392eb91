#!/usr/bin/python3
"""Writes a seeded set of full-size synthetic mammograms in the common DICOM encodings, for
scripts/benchmark-throughput.

Usage: make_benchmark_set.py OUT [--images N] [--width 4000] [--height 6000] [--seed 1]

OUT/<encoding>/image-K.dcm for the encodings explicit-le (uncompressed), rle, jpeg-lossless (process
14, selection value 1), j2k-lossless and j2k-lossy (about 20:1): 12-bit MONOCHROME2 "For Presentation"
mammograms with a smooth breast, noise and a few dense blobs. pydicom writes the uncompressed file,
dcmtk (dcmcrle, dcmcjpeg) and OpenJPEG (through Pillow) compress it. Debian packages only.
"""
import argparse
import io
import os
import subprocess

import numpy as np
import pydicom
from PIL import Image
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import ExplicitVRLittleEndian, JPEG2000, JPEG2000Lossless, generate_uid

MG_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.2"


def mammogram(width, height, rng):
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy, r = 0.0, height / 2, 0.9 * width
    inside = ((xx - cx) ** 2 + ((yy - cy) * width / height) ** 2) < r ** 2
    tissue = 1800 + 900 * np.cos(xx / width * 3) * np.sin(yy / height * 5)
    tissue += rng.normal(0, 60, size=(height, width)).astype(np.float32)
    for _ in range(4):
        bx, by, br = rng.uniform(0.2, 0.7) * width, rng.uniform(0.2, 0.8) * height, rng.uniform(40, 160)
        tissue += 900 * np.exp(-((xx - bx) ** 2 + (yy - by) ** 2) / (2 * br ** 2))
    image = np.where(inside, tissue, 80 + rng.normal(0, 10, size=(height, width)))
    return np.clip(image, 0, 4095).astype(np.uint16)


def dataset(path, pixels, index):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = MG_FOR_PRESENTATION
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(path, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID = MG_FOR_PRESENTATION
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.PatientName = "BENCHMARK^%d" % index
    ds.PatientID = "B%04d" % index
    ds.Modality = "MG"
    ds.ImageLaterality = "L"
    ds.ViewPosition = "CC"
    ds.ImagerPixelSpacing = ["0.05", "0.05"]
    ds.Rows, ds.Columns = pixels.shape
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.PixelData = pixels.tobytes()
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    return ds


def j2k(pixels, lossless):
    image = Image.fromarray(pixels, mode="I;16")
    buffer = io.BytesIO()
    if lossless:
        image.save(buffer, format="JPEG2000", no_jp2=True, irreversible=False)
    else:
        image.save(buffer, format="JPEG2000", no_jp2=True, irreversible=True, quality_mode="rates",
                   quality_layers=[20])
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--images", type=int, default=3)
    parser.add_argument("--width", type=int, default=4000)
    parser.add_argument("--height", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    folders = {name: os.path.join(args.out, name)
               for name in ["explicit-le", "rle", "jpeg-lossless", "j2k-lossless", "j2k-lossy"]}
    for folder in folders.values():
        os.makedirs(folder, exist_ok=True)
    for k in range(1, args.images + 1):
        name = "image-%d.dcm" % k
        pixels = mammogram(args.width, args.height, rng)
        plain = os.path.join(folders["explicit-le"], name)
        ds = dataset(plain, pixels, k)
        ds.save_as(plain, write_like_original=False)
        subprocess.run(["dcmcrle", plain, os.path.join(folders["rle"], name)], check=True)
        subprocess.run(["dcmcjpeg", "+e1", plain, os.path.join(folders["jpeg-lossless"], name)], check=True)
        for folder, ts, lossless in (("j2k-lossless", JPEG2000Lossless, True), ("j2k-lossy", JPEG2000, False)):
            encoded = pydicom.dcmread(plain)
            encoded.file_meta.TransferSyntaxUID = ts
            encoded.PixelData = encapsulate([j2k(pixels, lossless)])
            encoded["PixelData"].is_undefined_length = True
            encoded["PixelData"].VR = "OB"
            if not lossless:
                encoded.LossyImageCompression = "01"
            encoded.save_as(os.path.join(folders[folder], name), write_like_original=False)
        print("make_benchmark_set: image %d of %d written in 5 encodings" % (k, args.images))


if __name__ == "__main__":
    main()
