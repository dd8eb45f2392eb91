package org.latentcadx.spark;

import java.io.Serializable;

/**
 * One image of the archive: its key (path relative to the inputs' common folder, {@code /}-separated;
 * the row's identity with the bytes' and the model's SHA-256) and its URI in a Hadoop file system. A
 * bean, for Spark's encoder.
 */
public final class ArchiveInput implements Serializable {

  private static final long serialVersionUID = 1L;

  private String key;
  private String uri;

  public ArchiveInput() {}

  ArchiveInput(String key, String uri) {
    this.key = key;
    this.uri = uri;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  String key() {
    return key;
  }

  String uri() {
    return uri;
  }
}
