package org.latentcadx.sdk.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.MammogramImage;

/**
 * The reading pipeline, in the order that keeps allocations bounded: structure scan (lengths), header
 * parse without Pixel Data, header checks (SOP class, frames, size bound, decodable syntax, Pixel Data
 * length), then the full parse and the pixel decode.
 */
final class DicomImageDecoder {

  private DicomImageDecoder() {}

  static DicomImage decode(byte[] content, String source, long maxPixels, long maxInflatedBytes,
      Duration decodeTimeout) throws LatentCadxException {
    DicomStructureScan.Structure structure = DicomStructureScan.scan(content, source, maxInflatedBytes);
    AttributeList headerAttributes = parse(structure, source, true);
    ImageHeader header = header(headerAttributes, source, maxPixels);
    TransferSyntaxes.Entry syntax = TransferSyntaxes.lookUp(structure.transferSyntaxUid(), source);
    syntax.requireDecodable(header.bitsAllocated(), source);
    requirePixelData(structure, header, syntax, source);

    short[] stored;
    if (syntax.codec() == TransferSyntaxes.Codec.NATIVE) {
      stored = StoredPixels.ofNative(structure.dataSet(), structure.pixelDataOffset(),
          structure.bigEndian(), header);
    } else {
      Attribute pixelData = parse(structure, source, false).getPixelData();
      if (pixelData == null) {
        // PixelMed drops an attribute it fails to build and says nothing of why.
        throw new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": encapsulated Pixel Data could"
            + " not be read: its fragments are malformed, or the heap cannot hold them");
      }
      // The file's bytes are parsed: let them go before the decoder allocates the image.
      content = null;
      structure = null;
      stored = StoredPixels.ofEncapsulated(pixelData, header, syntax, decodeTimeout, source);
    }
    MammogramImage image = GreyLevels.image(stored, header);
    return new DicomImage(image, new DicomSource(source, headerAttributes));
  }

  /** The checked image header alone, without reading Pixel Data. */
  static ImageHeader header(byte[] content, String source, long maxPixels, long maxInflatedBytes)
      throws LatentCadxException {
    DicomStructureScan.Structure structure = DicomStructureScan.scan(content, source, maxInflatedBytes);
    return header(parse(structure, source, true), source, maxPixels);
  }

  private static ImageHeader header(AttributeList attributes, String source, long maxPixels)
      throws LatentCadxException {
    try {
      return ImageHeader.from(attributes, source, maxPixels);
    } catch (RuntimeException e) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT,
          source + ": malformed image attributes: " + FailureText.of(e), e);
    }
  }

  private static void requirePixelData(DicomStructureScan.Structure structure, ImageHeader header,
      TransferSyntaxes.Entry syntax, String source) throws LatentCadxException {
    if (!structure.hasPixelData()) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": has no Pixel Data");
    }
    boolean nativeSyntax = syntax.codec() == TransferSyntaxes.Codec.NATIVE;
    if (nativeSyntax == structure.pixelDataEncapsulated()) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": Pixel Data is "
          + (nativeSyntax ? "encapsulated" : "native") + " but transfer syntax " + syntax.uid()
          + " (" + syntax.name() + ") needs it " + (nativeSyntax ? "native" : "encapsulated"));
    }
    long needed = header.nativePixelBytes();
    long length = structure.pixelDataLength();
    if (nativeSyntax && length != needed && length != needed + 1) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": Pixel Data holds " + length
          + " bytes but Rows x Columns x Bits Allocated (" + header.rows() + " x " + header.columns()
          + " x " + header.bitsAllocated() + ") needs " + needed);
    }
  }

  /**
   * PixelMed's parse of exactly the data set bytes the structure scan checked, in the encoding the scan
   * used (PixelMed never guesses); stops before Pixel Data if asked.
   */
  private static AttributeList parse(DicomStructureScan.Structure structure, String source,
      boolean headerOnly) throws LatentCadxException {
    AttributeList list = new AttributeList();
    list.setDecompressPixelData(false);
    byte[] dataSet = structure.dataSet();
    ByteArrayInputStream bytes = new ByteArrayInputStream(
        dataSet, structure.dataSetOffset(), dataSet.length - structure.dataSetOffset());
    try (DicomInputStream in = new DicomInputStream(bytes, structure.dataSetEncoding(), false)) {
      if (headerOnly) {
        list.read(in, TagFromName.PixelData);
      } else {
        list.read(in);
      }
    } catch (IOException | DicomException | RuntimeException e) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": not readable as DICOM: " + FailureText.of(e), e);
    }
    return list;
  }
}
