/**
 * The model contract and the preprocessing it implies: the {@code latentcadx.*} metadata keys a model
 * carries ({@link org.latentcadx.sdk.model.ModelContract}), and the exact grey-level normalisation,
 * downsampling and tiling a detector applies for it ({@link org.latentcadx.sdk.model.ModelPreprocessing}),
 * for trainers and conformance checks that must match the SDK.
 */
package org.latentcadx.sdk.model;
