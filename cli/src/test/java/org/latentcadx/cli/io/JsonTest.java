package org.latentcadx.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void roundsHalfEvenToSixDecimalsInPlainNotation() {
    assertThat(Json.plain(0.1234565)).isEqualTo("0.123456");
    assertThat(Json.plain(0.1234575)).isEqualTo("0.123458");
    assertThat(Json.plain(1e-7)).isEqualTo("0");
    assertThat(Json.plain(-1e-9)).isEqualTo("0");
    assertThat(Json.plain(2.5e-6)).isEqualTo("0.000002");
    assertThat(Json.plain(1234567.0)).isEqualTo("1234567");
    assertThat(Json.plain(0.5)).isEqualTo("0.5");
  }

  @Test
  void rejectsNonFiniteNumbers() {
    assertThatThrownBy(() -> Json.plain(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void writesDoublesRoundedAndMapsSorted() throws Exception {
    String json =
        Json.mapper().writeValueAsString(Map.of("b", List.of(1.0 / 3), "a", 2e-8));
    assertThat(json.replaceAll("\\s", "")).isEqualTo("{\"a\":0,\"b\":[0.333333]}");
  }
}
