package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/** One rule for Number of Frames: absent or 1 reads, above 1 is unsupported, anything else corrupt. */
class NumberOfFramesTest {

  @ParameterizedTest
  @CsvSource({
    "1, ",
    "0, CORRUPT_INPUT",
    "-1, CORRUPT_INPUT",
    "abc, CORRUPT_INPUT",
    "2, UNSUPPORTED_FORMAT",
    "99999999999, UNSUPPORTED_FORMAT"
  })
  void numberOfFramesFollowsOneRule(String frames, ErrorCode expected) throws Exception {
    AttributeList list = new AttributeList();
    list.read(DicomFixtures.DIRECTORY.resolve("mg_u12_mono1_explicit_le.dcm").toFile());
    IntegerStringAttribute attribute = new IntegerStringAttribute(TagFromName.NumberOfFrames);
    attribute.addValue(frames);
    list.put(attribute);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
    byte[] file = out.toByteArray();

    if (expected == null) {
      assertThat(DicomReader.create().read(file, "frames.dcm").image().width()).isPositive();
    } else {
      assertThatThrownBy(() -> DicomReader.create().read(file, "frames.dcm"))
          .isInstanceOfSatisfying(LatentCadxException.class, e -> assertThat(e.code()).isEqualTo(expected))
          .hasMessageContaining("frames.dcm")
          .hasMessageContaining(frames);
    }
  }
}
