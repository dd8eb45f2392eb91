package org.latentcadx.sdk.dicom;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.ValueRepresentation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * Walks the element structure of a DICOM file (tags, value representations and lengths only, no values)
 * before PixelMed parses it, so that a corrupt or hostile file is refused before any allocation that its
 * lengths would cause: every defined length must fit in the bytes that remain, nesting is bounded, and a
 * deflated data set may not inflate beyond a bound. Also finds the transfer syntax and the Pixel Data
 * element, so that their consistency with the image header can be checked before the pixels are read.
 */
final class DicomStructureScan {

  /**
   * The result of a successful scan.
   *
   * @param transferSyntaxUid the file's transfer syntax
   * @param dataSet the bytes of the data set that were scanned (after the file meta information, inflated
   *     when the syntax is deflated), starting at {@code dataSetOffset}: the parser must read exactly
   *     these, with {@code dataSetEncoding}, so that it meets no length the scan has not checked
   * @param dataSetEncoding the transfer syntax to parse {@code dataSet} with (Explicit VR Little Endian
   *     for a deflated file, else {@code transferSyntaxUid})
   * @param pixelDataOffset where native Pixel Data's value starts in {@code dataSet} (its length is
   *     {@code pixelDataLength}); meaningless when Pixel Data is encapsulated or absent
   * @param bigEndian whether {@code dataSet} is big endian
   */
  record Structure(String transferSyntaxUid, byte[] dataSet, int dataSetOffset, String dataSetEncoding,
      long pixelDataLength, boolean pixelDataEncapsulated, int pixelDataOffset, boolean bigEndian) {
    static final long ABSENT = -1;

    boolean hasPixelData() {
      return pixelDataLength != ABSENT || pixelDataEncapsulated;
    }
  }

  private static final int PREAMBLE_LENGTH = 128;
  private static final int MAX_DEPTH = 16;
  private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
  private static final int ITEM = 0xFFFEE000;
  private static final int ITEM_DELIMITER = 0xFFFEE00D;
  private static final int SEQUENCE_DELIMITER = 0xFFFEE0DD;
  private static final int PIXEL_DATA = 0x7FE00010;
  private static final int TRANSFER_SYNTAX_UID = 0x00020010;
  private static final Set<String> LONG_LENGTH_VRS =
      Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
  private static final Set<String> SHORT_LENGTH_VRS =
      Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "PN", "SH", "SL",
          "SS", "ST", "TM", "UI", "UL", "US");

  private final String source;
  private byte[] data;
  private boolean explicitVr;
  private boolean bigEndian;
  private long pixelDataLength = Structure.ABSENT;
  private int pixelDataOffset;
  private boolean pixelDataEncapsulated;

  /**
   * A file without preamble is a bare data set, whose elements come in tag order: it starts with group
   * 0008 (identification) or, at the latest, 0010 (patient); anything higher is not DICOM.
   */
  private static final int LAST_GROUP_OF_A_BARE_DATA_SET = 0x0010;

  private DicomStructureScan(String source, byte[] data) {
    this.source = source;
    this.data = data;
  }

  /**
   * Scans a whole file held in memory.
   *
   * @param maxInflatedBytes the most bytes a deflated data set may inflate to
   */
  static Structure scan(byte[] file, String source, long maxInflatedBytes) throws LatentCadxException {
    return new DicomStructureScan(source, file).scan(maxInflatedBytes);
  }

  private Structure scan(long maxInflatedBytes) throws LatentCadxException {
    int start = hasPreamble() ? PREAMBLE_LENGTH + 4 : 0;
    if (data.length < start + 8) {
      throw corrupt("is too short to be DICOM (" + data.length + " bytes)");
    }
    boolean hasMeta = readUnsignedShort(start, false) == 0x0002;
    String syntax;
    int datasetStart;
    if (hasMeta) {
      explicitVr = true;
      bigEndian = false;
      MetaHeader meta = scanMetaHeader(start);
      syntax = meta.transferSyntaxUid;
      datasetStart = meta.end;
    } else if (start > 0) {
      throw corrupt("has the DICM prefix but no file meta information (group 0002)");
    } else if (readUnsignedShort(0, false) > LAST_GROUP_OF_A_BARE_DATA_SET) {
      throw corrupt(
          "is not a DICOM file: it has no DICM prefix at byte 128 and does not start with a DICOM"
              + " data element");
    } else {
      syntax = guessSyntaxWithoutMetaHeader();
      datasetStart = 0;
    }
    TransferSyntaxes.Entry entry = TransferSyntaxes.lookUp(syntax, source);
    explicitVr = !TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN.equals(syntax);
    bigEndian = TransferSyntaxes.EXPLICIT_VR_BIG_ENDIAN.equals(syntax);
    if (entry.deflated()) {
      data = inflate(datasetStart, maxInflatedBytes);
      datasetStart = 0;
    }
    scanElements(datasetStart, data.length, 0, Run.TOP_LEVEL);
    String encoding = entry.deflated() ? TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN : syntax;
    return new Structure(syntax, data, datasetStart, encoding, pixelDataLength, pixelDataEncapsulated,
        pixelDataOffset, bigEndian);
  }

  private boolean hasPreamble() {
    return data.length >= PREAMBLE_LENGTH + 4
        && "DICM".equals(new String(data, PREAMBLE_LENGTH, 4, StandardCharsets.US_ASCII));
  }

  private record MetaHeader(String transferSyntaxUid, int end) {}

  private MetaHeader scanMetaHeader(int start) throws LatentCadxException {
    int position = start;
    String syntax = null;
    while (position + 8 <= data.length && readUnsignedShort(position, false) == 0x0002) {
      int tag = readTag(position);
      Header header = readHeader(position);
      long end = header.valueOffset + header.length;
      if (header.length == UNDEFINED_LENGTH || end > data.length) {
        throw corrupt("file meta element " + tagName(tag) + " claims " + lengthText(header.length)
            + " but only " + (data.length - header.valueOffset) + " bytes remain");
      }
      if (tag == TRANSFER_SYNTAX_UID) {
        syntax = new String(data, header.valueOffset, (int) header.length, StandardCharsets.US_ASCII)
            .replace("\0", "").trim();
      }
      position = (int) end;
    }
    if (syntax == null) {
      throw corrupt("has file meta information without a Transfer Syntax UID (0002,0010)");
    }
    return new MetaHeader(syntax, position);
  }

  /** Without meta information: explicit VR when bytes 4-5 spell a VR, big endian when the group is. */
  private String guessSyntaxWithoutMetaHeader() {
    String vr = new String(data, 4, 2, StandardCharsets.US_ASCII);
    boolean looksExplicit = LONG_LENGTH_VRS.contains(vr) || SHORT_LENGTH_VRS.contains(vr);
    if (!looksExplicit) {
      return TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN;
    }
    boolean groupLooksBigEndian = data[0] == 0 && data[1] != 0;
    return groupLooksBigEndian
        ? TransferSyntaxes.EXPLICIT_VR_BIG_ENDIAN
        : TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN;
  }

  private byte[] inflate(int from, long maxInflatedBytes) throws LatentCadxException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(data, from, data.length - from);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw corrupt("has a deflated data set that ends before its end-of-stream marker");
        }
        if (out.size() + (long) n > maxInflatedBytes) {
          throw new LatentCadxException(ErrorCode.IMAGE_TOO_LARGE,
              source + ": deflated data set inflates to more than " + maxInflatedBytes
                  + " bytes, the bound for the configured maximum image size");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT,
          source + ": deflated data set is not a valid deflate stream: " + FailureText.of(e), e);
    } finally {
      inflater.end();
    }
  }

  /** Where a run of elements sits, which decides how it may end. */
  private enum Run {
    TOP_LEVEL,
    DEFINED_LENGTH_ITEM,
    UNDEFINED_LENGTH_ITEM
  }

  /**
   * Scans elements from {@code position} up to {@code end}, recursing into sequences; an item of
   * undefined length ends at its item delimiter, whose end is returned.
   */
  private int scanElements(int position, int end, int depth, Run run) throws LatentCadxException {
    if (depth > MAX_DEPTH) {
      throw corrupt("nests sequences deeper than " + MAX_DEPTH + " levels");
    }
    while (position < end) {
      if (position + 8 > end) {
        throw corrupt("ends inside an element header at byte " + position);
      }
      int tag = readTag(position);
      if (tag == ITEM_DELIMITER && run == Run.UNDEFINED_LENGTH_ITEM) {
        return position + 8;
      }
      if (tag == ITEM || tag == ITEM_DELIMITER || tag == SEQUENCE_DELIMITER) {
        throw corrupt("has a stray item or delimiter tag " + tagName(tag) + " at byte " + position);
      }
      Header header = readHeader(position);
      if (header.valueOffset > end) {
        throw corrupt("ends inside the header of element " + tagName(tag));
      }
      if (header.length == UNDEFINED_LENGTH) {
        position = scanUndefinedLength(tag, header, end, depth, run == Run.TOP_LEVEL);
        continue;
      }
      long valueEnd = header.valueOffset + header.length;
      if (valueEnd > end) {
        throw corrupt("element " + tagName(tag) + " claims a value length of " + header.length
            + " bytes but only " + (end - header.valueOffset) + " bytes remain");
      }
      if (run == Run.TOP_LEVEL && tag == PIXEL_DATA) {
        pixelDataLength = header.length;
        pixelDataOffset = header.valueOffset;
      } else if (isSequence(tag, header.vr)) {
        scanItems(header.valueOffset, (int) valueEnd, depth + 1, false);
      }
      position = (int) valueEnd;
    }
    if (run == Run.UNDEFINED_LENGTH_ITEM) {
      throw corrupt("ends inside a sequence item that has no item delimiter");
    }
    return position;
  }

  private int scanUndefinedLength(int tag, Header header, int end, int depth, boolean topLevel)
      throws LatentCadxException {
    if (topLevel && tag == PIXEL_DATA) {
      pixelDataEncapsulated = true;
      return scanFragments(header.valueOffset, end);
    }
    if (!isSequence(tag, header.vr) && !"UN".equals(header.vr)) {
      throw corrupt("element " + tagName(tag) + " of VR " + header.vr
          + " has an undefined length, which only sequences and Pixel Data may have");
    }
    if (isSequence(tag, header.vr)) {
      return scanItems(header.valueOffset, end, depth + 1, true);
    }
    return scanAsImplicitLittleEndian(header.valueOffset, end, depth + 1);
  }

  /** An explicit-VR UN element of undefined length holds an implicit VR little endian sequence. */
  private int scanAsImplicitLittleEndian(int position, int end, int depth) throws LatentCadxException {
    boolean wasExplicit = explicitVr;
    boolean wasBigEndian = bigEndian;
    explicitVr = false;
    bigEndian = false;
    try {
      return scanItems(position, end, depth, true);
    } finally {
      explicitVr = wasExplicit;
      bigEndian = wasBigEndian;
    }
  }

  /**
   * Items of a sequence up to {@code end}, or, for a sequence of undefined length, up to its sequence
   * delimiter, whose end is returned.
   */
  private int scanItems(int position, int end, int depth, boolean undefinedLength)
      throws LatentCadxException {
    while (position < end) {
      if (position + 8 > end) {
        throw corrupt("ends inside a sequence item header at byte " + position);
      }
      int tag = readTag(position);
      long length = readUnsignedInt(position + 4);
      position += 8;
      if (tag == SEQUENCE_DELIMITER && undefinedLength) {
        return position;
      }
      if (tag != ITEM) {
        throw corrupt("has " + tagName(tag) + " where a sequence item (FFFE,E000) was expected");
      }
      if (length == UNDEFINED_LENGTH) {
        position = scanElements(position, end, depth, Run.UNDEFINED_LENGTH_ITEM);
      } else {
        if (position + length > end) {
          throw corrupt("sequence item claims " + length + " bytes but only " + (end - position)
              + " bytes remain");
        }
        scanElements(position, (int) (position + length), depth, Run.DEFINED_LENGTH_ITEM);
        position += (int) length;
      }
    }
    if (undefinedLength) {
      throw corrupt("ends inside a sequence that has no sequence delimiter");
    }
    return position;
  }

  /** Encapsulated pixel data: items of defined length up to the sequence delimiter. */
  private int scanFragments(int position, int end) throws LatentCadxException {
    while (position + 8 <= end) {
      int tag = readTag(position);
      long length = readUnsignedInt(position + 4);
      position += 8;
      if (tag == SEQUENCE_DELIMITER) {
        return position;
      }
      if (tag != ITEM || length == UNDEFINED_LENGTH || position + length > end) {
        throw corrupt("encapsulated Pixel Data has a fragment " + tagName(tag) + " of "
            + lengthText(length) + " where " + (end - position) + " bytes remain");
      }
      position += (int) length;
    }
    throw corrupt("encapsulated Pixel Data ends without a sequence delimiter");
  }

  private record Header(String vr, int valueOffset, long length) {}

  private Header readHeader(int position) throws LatentCadxException {
    int tag = readTag(position);
    boolean itemTag = (tag >>> 16) == 0xFFFE;
    if (!explicitVr || itemTag) {
      return new Header(null, position + 8, readUnsignedInt(position + 4));
    }
    String vr = new String(data, position + 4, 2, StandardCharsets.US_ASCII);
    if (LONG_LENGTH_VRS.contains(vr)) {
      if (position + 12 > data.length) {
        throw corrupt("ends inside the header of element " + tagName(tag));
      }
      if (data[position + 6] != 0 || data[position + 7] != 0) {
        // PixelMed would read such a header as a short one; refuse rather than parse differently.
        throw corrupt("element " + tagName(tag) + " of VR " + vr + " has non-zero reserved bytes");
      }
      return new Header(vr, position + 12, readUnsignedInt(position + 8));
    }
    if (SHORT_LENGTH_VRS.contains(vr)) {
      return new Header(vr, position + 8, readUnsignedShort(position + 6, bigEndian));
    }
    throw corrupt("element " + tagName(tag) + " at byte " + position + " has an unknown value "
        + "representation (bytes 0x" + String.format("%02X%02X", data[position + 4], data[position + 5])
        + ")");
  }

  private static boolean isSequence(int tag, String vr) {
    if (vr != null) {
      return "SQ".equals(vr);
    }
    byte[] dictionaryVr = DicomDictionary.StandardDictionary.getValueRepresentationFromTag(
        new AttributeTag(tag >>> 16, tag & 0xFFFF));
    return dictionaryVr != null && ValueRepresentation.isSequenceVR(dictionaryVr);
  }

  private int readTag(int position) {
    return (readUnsignedShort(position, bigEndian) << 16) | readUnsignedShort(position + 2, bigEndian);
  }

  private int readUnsignedShort(int position, boolean big) {
    int a = data[position] & 0xFF;
    int b = data[position + 1] & 0xFF;
    return big ? (a << 8) | b : (b << 8) | a;
  }

  private long readUnsignedInt(int position) {
    long low = readUnsignedShort(position, bigEndian);
    long high = readUnsignedShort(position + 2, bigEndian);
    return bigEndian ? (low << 16) | high : (high << 16) | low;
  }

  private static String tagName(int tag) {
    return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
  }

  private static String lengthText(long length) {
    return length == UNDEFINED_LENGTH ? "an undefined length" : length + " bytes";
  }

  private LatentCadxException corrupt(String problem) {
    return new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": " + problem);
  }
}
