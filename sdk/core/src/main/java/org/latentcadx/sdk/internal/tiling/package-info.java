/** Implementation: the sliding-window tiles that cover a model-scale image. */
package org.latentcadx.sdk.internal.tiling;
