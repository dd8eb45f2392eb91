package org.latentcadx.sdk.internal.tiling;

/** The top-left pixel of a tile, in (downsampled) image pixels. Not a grid index; see {@link GridCell}. */
public record PixelOrigin(int x, int y) {}
