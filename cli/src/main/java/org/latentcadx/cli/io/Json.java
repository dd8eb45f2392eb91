package org.latentcadx.cli.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one JSON configuration of the command's outputs, chosen for byte-stable files: properties in
 * declaration order, map entries sorted by key, indented, and every
 * floating-point number written in plain notation rounded half-even to {@value #DECIMALS} decimals (so
 * that the last-bit noise of a different thread count cannot change a file); an undefined (NaN or
 * infinite) number is written as {@code null}.
 */
public final class Json {

  /** Decimals kept for every floating-point number written. */
  public static final int DECIMALS = 6;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addModule(roundingModule())
          .build();

  private Json() {}

  /** The shared mapper (thread-safe once built). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code value} rounded half-even to {@link #DECIMALS} decimals, in plain notation. */
  public static String plain(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("cannot write a non-finite number: " + value);
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN);
    String text = rounded.stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }

  private static SimpleModule roundingModule() {
    JsonSerializer<Double> rounding =
        new JsonSerializer<>() {
          @Override
          public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            if (Double.isFinite(value)) {
              gen.writeNumber(plain(value));
            } else {
              gen.writeNull();
            }
          }
        };
    SimpleModule module = new SimpleModule("latentcadx-rounding");
    module.addSerializer(Double.class, rounding);
    module.addSerializer(double.class, rounding);
    return module;
  }
}
