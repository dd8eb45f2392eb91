package org.latentcadx.sdk.dicom;

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

  /** Copies each attribute present in {@code from}; absent ones become empty (type 2). */
  static void copyOrEmpty(AttributeList from, AttributeList to, String... keywords) throws DicomException {
    for (String keyword : keywords) {
      Attribute attribute = from.get(tag(keyword));
      if (attribute != null) {
        to.put(attribute);
      } else {
        put(to, keyword);
      }
    }
  }

  /** Copies each attribute present in {@code from}; absent ones stay absent. */
  static void copyIfPresent(AttributeList from, AttributeList to, String... keywords) {
    for (String keyword : keywords) {
      Attribute attribute = from.get(tag(keyword));
      if (attribute != null) {
        to.put(attribute);
      }
    }
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
