/**
 * Pictures of results: the overlay of a probability map on its mammogram ({@link
 * org.latentcadx.sdk.render.OverlayRenderer}), and probability maps stored as 16-bit PNG ({@link
 * org.latentcadx.sdk.render.ProbabilityMapPng}).
 */
package org.latentcadx.sdk.render;
