package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.io.ByteArrayOutputStream;
import java.io.File;
import org.junit.jupiter.api.Test;

/**
 * Pixels marked as padding (Pixel Padding Value, and Pixel Padding Range Limit) read as the lowest grey
 * level, background, in MONOCHROME1 and MONOCHROME2 images; the other pixels as without padding.
 */
class PixelPaddingTest {

  private static final AttributeTag PIXEL_PADDING_VALUE = new AttributeTag(0x0028, 0x0120);
  private static final AttributeTag PIXEL_PADDING_RANGE_LIMIT = new AttributeTag(0x0028, 0x0121);

  @Test
  void monochrome1PaddingIsBackgroundInsteadOfTheDensestLevel() throws Exception {
    AttributeList list = fixture("mg_u12_mono1_explicit_le.dcm");
    short[] stored = pixels(list);
    for (int x = 0; x < 40; x++) {
      stored[x] = 0; // MONOCHROME1's white: the densest level once inverted, were it tissue
    }
    pad(list, 0, null);

    float[] grey = read(list);

    for (int i = 0; i < stored.length; i++) {
      int value = stored[i] & 0x0FFF;
      assertThat(grey[i]).as("pixel %d, stored %d", i, value).isEqualTo(value == 0 ? 0f : 4095f - value);
    }
  }

  @Test
  void monochrome2PaddingRangeIsBackground() throws Exception {
    AttributeList list = fixture("mg_u16_mono2_explicit_le.dcm");
    short[] stored = pixels(list);
    for (int x = 0; x < 40; x++) {
      stored[x] = (short) (65000 + x * 10);
    }
    pad(list, 65535, 65000); // the limit may be on either side of the value

    float[] grey = read(list);

    int padded = 0;
    for (int i = 0; i < stored.length; i++) {
      int value = stored[i] & 0xFFFF;
      boolean padding = value >= 65000;
      padded += padding ? 1 : 0;
      assertThat(grey[i]).as("pixel %d, stored %d", i, value).isEqualTo(padding ? 0f : value);
    }
    assertThat(padded).isGreaterThanOrEqualTo(40);
  }

  private static AttributeList fixture(String name) throws Exception {
    AttributeList list = new AttributeList();
    list.read(new File(DicomFixtures.DIRECTORY.resolve(name).toString()));
    return list;
  }

  private static short[] pixels(AttributeList list) throws Exception {
    return list.get(TagFromName.PixelData).getShortValues();
  }

  private static void pad(AttributeList list, int value, Integer limit) throws Exception {
    Attribute padding = new UnsignedShortAttribute(PIXEL_PADDING_VALUE);
    padding.addValue(value);
    list.put(padding);
    if (limit != null) {
      Attribute range = new UnsignedShortAttribute(PIXEL_PADDING_RANGE_LIMIT);
      range.addValue(limit);
      list.put(range);
    }
  }

  private static float[] read(AttributeList list) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    list.write(bytes, TransferSyntax.ExplicitVRLittleEndian, true, true);
    return DicomReader.create().read(bytes.toByteArray(), "padded.dcm").image().pixels();
  }
}
