package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.ImageFile;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/** With this module present, DICOM files are read through the SDK's one reading entry point. */
class ImageFilesDicomTest {

  @TempDir Path folder;

  @Test
  void theModuleProvidesTheDicomFormat() {
    Module module = DicomFormat.class.getModule();
    assertThat(module.getName()).isEqualTo("org.latentcadx.sdk.dicom");
    assertThat(module.getDescriptor().provides())
        .anySatisfy(p -> assertThat(p.service()).isEqualTo("org.latentcadx.sdk.spi.ImageFormat"));
    assertThat(ImageFiles.formats()).containsExactly("PNG", "TIFF", "DICOM");
  }

  @Test
  void dicomFilesComeBackAsDicomImagesWithTheirSize() throws Exception {
    DicomFixtures.Readable fixture = DicomFixtures.readable().findFirst().orElseThrow();

    ImageFile file = ImageFiles.read(fixture.path());

    assertThat(file).isInstanceOf(DicomImage.class);
    assertThat(file.format()).isEqualTo("DICOM");
    assertThat(ImageFiles.format(fixture.path())).contains("DICOM");
    assertThat(file.image().pixels()).containsExactly(DicomReader.create().read(fixture.path()).image().pixels());
    assertThat(ImageFiles.dimensions(fixture.path()))
        .isEqualTo(new ImageFiles.Dimensions(file.image().width(), file.image().height()));
  }

  @Test
  void aDamagedFileNamedDcmIsReadAsDicomAndSaysWhatIsWrong() throws Exception {
    Path damaged = Files.writeString(folder.resolve("damaged.dcm"), "not DICOM at all");

    LatentCadxException e = catchThrowableOfType(LatentCadxException.class, () -> ImageFiles.read(damaged));

    assertThat(ImageFiles.format(damaged)).contains("DICOM");
    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_INPUT);
    assertThat(e).hasMessageStartingWith(damaged.toString());
  }

  @Test
  void thePixelBoundIsTheCallers() {
    DicomFixtures.Readable fixture = DicomFixtures.readable().findFirst().orElseThrow();

    LatentCadxException e = catchThrowableOfType(LatentCadxException.class, () -> ImageFiles.read(fixture.path(), 10));

    assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE);
  }
}
