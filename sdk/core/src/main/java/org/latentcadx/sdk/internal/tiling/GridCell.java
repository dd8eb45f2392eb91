package org.latentcadx.sdk.internal.tiling;

/**
 * A tile's place in the grid: {@code column}-th window from the left, {@code row}-th from the top. Not
 * a pixel position; see {@link PixelOrigin}.
 */
public record GridCell(int row, int column) {}
