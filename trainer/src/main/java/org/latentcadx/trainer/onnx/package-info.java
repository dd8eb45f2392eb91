/** Export of a network and its weights as an ONNX graph carrying the SDK's model contract. */
package org.latentcadx.trainer.onnx;
