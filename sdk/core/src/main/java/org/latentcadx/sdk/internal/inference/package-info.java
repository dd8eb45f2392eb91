/**
 * Implementation: ONNX Runtime sessions on the chosen device, and batched tile scoring with reused
 * direct buffers.
 */
package org.latentcadx.sdk.internal.inference;
