package org.latentcadx.sdk.dicom;

import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.StringAttribute;
import com.pixelmed.dicom.ValueRepresentation;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.utils.UUIDBasedOID;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Terse construction of PixelMed attribute lists by DICOM keyword, for the writers. */
final class Attributes {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss.SSS");

  private Attributes() {}

  static AttributeTag tag(String keyword) {
    AttributeTag tag = DicomDictionary.StandardDictionary.getTagFromName(keyword);
    if (tag == null) {
      throw new IllegalArgumentException("not a DICOM keyword: " + keyword);
    }
    return tag;
  }

  /** Sets {@code keyword} to the given values (none: present and empty, as type 2 needs). */
  static void put(AttributeList list, String keyword, String... values) throws DicomException {
    Attribute attribute = list.putNewAttribute(tag(keyword));
    for (String value : values) {
      attribute.addValue(value);
    }
  }

  /** Sets a binary-valued (US, UL) attribute. */
  static void putInts(AttributeList list, String keyword, int... values) throws DicomException {
    Attribute attribute = list.putNewAttribute(tag(keyword));
    for (int value : values) {
      attribute.addValue(value);
    }
  }

  /** Sets a floating-point (FL) attribute. */
  static void putFloats(AttributeList list, String keyword, float... values) throws DicomException {
    Attribute attribute = list.putNewAttribute(tag(keyword));
    for (float value : values) {
      attribute.addValue(value);
    }
  }

  /** Sets an AT attribute to the tags of the given keywords. */
  static void putTags(AttributeList list, String keyword, String... pointedTo) throws DicomException {
    AttributeTagAttribute attribute = new AttributeTagAttribute(tag(keyword));
    for (String target : pointedTo) {
      attribute.addValue(tag(target));
    }
    list.put(attribute);
  }

  static void putSequence(AttributeList list, String keyword, AttributeList... items) {
    SequenceAttribute sequence = new SequenceAttribute(tag(keyword));
    for (AttributeList item : items) {
      sequence.addItem(item);
    }
    list.put(sequence);
  }

  /** A code sequence item (Code Value, Coding Scheme Designator, Code Meaning). */
  static AttributeList code(String value, String scheme, String meaning) throws DicomException {
    return new CodedSequenceItem(value, scheme, meaning).getAttributeList();
  }

  /**
   * Copies each attribute present in {@code from} (its text cleaned: see {@link #cleaned}); absent ones
   * become empty (type 2).
   */
  static void copyOrEmpty(AttributeList from, AttributeList to, String... keywords) throws DicomException {
    for (String keyword : keywords) {
      Attribute attribute = from.get(tag(keyword));
      if (attribute != null) {
        to.put(cleaned(attribute));
      } else {
        put(to, keyword);
      }
    }
  }

  /** Copies each attribute present in {@code from} (its text cleaned); absent ones stay absent. */
  static void copyIfPresent(AttributeList from, AttributeList to, String... keywords)
      throws DicomException {
    for (String keyword : keywords) {
      Attribute attribute = from.get(tag(keyword));
      if (attribute != null) {
        to.put(cleaned(attribute));
      }
    }
  }

  /** What a value of these VRs may be (PS3.5 6.2); a copied value that is not becomes empty. */
  private static final Map<String, Pattern> VALID_VALUE = Map.of(
      "DA", Pattern.compile("\\d{8}"),
      "TM", Pattern.compile("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?"),
      "CS", Pattern.compile("[A-Z0-9 _]*"),
      "AS", Pattern.compile("\\d{3}[DWMY]"));
  private static final Map<String, Integer> MAX_LENGTH =
      Map.of("SH", 16, "LO", 64, "CS", 16, "AE", 16, "PN", 64 * 5, "UI", 64);

  /**
   * The attribute as a derived object may carry it: a text value of the source loses its control
   * characters (a hostile or broken file may hold NUL bytes), is cut to its VR's length, and a date,
   * time, code string or age that is not valid for its VR becomes empty; it takes the dictionary's VR
   * and keeps the source's character set. Other attributes (binary, sequences) are kept.
   */
  static Attribute cleaned(Attribute attribute) throws DicomException {
    if (!(attribute instanceof StringAttribute) || attribute.getVM() == 0) {
      return attribute;
    }
    // The dictionary's VR, not the one the file gave (a damaged explicit-VR file may give another), and
    // the source's character set, so that the text is written in the repertoire the copied Specific
    // Character Set declares (without it PixelMed writes UTF-8 under any declaration).
    byte[] dictionaryVr =
        DicomDictionary.StandardDictionary.getValueRepresentationFromTag(attribute.getTag());
    byte[] vrBytes = dictionaryVr != null ? dictionaryVr : attribute.getVR();
    String vr = ValueRepresentation.getAsString(vrBytes);
    Attribute copy = AttributeFactory.newAttribute(attribute.getTag(), vrBytes,
        ((StringAttribute) attribute).getSpecificCharacterSet());
    for (String value : attribute.getStringValues()) {
      String clean = value.replaceAll("[\\x00-\\x08\\x0B\\x0E-\\x1A\\x1C-\\x1F\\x7F]", "").strip();
      if (!vr.equals("LT") && !vr.equals("ST") && !vr.equals("UT")) {
        clean = clean.replaceAll("[\\x09\\x0A\\x0C\\x0D]", "");
      }
      Pattern valid = VALID_VALUE.get(vr);
      if (valid != null && !valid.matcher(clean).matches()) {
        clean = "";
      }
      Integer max = MAX_LENGTH.get(vr);
      if (max != null && clean.length() > max) {
        clean = clean.substring(0, max).strip();
      }
      copy.addValue(clean);
    }
    return copy;
  }

  /** Whether the attribute is present with at least one value that is not blank. */
  static boolean hasValue(AttributeList list, String keyword) throws DicomException {
    Attribute attribute = list.get(tag(keyword));
    if (attribute == null) {
      return false;
    }
    String[] values = attribute.getStringValues();
    return values != null && Arrays.stream(values).anyMatch(value -> !value.isBlank());
  }

  /** Whether the list's Specific Character Set uses ISO 2022 code extensions (e.g. Japanese, Korean). */
  static boolean usesCodeExtensions(AttributeList list) throws DicomException {
    Attribute attribute = list.get(tag("SpecificCharacterSet"));
    String[] values = attribute == null ? null : attribute.getStringValues();
    return values != null
        && Arrays.stream(values).anyMatch(value -> value.strip().startsWith("ISO 2022"));
  }

  /** Whether a text attribute of {@code list} (not of its sequences) holds a character outside ASCII. */
  static boolean hasNonAsciiText(AttributeList list) throws DicomException {
    for (Attribute attribute : list.values()) {
      String[] values = attribute instanceof StringAttribute ? attribute.getStringValues() : null;
      if (values != null && Arrays.stream(values).anyMatch(v -> v.chars().anyMatch(c -> c > 0x7F))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Makes every text attribute of {@code list} and its sequence items that has no character set of its
   * own (the SDK's own text: algorithm name, labels) be written in the list's Specific Character Set,
   * as copied text is; nothing to do when it declares none (ASCII).
   */
  static void writeTextInDeclaredCharacterSet(AttributeList list) throws DicomException {
    if (hasValue(list, "SpecificCharacterSet")) {
      String[] declared = list.get(tag("SpecificCharacterSet")).getStringValues();
      setMissingCharacterSet(list, new SpecificCharacterSet(declared));
    }
  }

  private static void setMissingCharacterSet(AttributeList list, SpecificCharacterSet charset) {
    for (Attribute attribute : list.values()) {
      if (attribute instanceof StringAttribute text && text.getSpecificCharacterSet() == null) {
        text.setSpecificCharacterSet(charset);
      } else if (attribute instanceof SequenceAttribute sequence) {
        for (int i = 0; i < sequence.getNumberOfItems(); i++) {
          setMissingCharacterSet(sequence.getItem(i).getAttributeList(), charset);
        }
      }
    }
  }

  /** Makes every text attribute of {@code list} (not of its sequences) be written in UTF-8. */
  static void writeTextAsUtf8(AttributeList list) throws DicomException {
    SpecificCharacterSet utf8 = new SpecificCharacterSet(new String[] {"ISO_IR 192"});
    for (Attribute attribute : list.values()) {
      if (attribute instanceof StringAttribute text) {
        text.setSpecificCharacterSet(utf8);
      }
    }
    put(list, "SpecificCharacterSet", "ISO_IR 192");
  }

  static String string(AttributeList list, String keyword) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag(keyword)).trim();
  }

  /** A new globally unique UID (2.25 root, from a random UUID). */
  static String newUid() {
    return new UUIDBasedOID().getOID();
  }

  static String date(LocalDateTime when) {
    return DATE.format(when);
  }

  static String time(LocalDateTime when) {
    return TIME.format(when);
  }
}
