package org.latentcadx.sdk.dicom;

import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.StringAttribute;
import com.pixelmed.dicom.ValueRepresentation;
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

  private static final Pattern DATE_VALUE = Pattern.compile("\\d{8}");
  private static final Pattern TIME_VALUE = Pattern.compile("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?");
  private static final Map<String, Integer> MAX_LENGTH =
      Map.of("SH", 16, "LO", 64, "CS", 16, "AE", 16, "PN", 64 * 5, "UI", 64);

  /**
   * The attribute as a derived object may carry it: a text value of the source loses its control
   * characters (a hostile or broken file may hold NUL bytes), is cut to its VR's length, and a date or
   * time that is not valid for its VR becomes empty. Other attributes (binary, sequences) are kept.
   */
  static Attribute cleaned(Attribute attribute) throws DicomException {
    String vr = ValueRepresentation.getAsString(attribute.getVR());
    if (!(attribute instanceof StringAttribute) || attribute.getVM() == 0) {
      return attribute;
    }
    Attribute copy = AttributeFactory.newAttribute(attribute.getTag(), attribute.getVR());
    for (String value : attribute.getStringValues()) {
      String clean = value.replaceAll("[\\x00-\\x08\\x0B\\x0E-\\x1A\\x1C-\\x1F\\x7F]", "").strip();
      if (!vr.equals("LT") && !vr.equals("ST") && !vr.equals("UT")) {
        clean = clean.replaceAll("[\\x09\\x0A\\x0C\\x0D]", "");
      }
      if ((vr.equals("DA") && !DATE_VALUE.matcher(clean).matches())
          || (vr.equals("TM") && !TIME_VALUE.matcher(clean).matches())) {
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
