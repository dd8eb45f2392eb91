/** The network in TensorFlow Java: graph building, variables, tensors and inference. */
package org.latentcadx.trainer.tf;
