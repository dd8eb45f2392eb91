#!/usr/bin/python3
"""Writes small DICOM files for CbisDicomLayoutTest with pydicom (an independent DICOM writer).

usage: make_dicom.py OUT.dcm WIDTH HEIGHT image|mask
  image: 16-bit MG, BitsStored 16, pixel (x, y) = (x * 37 + y * 1009) % 65536
  mask:  8-bit, 255 inside the rectangle [W/4, W/2) x [H/4, H/2), 0 elsewhere (a CBIS-DDSM ROI mask)
"""
import sys

import numpy as np
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

MG_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.2"


def main(out, width, height, kind):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = MG_FOR_PRESENTATION
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(out, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID = MG_FOR_PRESENTATION
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.PatientID = "P_00001"
    ds.Modality = "MG"
    ds.Rows = height
    ds.Columns = width
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.PixelRepresentation = 0
    if kind == "image":
        y, x = np.mgrid[0:height, 0:width]
        pixels = ((x * 37 + y * 1009) % 65536).astype(np.uint16)
        ds.BitsAllocated = ds.BitsStored = 16
        ds.HighBit = 15
    else:
        pixels = np.zeros((height, width), dtype=np.uint8)
        pixels[height // 4 : height // 2, width // 4 : width // 2] = 255
        ds.BitsAllocated = ds.BitsStored = 8
        ds.HighBit = 7
    ds.PixelData = pixels.tobytes()
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.save_as(out, write_like_original=False)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
