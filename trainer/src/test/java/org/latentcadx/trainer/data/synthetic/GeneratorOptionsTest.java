package org.latentcadx.trainer.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

  @Test
  void shiftedSettingsLieOutsideTheTrainingRanges() {
    GeneratorOptions d = GeneratorOptions.defaults();
    GeneratorOptions s = GeneratorOptions.outsideDefaultRanges();

    assertThat(s.textureBeta().disjointFrom(d.textureBeta())).isTrue();
    assertThat(s.gain().disjointFrom(d.gain())).isTrue();
    assertThat(s.offset().disjointFrom(d.offset())).isTrue();
    assertThat(s.noise().disjointFrom(d.noise())).isTrue();
    assertThat(s.massContrast().max()).isLessThanOrEqualTo(d.massContrast().min());
    assertThat(s.calcContrast().max()).isLessThanOrEqualTo(d.calcContrast().min());
    assertThat(s.calcSize().disjointFrom(d.calcSize())).isTrue();
    assertThat(s.massMargin().min()).isGreaterThanOrEqualTo(d.massMargin().max());
    assertThat(s.calcMargin().min()).isGreaterThanOrEqualTo(d.calcMargin().max());
    assertThat(s.outlineWobble().disjointFrom(d.outlineWobble())).isTrue();
    assertThat(s.cutShare()).isGreaterThan(d.cutShare());
  }

  @Test
  void rangesAreDrawnWithinTheirBounds() {
    GeneratorOptions.Range range = new GeneratorOptions.Range(2, 3);
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < 1000; i++) {
      assertThat(range.draw(random)).isBetween(2.0, 3.0);
    }
    assertThat(range.position(2.5)).isEqualTo(0.5);
    assertThat(GeneratorOptions.Range.of(4).draw(random)).isEqualTo(4);
    assertThatThrownBy(() -> new GeneratorOptions.Range(3, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
