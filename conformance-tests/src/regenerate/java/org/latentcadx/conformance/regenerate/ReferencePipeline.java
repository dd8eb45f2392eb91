package org.latentcadx.conformance.regenerate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.latentcadx.conformance.GoldenFormat.LesionGolden;

/**
 * The reference for the image-level goldens, written from the documents (sdk/README.md "Pipeline",
 * sdk/MODEL_CONTRACT.md, the DDSM calibration formulas) and not from the SDK's code: plain loops in
 * double precision, no buffers, no batching. Only the patch outputs come from an engine, TensorFlow.
 */
final class ReferencePipeline {

  /** DDSM grey level → optical density, as published by the DDSM calibration pages. */
  private static final Map<String, DoubleUnaryOperator> SCANNERS =
      Map.of(
          "DBA_MGH", gl -> (Math.log10(gl) - 4.80662) / -1.07553,
          "HOWTEK_MGH", gl -> 3.789 - 0.00094568 * gl,
          "LUMISYS_WFU", gl -> (gl - 4096.99) / -1009.01,
          "HOWTEK_ISMD", gl -> 3.96604095240593 - 0.00099055807612 * gl);

  /** What the pipeline produced for one image. */
  record Result(
      int mapWidth,
      int mapHeight,
      float[] preprocessed,
      int[][] tileOrigins,
      float[] map,
      double imageProbability) {}

  private final ReferenceModel model;
  private final TensorFlowPatches engine;

  ReferencePipeline(ReferenceModel model, TensorFlowPatches engine) {
    this.model = model;
    this.engine = engine;
  }

  /**
   * Runs a {@code width × height} image of stored grey levels with {@code bitsStored} bits.
   *
   * @param scanner the DDSM scanner for optical-density models (ignored otherwise)
   * @param smoothing the map smoothing, Gaussian σ in map pixels (0: the map as stitched)
   */
  Result run(
      int[] grey, int width, int height, int bitsStored, String scanner, int stride, String aggregation,
      double smoothing) {
    int f = model.downsampleFactor();
    int tile = model.tileSize();
    float[] normalised = normalise(grey, bitsStored, scanner);
    int w = (width + f - 1) / f;
    int h = (height + f - 1) / f;
    float[] small = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sum = 0;
        for (int dy = 0; dy < f; dy++) {
          for (int dx = 0; dx < f; dx++) {
            int ox = x * f + dx;
            int oy = y * f + dy;
            sum += ox < width && oy < height ? normalised[oy * width + ox] : 0;
          }
        }
        small[y * w + x] = (float) (sum / (f * f));
      }
    }
    int paddedW = Math.max(w, tile);
    int paddedH = Math.max(h, tile);
    int[] xs = starts(paddedW, tile, stride);
    int[] ys = starts(paddedH, tile, stride);
    int[][] origins = new int[xs.length * ys.length][];
    float[] patches = new float[origins.length * tile * tile];
    for (int r = 0; r < ys.length; r++) {
      for (int c = 0; c < xs.length; c++) {
        int t = r * xs.length + c;
        origins[t] = new int[] {xs[c], ys[r]};
        for (int i = 0; i < tile; i++) {
          for (int j = 0; j < tile; j++) {
            int x = xs[c] + j;
            int y = ys[r] + i;
            patches[(t * tile + i) * tile + j] = x < w && y < h ? small[y * w + x] : 0;
          }
        }
      }
    }
    float[] probabilities = new float[origins.length];
    float[] masks = new float[patches.length];
    int batch = 8;
    for (int first = 0; first < origins.length; first += batch) {
      int count = Math.min(batch, origins.length - first);
      float[] in = Arrays.copyOfRange(patches, first * tile * tile, (first + count) * tile * tile);
      TensorFlowPatches.Outputs out = engine.run(in, count);
      System.arraycopy(out.probabilities(), 0, probabilities, first, count);
      System.arraycopy(out.masks(), 0, masks, first * tile * tile, count * tile * tile);
    }
    float[] map = stitch(origins, masks, tile, w, h);
    if (smoothing > 0) {
      map = smooth(map, w, h, smoothing);
    }
    return new Result(w, h, small, origins, map, aggregate(probabilities, aggregation));
  }

  private float[] normalise(int[] grey, int bitsStored, String scanner) {
    float[] out = new float[grey.length];
    String normalization = model.metadata("latentcadx.normalization");
    if (normalization.equals("optical_density")) {
      DoubleUnaryOperator od = SCANNERS.get(scanner);
      double min = Double.parseDouble(model.metadata("latentcadx.od_min"));
      double max = Double.parseDouble(model.metadata("latentcadx.od_max"));
      for (int i = 0; i < grey.length; i++) {
        double value = od.applyAsDouble(grey[i]);
        double clipped = value < min ? 0 : Math.min(value, max);
        out[i] = (float) (clipped / max);
      }
    } else {
      double full = Math.pow(2, bitsStored) - 1;
      for (int i = 0; i < grey.length; i++) {
        out[i] = (float) Math.max(0, Math.min(1, grey[i] / full));
      }
    }
    return out;
  }

  /** Tile starts along an axis: 0, S, 2S, … while a tile fits, plus L − T when the last stops short. */
  static int[] starts(int length, int tile, int stride) {
    List<Integer> starts = new ArrayList<>();
    for (int s = 0; s + tile <= length; s += stride) {
      starts.add(s);
    }
    if (starts.get(starts.size() - 1) + tile < length) {
      starts.add(length - tile);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Weighted mean of tile masks, weight w(i)·w(j) with w(i) = min(i + 1, T − i). */
  private static float[] stitch(int[][] origins, float[] masks, int tile, int w, int h) {
    float[] map = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double weighted = 0;
        double total = 0;
        for (int t = 0; t < origins.length; t++) {
          int i = y - origins[t][1];
          int j = x - origins[t][0];
          if (i >= 0 && i < tile && j >= 0 && j < tile) {
            double weight = Math.min(i + 1, tile - i) * (double) Math.min(j + 1, tile - j);
            weighted += weight * masks[(t * tile + i) * tile + j];
            total += weight;
          }
        }
        map[y * w + x] = (float) (weighted / total);
      }
    }
    return map;
  }

  /**
   * The map convolved with a Gaussian of σ map pixels as MODEL_CONTRACT.md states it (SciPy's {@code
   * gaussian_filter} with mode {@code constant}): weights {@code exp(−d²/2σ²)} for offsets {@code |d| ≤
   * ⌊4σ + 0.5⌋} on each axis, normalised to sum 1 per axis, zeros beyond the map. Summed directly in two
   * dimensions, not separably as the SDK does.
   */
  static float[] smooth(float[] map, int w, int h, double sigma) {
    int radius = (int) (4 * sigma + 0.5);
    double[] weight = new double[2 * radius + 1];
    double total = 0;
    for (int d = -radius; d <= radius; d++) {
      weight[d + radius] = Math.exp(-d * (double) d / (2 * sigma * sigma));
      total += weight[d + radius];
    }
    float[] out = new float[map.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sum = 0;
        for (int dy = Math.max(-radius, -y); dy <= Math.min(radius, h - 1 - y); dy++) {
          for (int dx = Math.max(-radius, -x); dx <= Math.min(radius, w - 1 - x); dx++) {
            sum += weight[dy + radius] * weight[dx + radius] * map[(y + dy) * w + x + dx];
          }
        }
        out[y * w + x] = (float) (sum / (total * total));
      }
    }
    return out;
  }

  private static double aggregate(float[] probabilities, String aggregation) {
    double[] p = new double[probabilities.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = probabilities[i];
    }
    if (aggregation.equals("noisy_or")) {
      double none = 1;
      for (double v : p) {
        none *= 1 - v;
      }
      return 1 - none;
    }
    int k = aggregation.equals("max") ? 1 : Integer.parseInt(aggregation.substring("top_k_mean:".length()));
    Arrays.sort(p);
    int n = Math.min(k, p.length);
    double sum = 0;
    for (int i = p.length - n; i < p.length; i++) {
      sum += p[i];
    }
    return sum / n;
  }

  /**
   * The 8-connected regions of map pixels {@code >= threshold}, highest peak first (ties in row-major
   * order of their first pixel), with boxes in map and original-image pixels.
   */
  static List<LesionGolden> lesions(
      float[] map, int w, int h, float threshold, int factor, int imageWidth, int imageHeight) {
    int[] label = new int[map.length];
    List<LesionGolden> lesions = new ArrayList<>();
    int next = 0;
    for (int start = 0; start < map.length; start++) {
      if (label[start] != 0 || !(map[start] >= threshold)) {
        continue;
      }
      next++;
      List<Integer> region = new ArrayList<>(List.of(start));
      label[start] = next;
      for (int k = 0; k < region.size(); k++) {
        int x = region.get(k) % w;
        int y = region.get(k) / w;
        for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
          for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
            int n = ny * w + nx;
            if (label[n] == 0 && map[n] >= threshold) {
              label[n] = next;
              region.add(n);
            }
          }
        }
      }
      int minX = w, minY = h, maxX = -1, maxY = -1;
      float peak = Float.NEGATIVE_INFINITY;
      double sum = 0;
      for (int index : region) {
        int x = index % w;
        int y = index / w;
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
        peak = Math.max(peak, map[index]);
        sum += map[index];
      }
      int[] mapBox = {minX, minY, maxX - minX + 1, maxY - minY + 1};
      int[] imageBox = {
        minX * factor,
        minY * factor,
        Math.min((maxX + 1) * factor, imageWidth) - minX * factor,
        Math.min((maxY + 1) * factor, imageHeight) - minY * factor
      };
      lesions.add(new LesionGolden(mapBox, imageBox, region.size(), peak, (float) (sum / region.size())));
    }
    lesions.sort(Comparator.comparingDouble(LesionGolden::peakProbability).reversed());
    return lesions;
  }
}
