package org.latentcadx.trainer.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

  @Test
  void shiftedSettingsLieOutsideTheDefaultRanges() {
    GeneratorOptions d = GeneratorOptions.defaults();
    GeneratorOptions s = GeneratorOptions.outsideDefaultRanges();

    assertThat(s.massContrastMax()).isLessThanOrEqualTo(d.massContrastMin());
    assertThat(s.calcContrastMax()).isLessThanOrEqualTo(d.calcContrastMin());
    assertThat(s.massMarginMin()).isGreaterThanOrEqualTo(d.massMarginMax());
    assertThat(s.calcMarginMin()).isGreaterThanOrEqualTo(d.calcMarginMax());
    assertThat(s.textureBeta()).isNotEqualTo(d.textureBeta());
    assertThat(s.cutShare()).isGreaterThan(d.cutShare());
  }
}
