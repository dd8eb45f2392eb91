package org.latentcadx.cli.score;

import java.util.Locale;
import org.latentcadx.sdk.Aggregation;
import org.latentcadx.sdk.Device;
import picocli.CommandLine;

/** Parsers of {@code --device} and {@code --aggregation}, and the canonical text of an aggregation. */
final class OptionConverters {

  /** The {@code k} of {@code top-k} when none is given. */
  static final int DEFAULT_TOP_K = 3;

  private OptionConverters() {}

  /** {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N} ({@link Device#parse}). */
  static final class DeviceConverter implements CommandLine.ITypeConverter<Device> {
    @Override
    public Device convert(String value) {
      try {
        return Device.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code max}, {@code noisy-or}, {@code top-k} or {@code top-k:K}. */
  static final class AggregationConverter implements CommandLine.ITypeConverter<Aggregation> {
    @Override
    public Aggregation convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT);
      switch (text) {
        case "max":
          return Aggregation.max();
        case "noisy-or":
          return Aggregation.noisyOr();
        case "top-k":
          return Aggregation.topKMean(DEFAULT_TOP_K);
        default:
          break;
      }
      if (text.startsWith("top-k:")) {
        try {
          int k = Integer.parseInt(text.substring(6));
          if (k >= 1) {
            return Aggregation.topKMean(k);
          }
        } catch (NumberFormatException e) {
          // reported below
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not an aggregation; expected max, noisy-or, top-k or top-k:K with K >= 1");
    }
  }

  /** The aggregation as the option text that selects it, e.g. {@code top-k:3}. */
  static String text(Aggregation aggregation) {
    return switch (aggregation.kind()) {
      case MAX -> "max";
      case NOISY_OR -> "noisy-or";
      case TOP_K_MEAN -> "top-k:" + aggregation.k();
    };
  }
}
