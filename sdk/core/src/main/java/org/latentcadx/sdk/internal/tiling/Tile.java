package org.latentcadx.sdk.internal.tiling;

/** One window of a {@link TileGrid}: its grid cell and the image pixel where it starts. */
public record Tile(GridCell cell, PixelOrigin origin) {}
