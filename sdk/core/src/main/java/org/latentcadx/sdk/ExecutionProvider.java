package org.latentcadx.sdk;

/** The ONNX Runtime execution provider a detector actually runs on. */
public enum ExecutionProvider {
  CPU,
  CUDA
}
