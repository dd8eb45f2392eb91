package org.latentcadx.trainer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The LatentCADx network: a bottleneck-ResNet encoder, a classification head, a region-proposal head
 * and a five-block up-sampling decoder with skip connections.
 *
 * <p>Encoder: a two-convolution stem (3×3 stride 2 with {@code stemWidth/2} filters, 3×3 with
 * {@code stemWidth}), 3×3 stride-2 max pooling, then four stages of bottleneck blocks (1×1, 3×3, 1×1
 * convolutions, each followed by batch norm; ReLU after the first two and after the residual sum).
 * Stage {@code i} has {@code baseWidth·2^i} bottleneck filters and {@code 4·baseWidth·2^i} outputs;
 * stages 2–4 halve the resolution in their first block (stride on the 3×3 convolution) and the first
 * block of each stage has a 1×1 projection shortcut. A 256×256×1 patch becomes 8×8×{@code 32·baseWidth}.
 *
 * <p>Heads: classification (global average pooling, or global maximum pooling where {@code
 * classifierPooling} says so, → dense 2 → softmax; {@value #PROBABILITY} is the lesion column); region
 * proposal (1×1 convolution to 8×8×2 logits); decoder of five blocks, each a
 * ×2 transposed convolution → BN → ReLU, concatenation with the encoder output of the same size (stage
 * 3, stage 2, stage 1, stem, input image), 3×3 convolution → BN → ReLU; then a 1×1 convolution and a
 * sigmoid give the {@value #UNGATED_MASK}, which the mask losses train. The exported {@value #MASK} is
 * that mask times the patch's lesion probability: a patch the classifier calls healthy paints no
 * lesion, so scattered mask responses in healthy tissue do not become marks on a whole mammogram.
 *
 * <p>Input: the one-channel patch, or, where {@code input} says so, the patch and its {@link Whiten}
 * (prewhitened) copy as two channels, which the stem and the decoder's last block read in place of the
 * patch. The filter is fixed, so the model's input contract stays one grey channel.
 *
 * @param name preset name
 * @param tileSize input patch edge (a multiple of 32)
 * @param stemWidth filters of the second stem convolution
 * @param blocksPerStage bottleneck blocks in each of the four stages
 * @param baseWidth bottleneck filters of the first stage
 * @param decoderWidths filters of the five decoder blocks, coarsest first
 * @param classifierPooling how the classification head pools the encoder's output
 * @param input what the network reads of the patch
 */
public record Architecture(
    String name,
    int tileSize,
    int stemWidth,
    List<Integer> blocksPerStage,
    int baseWidth,
    List<Integer> decoderWidths,
    Pooling classifierPooling,
    Input input) {

  /** How the classification head reduces the encoder's map to one vector. */
  public enum Pooling {
    /** The mean over the map: evidence spread over the whole patch. */
    AVERAGE,
    /** The maximum over the map: the strongest evidence anywhere in the patch. */
    MAX
  }

  /** What the stem and the decoder's last block read of the patch. */
  public enum Input {
    /** The patch alone. */
    IMAGE,
    /** The patch and its prewhitened copy ({@link Whiten}), two channels. */
    IMAGE_AND_WHITENED
  }

  /** Output width of a bottleneck block relative to its inner width. */
  public static final int EXPANSION = 4;

  /**
   * Narrowest bottleneck allowed: TensorFlow 2.18's oneDNN CPU kernels corrupt the heap when training
   * bottlenecks of 2 channels (seen with TensorFlow Java 1.1 on x86-64).
   */
  public static final int MIN_BASE_WIDTH = 4;

  public static final String CLASS_LOGITS = "class_logits";
  public static final String PROBABILITY = "probability";
  public static final String RPN_LOGITS = "rpn_logits";
  public static final String MASK_LOGITS = "mask_logits";
  /** The decoder's own mask, sigmoid of {@value #MASK_LOGITS}: what the mask losses train. */
  public static final String UNGATED_MASK = "mask_ungated";
  /** The exported mask: {@value #UNGATED_MASK} times the patch's {@value #PROBABILITY}. */
  public static final String MASK = "mask";

  /**
   * The paper's "ResNet54": stages of [3, 4, 6, 4] bottleneck blocks. Counting weight layers on the
   * longest path as He et al. count ResNet-50 (projection shortcuts excluded): 2 stem convolutions +
   * 17 blocks × 3 convolutions + the classification dense layer = 2 + 51 + 1 = 54. Encoder output for
   * a 256×256×1 patch: 8×8×2048.
   */
  public static final Architecture RESNET54 =
      new Architecture("resnet54", 256, 64, List.of(3, 4, 6, 4), 64, List.of(256, 128, 64, 32, 16));

  /** A narrow one-block-per-stage variant that trains on a 2-core CPU in minutes (8×8×256). */
  public static final Architecture LITE =
      new Architecture("lite", 256, 8, List.of(1, 1, 1, 1), 8, List.of(32, 16, 8, 8, 8));

  /**
   * {@link #LITE} with more bottleneck blocks in the coarser stages ([1, 2, 3, 2] instead of one each):
   * more capacity where mass-sized structures are seen (1/8 to 1/32 of the patch), at little cost, since
   * the full-resolution decoder and stem dominate the work (onnx-models/STUDY.md, round 7).
   */
  public static final Architecture LITE_DEEP =
      new Architecture("lite-deep", 256, 8, List.of(1, 2, 3, 2), 8, List.of(32, 16, 8, 8, 8));

  /**
   * {@link #LITE_DEEP} whose classifier pools with the maximum instead of the mean, so that a small,
   * faint lesion is not averaged away by the rest of the patch (onnx-models/STUDY.md, round 10).
   */
  public static final Architecture LITE_DEEP_MAX =
      new Architecture(
          "lite-deep-max", 256, 8, List.of(1, 2, 3, 2), 8, List.of(32, 16, 8, 8, 8),
          Pooling.MAX, Input.IMAGE);

  /**
   * {@link #LITE_DEEP} with twice the encoder's channels (bottleneck filters 16 to 128, an 8×8×512
   * output): more feature maps to tell a faint mass from a lump of dense tissue, where more blocks did
   * not help masses (onnx-models/STUDY.md, round 11). Stem and decoder unchanged.
   */
  public static final Architecture LITE_DEEP_WIDE =
      new Architecture("lite-deep-wide", 256, 8, List.of(1, 2, 3, 2), 16, List.of(32, 16, 8, 8, 8));

  /**
   * {@link #LITE_DEEP} with twice the decoder's channels (64, 32, 16, 16, 16): the decoder draws the
   * mask, and {@code lite-deep}'s paints lumps of dense tissue as brightly as a faint mass
   * (onnx-models/STUDY.md, round 12). Encoder and classifier unchanged.
   */
  public static final Architecture LITE_DEEP_WIDE_DECODER =
      new Architecture(
          "lite-deep-wide-decoder", 256, 8, List.of(1, 2, 3, 2), 8, List.of(64, 32, 16, 16, 16));

  /**
   * {@link #LITE_DEEP} reading the patch together with its prewhitened copy ({@link Whiten}): a
   * prewhitened matched filter finds twice as many faint masses as the networks do, a local-contrast
   * one no more (onnx-models/STUDY.md, after round 12). Round 13 measured it worse on masses.
   */
  public static final Architecture LITE_DEEP_WHITENED =
      new Architecture(
          "lite-deep-whitened", 256, 8, List.of(1, 2, 3, 2), 8, List.of(32, 16, 8, 8, 8),
          Pooling.AVERAGE, Input.IMAGE_AND_WHITENED);

  /** An architecture reading the patch alone, with the classifier's global average pooling. */
  public Architecture(
      String name,
      int tileSize,
      int stemWidth,
      List<Integer> blocksPerStage,
      int baseWidth,
      List<Integer> decoderWidths) {
    this(
        name,
        tileSize,
        stemWidth,
        blocksPerStage,
        baseWidth,
        decoderWidths,
        Pooling.AVERAGE,
        Input.IMAGE);
  }

  public Architecture {
    Objects.requireNonNull(classifierPooling, "classifierPooling");
    Objects.requireNonNull(input, "input");
    blocksPerStage = List.copyOf(blocksPerStage);
    decoderWidths = List.copyOf(decoderWidths);
    if (blocksPerStage.size() != 4 || decoderWidths.size() != 5) {
      throw new IllegalArgumentException("expected 4 encoder stages and 5 decoder blocks");
    }
    if (baseWidth < MIN_BASE_WIDTH) {
      throw new IllegalArgumentException(
          "base width must be at least " + MIN_BASE_WIDTH + ", got " + baseWidth);
    }
    if (tileSize % 32 != 0) {
      throw new IllegalArgumentException("tile size must be a multiple of 32, got " + tileSize);
    }
  }

  /** Every preset, each found by its {@link #name()}. */
  public static final List<Architecture> PRESETS =
      List.of(
          LITE,
          LITE_DEEP,
          LITE_DEEP_MAX,
          LITE_DEEP_WIDE,
          LITE_DEEP_WIDE_DECODER,
          LITE_DEEP_WHITENED,
          RESNET54);

  /** The names of {@link #PRESETS}, in their order. */
  public static List<String> presetNames() {
    return PRESETS.stream().map(Architecture::name).toList();
  }

  /**
   * The preset called {@code name} (case-insensitive; see {@link #PRESETS}).
   *
   * @throws IllegalArgumentException naming the presets if there is none by that name
   */
  public static Architecture preset(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return PRESETS.stream()
        .filter(preset -> preset.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown architecture preset '" + name + "', expected one of "
                        + String.join(", ", presetNames())));
  }

  /** Weight layers on the longest input-to-probability path, counted as in {@link #RESNET54}. */
  public int weightLayers() {
    return 2 + 3 * blocksPerStage.stream().mapToInt(Integer::intValue).sum() + 1;
  }

  /** Builds the network description. */
  public Network network() {
    Network.Builder b = Network.builder(Dims.map(tileSize, tileSize, 1));
    String image = Network.INPUT;
    if (input == Input.IMAGE_AND_WHITENED) {
      String whitened = b.add("input/whiten", Part.ENCODER, new Whiten(), Network.INPUT);
      image = b.add("input/concat", Part.ENCODER, new Concat(), Network.INPUT, whitened);
    }
    String x = convBn(b, "stem/conv1", image, 3, 2, stemWidth / 2, true);
    x = convBn(b, "stem/conv2", x, 3, 1, stemWidth, true);
    List<String> skips = new ArrayList<>(List.of(image, x));
    x = b.add("stem/pool", Part.ENCODER, new MaxPool(3, 2), x);
    for (int stage = 0; stage < 4; stage++) {
      int width = baseWidth << stage;
      for (int block = 0; block < blocksPerStage.get(stage); block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        x = bottleneck(b, "stage" + (stage + 1) + "/block" + (block + 1), x, width, stride);
      }
      skips.add(x);
    }
    String features = x;
    String pooled =
        b.add("classifier/pool", Part.CLASSIFIER, new GlobalPool(classifierPooling), features);
    String logits = b.add(CLASS_LOGITS, Part.CLASSIFIER, new Dense(2), pooled);
    String softmax = b.add("classifier/softmax", Part.CLASSIFIER, Activation.SOFTMAX, logits);
    b.add(PROBABILITY, Part.CLASSIFIER, new Column(1), softmax);
    b.add(RPN_LOGITS, Part.REGION_PROPOSAL, Conv.output(2), features);
    String y = features;
    for (int i = 0; i < 5; i++) {
      String name = "decoder/block" + (i + 1);
      int width = decoderWidths.get(i);
      y = b.add(name + "/up", Part.DECODER, new UpConv(width), y);
      y = b.add(name + "/up_bn", Part.DECODER, BatchNorm.DEFAULT, y);
      y = b.add(name + "/up_relu", Part.DECODER, Activation.RELU, y);
      String skip = skips.get(skips.size() - 2 - i);
      y = b.add(name + "/concat", Part.DECODER, new Concat(), y, skip);
      y = b.add(name + "/conv", Part.DECODER, Conv.hidden(3, 1, width), y);
      y = b.add(name + "/bn", Part.DECODER, BatchNorm.DEFAULT, y);
      y = b.add(name + "/relu", Part.DECODER, Activation.RELU, y);
    }
    y = b.add(MASK_LOGITS, Part.DECODER, Conv.output(1), y);
    y = b.add(UNGATED_MASK, Part.DECODER, Activation.SIGMOID, y);
    b.add(MASK, Part.DECODER, new Gate(), y, PROBABILITY);
    return b.build();
  }

  private static String convBn(
      Network.Builder b, String name, String in, int kernel, int stride, int filters, boolean relu) {
    String x = b.add(name, Part.ENCODER, Conv.hidden(kernel, stride, filters), in);
    x = b.add(name + "_bn", Part.ENCODER, BatchNorm.DEFAULT, x);
    return relu ? b.add(name + "_relu", Part.ENCODER, Activation.RELU, x) : x;
  }

  private static String bottleneck(
      Network.Builder b, String name, String in, int width, int stride) {
    int out = width * EXPANSION;
    String shortcut = in;
    if (stride != 1 || b.dims(in).channels() != out) {
      shortcut = convBn(b, name + "/projection", in, 1, stride, out, false);
    }
    String x = convBn(b, name + "/conv1", in, 1, 1, width, true);
    x = convBn(b, name + "/conv2", x, 3, stride, width, true);
    x = convBn(b, name + "/conv3", x, 1, 1, out, false);
    x = b.add(name + "/add", Part.ENCODER, new Add(), x, shortcut);
    return b.add(name + "/relu", Part.ENCODER, Activation.RELU, x);
  }
}
