package org.latentcadx.trainer.train;

import org.latentcadx.trainer.data.PatchBatch;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.tf.Tensors;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The placeholders a batch is fed through: images and outlines {@code [B, T, T, 1]}, class targets
 * {@code [B, 2]}, region targets {@code [B, S, S, 2]} (see {@link RegionTargets}).
 */
record BatchInputs(
    Placeholder<TFloat32> images,
    Placeholder<TFloat32> outlines,
    Placeholder<TFloat32> classTargets,
    Placeholder<TFloat32> regionTargets) {

  static BatchInputs create(Ops tf) {
    return new BatchInputs(
        tf.placeholder(TFloat32.class),
        tf.placeholder(TFloat32.class),
        tf.placeholder(TFloat32.class),
        tf.placeholder(TFloat32.class));
  }

  /** Tensors holding {@code batch}; close them after the run. */
  Fed feed(Session.Runner runner, PatchBatch batch) {
    int b = batch.size();
    int tile = batch.tileSize();
    long[] nhwc = {b, tile, tile, 1};
    float[] classes = new float[2 * b];
    for (int i = 0; i < b; i++) {
      classes[2 * i + (batch.labels()[i] > 0.5f ? 1 : 0)] = 1f;
    }
    int cells = tile / RegionTargets.CELL;
    Fed fed =
        new Fed(
            Tensors.toTensor(new FloatArray(nhwc, batch.images())),
            Tensors.toTensor(new FloatArray(nhwc, batch.outlineMasks())),
            Tensors.toTensor(new FloatArray(new long[] {b, 2}, classes)),
            Tensors.toTensor(
                new FloatArray(
                    new long[] {b, cells, cells, 2},
                    RegionTargets.oneHot(batch.outlineMasks(), b, tile))));
    runner
        .feed(images, fed.images)
        .feed(outlines, fed.outlines)
        .feed(classTargets, fed.classes)
        .feed(regionTargets, fed.regions);
    return fed;
  }

  /** The tensors of one fed batch. */
  record Fed(TFloat32 images, TFloat32 outlines, TFloat32 classes, TFloat32 regions)
      implements AutoCloseable {
    @Override
    public void close() {
      images.close();
      outlines.close();
      classes.close();
      regions.close();
    }
  }
}
