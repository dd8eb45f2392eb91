package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** PixelMed is optional: without it on the classpath, the DICOM entry point says so plainly. */
class WithoutPixelMedTest {

  @Test
  void readingFailsWithAClearMessageWhenPixelMedIsAbsent() throws Exception {
    try (URLClassLoader withoutPixelMed = new URLClassLoader(classpathWithout("pixelmed"),
        ClassLoader.getPlatformClassLoader())) {
      Class<?> readerClass = withoutPixelMed.loadClass(DicomReader.class.getName());
      Object reader = readerClass.getMethod("create").invoke(null);
      Method read = readerClass.getMethod("read", Path.class);

      Throwable thrown = null;
      try {
        read.invoke(reader, DicomFixtures.DIRECTORY.resolve("mg_u16_rle.dcm"));
      } catch (InvocationTargetException e) {
        thrown = e.getCause();
      }

      assertThat(thrown).isNotNull();
      assertThat(thrown.getClass().getName()).isEqualTo("org.latentcadx.sdk.LatentCadxException");
      assertThat(thrown.getClass().getMethod("code").invoke(thrown)).hasToString("UNSUPPORTED_FORMAT");
      assertThat(thrown).hasMessageContaining("mg_u16_rle.dcm").hasMessageContaining("PixelMed");
    }
  }

  @Test
  void theRestOfTheSdkWorksWithoutPixelMed() throws Exception {
    try (URLClassLoader withoutPixelMed = new URLClassLoader(classpathWithout("pixelmed"),
        ClassLoader.getPlatformClassLoader())) {
      Class<?> metadata = withoutPixelMed.loadClass("org.latentcadx.sdk.ImageMetadata");
      Class<?> image = withoutPixelMed.loadClass("org.latentcadx.sdk.MammogramImage");
      Object of = metadata.getMethod("of", String.class).invoke(null, "no-dicom");
      Object made = image.getMethod("ofFloats", int.class, int.class, float[].class, metadata)
          .invoke(null, 2, 1, new float[] {1f, 2f}, of);

      assertThat(image.getMethod("width").invoke(made)).isEqualTo(2);
      assertThatThrownBy(() -> withoutPixelMed.loadClass("com.pixelmed.dicom.AttributeList"))
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  private static URL[] classpathWithout(String excluded) {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains(excluded))
        .map(entry -> {
          try {
            return new File(entry).toURI().toURL();
          } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
          }
        })
        .toArray(URL[]::new);
  }
}
