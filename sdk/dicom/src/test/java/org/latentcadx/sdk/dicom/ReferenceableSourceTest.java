package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/** What derived objects reference must be valid before anything is scored or written. */
class ReferenceableSourceTest {

  private static DicomSource sourceWith(String keyword, String uid) throws Exception {
    AttributeList list = new AttributeList();
    list.read(DicomFixtures.DIRECTORY.resolve("mg_u16_mono2_explicit_le.dcm").toFile());
    if (uid == null) {
      list.remove(com.pixelmed.dicom.DicomDictionary.StandardDictionary.getTagFromName(keyword));
    } else {
      UniqueIdentifierAttribute attribute =
          new UniqueIdentifierAttribute(
              com.pixelmed.dicom.DicomDictionary.StandardDictionary.getTagFromName(keyword));
      attribute.addValue(uid);
      list.put(attribute);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
    return DicomReader.create().read(out.toByteArray(), "uids.dcm").source();
  }

  @Test
  void aFixtureIsReferenceable() throws Exception {
    sourceWith("StudyDescription", "1.2.3").requireReferenceable();
  }

  @ParameterizedTest
  @CsvSource({
    "SeriesInstanceUID, , has no Series Instance UID",
    "StudyInstanceUID, 1.2.03, Study Instance UID is not a valid UID",
    "SOPInstanceUID, 1.2.840.99999999999999999999999999999999999999999999999999999999999, SOP Instance UID is not a valid UID",
    "SeriesInstanceUID, 1.2.é.4, Series Instance UID is not a valid UID"
  })
  void missingOrInvalidUidsAreRefused(String keyword, String uid, String problem) throws Exception {
    DicomSource source = sourceWith(keyword, uid);

    assertThatThrownBy(source::requireReferenceable)
        .isInstanceOfSatisfying(LatentCadxException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_INPUT))
        .hasMessage("uids.dcm: " + problem
            + (problem.startsWith("has no") ? "" : " (dot-separated numbers without leading zeros, at"
                + " most 64 characters)") + "; results could not reference the image");
  }
}
