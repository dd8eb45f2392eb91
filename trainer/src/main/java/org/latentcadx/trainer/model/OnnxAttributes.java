package org.latentcadx.trainer.model;

import ai.onnx.proto.OnnxMl.AttributeProto;
import com.google.common.primitives.Longs;

/** Builders of ONNX node attributes. */
final class OnnxAttributes {
  private OnnxAttributes() {}

  static AttributeProto ints(String name, long... values) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INTS)
        .addAllInts(Longs.asList(values))
        .build();
  }

  static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  static AttributeProto real(String name, float value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.FLOAT)
        .setF(value)
        .build();
  }
}
