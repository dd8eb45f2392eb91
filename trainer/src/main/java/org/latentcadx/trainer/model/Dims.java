package org.latentcadx.trainer.model;

import java.util.List;

/**
 * The shape of one example's feature tensor in TensorFlow order, batch left out: {@code [H, W, C]} for
 * feature maps, {@code [C]} for vectors, {@code []} for one value per example.
 */
public record Dims(List<Integer> sizes) {

  public Dims {
    sizes = List.copyOf(sizes);
  }

  /** A feature map of {@code height × width × channels}. */
  public static Dims map(int height, int width, int channels) {
    return new Dims(List.of(height, width, channels));
  }

  /** A vector of {@code length} features. */
  public static Dims vector(int length) {
    return new Dims(List.of(length));
  }

  /** One value per example. */
  public static Dims scalar() {
    return new Dims(List.of());
  }

  public int rank() {
    return sizes.size();
  }

  public int height() {
    requireMap();
    return sizes.get(0);
  }

  public int width() {
    requireMap();
    return sizes.get(1);
  }

  /** The last (channel or feature) size. */
  public int channels() {
    if (sizes.isEmpty()) {
      throw new IllegalStateException("a scalar has no channels");
    }
    return sizes.get(sizes.size() - 1);
  }

  void requireMap() {
    if (rank() != 3) {
      throw new IllegalStateException("expected a feature map [H, W, C], got " + sizes);
    }
  }

  @Override
  public String toString() {
    return sizes.toString();
  }
}
