/**
 * Implementation of the SDK, not exported by its module and free to change: shared rasters and
 * connected-component labelling here, the pipeline's stages in the sub-packages.
 */
package org.latentcadx.sdk.internal;
