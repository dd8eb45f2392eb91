package org.latentcadx.sdk.metrics;

/**
 * A point estimate with a two-sided confidence interval.
 *
 * @param estimate the metric on the full data
 * @param lower lower bound
 * @param upper upper bound
 * @param level confidence level, e.g. 0.95
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level) {}
