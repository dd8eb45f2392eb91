package org.latentcadx.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void resnet54HasFiftyFourWeightLayersAndAnEightByEightBy2048Encoding() {
    Network network = Architecture.RESNET54.network();

    long mainPathWeightLayers =
        network.nodes().stream()
            .filter(n -> n.part() == Part.ENCODER || n.part() == Part.CLASSIFIER)
            .filter(n -> n.layer() instanceof Conv || n.layer() instanceof Dense)
            .filter(n -> !n.name().contains("projection"))
            .count();
    assertThat(mainPathWeightLayers).isEqualTo(54).isEqualTo(Architecture.RESNET54.weightLayers());
    assertThat(network.dims("stage4/block4/relu")).isEqualTo(Dims.map(8, 8, 2048));
    assertThat(network.dims(Architecture.RPN_LOGITS)).isEqualTo(Dims.map(8, 8, 2));
    assertThat(network.dims(Architecture.MASK)).isEqualTo(Dims.map(256, 256, 1));
    assertThat(network.dims(Architecture.PROBABILITY)).isEqualTo(Dims.scalar());
  }

  @Test
  void decoderReadsEncoderFeaturesOfMatchingSize() {
    Network network = Architecture.LITE.network();

    assertThat(network.node("decoder/block1/concat").inputs()).endsWith("stage3/block1/relu");
    assertThat(network.node("decoder/block4/concat").inputs()).endsWith("stem/conv2_relu");
    assertThat(network.node("decoder/block5/concat").inputs()).endsWith(Network.INPUT);
    assertThat(network.dims("stage4/block1/relu")).isEqualTo(Dims.map(8, 8, 256));
  }

  @Test
  void liteDeepAddsBlocksOnlyInTheCoarserStagesAndKeepsTheOutputs() {
    Network deep = Architecture.preset("lite-deep").network();

    assertThat(Architecture.LITE_DEEP.weightLayers()).isEqualTo(Architecture.LITE.weightLayers() + 12);
    assertThat(deep.dims("stage1/block1/relu")).isEqualTo(Architecture.LITE.network().dims("stage1/block1/relu"));
    assertThat(deep.dims("stage3/block3/relu")).isEqualTo(Dims.map(16, 16, 128));
    assertThat(deep.dims("stage4/block2/relu")).isEqualTo(Dims.map(8, 8, 256));
    assertThat(deep.node("decoder/block1/concat").inputs()).endsWith("stage3/block3/relu");
    assertThat(deep.dims(Architecture.MASK)).isEqualTo(Dims.map(256, 256, 1));
  }

  @Test
  void liteDeepMaxDiffersFromLiteDeepOnlyInTheClassifierPooling() {
    Network max = Architecture.preset("lite-deep-max").network();
    Network mean = Architecture.LITE_DEEP.network();

    assertThat(max.node("classifier/pool").layer()).isEqualTo(new GlobalPool(Architecture.Pooling.MAX));
    assertThat(mean.node("classifier/pool").layer()).isEqualTo(new GlobalPool(Architecture.Pooling.AVERAGE));
    assertThat(max.params().stream().map(ParamSpec::name))
        .containsExactlyElementsOf(mean.params().stream().map(ParamSpec::name).toList());
    assertThat(max.dims(Architecture.PROBABILITY)).isEqualTo(mean.dims(Architecture.PROBABILITY));
  }

  @Test
  void liteDeepWideDoublesTheEncoderChannelsAndKeepsStemAndDecoder() {
    Network wide = Architecture.preset("lite-deep-wide").network();
    Network deep = Architecture.LITE_DEEP.network();

    assertThat(wide.dims("stage1/block1/relu")).isEqualTo(Dims.map(64, 64, 64));
    assertThat(wide.dims("stage4/block2/relu")).isEqualTo(Dims.map(8, 8, 512));
    assertThat(wide.dims("stem/conv2_relu")).isEqualTo(deep.dims("stem/conv2_relu"));
    assertThat(wide.dims("decoder/block1/relu")).isEqualTo(deep.dims("decoder/block1/relu"));
    assertThat(wide.dims(Architecture.MASK)).isEqualTo(Dims.map(256, 256, 1));
    assertThat(Architecture.LITE_DEEP_WIDE.weightLayers()).isEqualTo(Architecture.LITE_DEEP.weightLayers());
  }

  @Test
  void liteDeepWideDecoderDoublesOnlyTheDecoderChannels() {
    Network wide = Architecture.preset("lite-deep-wide-decoder").network();
    Network deep = Architecture.LITE_DEEP.network();

    assertThat(wide.dims("stage4/block2/relu")).isEqualTo(deep.dims("stage4/block2/relu"));
    assertThat(wide.dims("decoder/block1/relu")).isEqualTo(Dims.map(16, 16, 64));
    assertThat(wide.dims("decoder/block5/relu")).isEqualTo(Dims.map(256, 256, 16));
    assertThat(wide.dims(Architecture.MASK)).isEqualTo(Dims.map(256, 256, 1));
  }

  @Test
  void liteDeepWhitenedFeedsThePatchAndItsWhitenedCopyToStemAndDecoder() {
    Network whitened = Architecture.preset("lite-deep-whitened").network();
    Network deep = Architecture.LITE_DEEP.network();

    assertThat(whitened.node("input/whiten").inputs()).containsExactly(Network.INPUT);
    assertThat(whitened.node("input/concat").inputs()).containsExactly(Network.INPUT, "input/whiten");
    assertThat(whitened.dims("input/concat")).isEqualTo(Dims.map(256, 256, 2));
    assertThat(whitened.node("stem/conv1").inputs()).containsExactly("input/concat");
    assertThat(whitened.node("decoder/block5/concat").inputs()).endsWith("input/concat");
    assertThat(whitened.node("input/whiten").params()).isEmpty();
    assertThat(whitened.params().size()).isEqualTo(deep.params().size());
    assertThat(whitened.dims(Architecture.MASK)).isEqualTo(deep.dims(Architecture.MASK));
  }

  @Test
  void exportedOutputsDoNotNeedTheRegionProposalHead() {
    Network network = Architecture.LITE.network();

    assertThat(network.nodesFor(java.util.List.of(Architecture.PROBABILITY, Architecture.MASK)))
        .noneMatch(n -> n.part() == Part.REGION_PROPOSAL);
  }

  @Test
  void findsEveryPresetByItsNameAndNamesThemAllForAnUnknownOne() {
    assertThat(Architecture.PRESETS).allSatisfy(p -> assertThat(Architecture.preset(p.name())).isSameAs(p));
    assertThat(Architecture.preset("LITE-DEEP-WIDE")).isSameAs(Architecture.LITE_DEEP_WIDE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Architecture.preset("lite-wide"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lite-wide'")
        .hasMessageContaining(String.join(", ", Architecture.presetNames()));
  }

  @Test
  void refusesBottlenecksTooNarrowForOneDnn() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Architecture("x", 64, 4, java.util.List.of(1, 1, 1, 1), 2,
                java.util.List.of(8, 4, 4, 4, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base width must be at least 4");
  }
}
