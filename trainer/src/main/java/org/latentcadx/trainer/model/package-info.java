/**
 * The network as data: layers, parameter shapes, architectures (ResNet encoder, classification head,
 * deconvolution decoder with skips, the gated mask) and weights, independent of TensorFlow and ONNX.
 */
package org.latentcadx.trainer.model;
