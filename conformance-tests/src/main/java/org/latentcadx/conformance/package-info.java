/**
 * The conformance kit: golden outputs, computed by independent engines (TensorFlow, a reference
 * pipeline written from the documents, scikit-learn), that an SDK installation must reproduce within
 * stated tolerances. Supported entry points: {@link org.latentcadx.conformance.ConformanceCommand} (the
 * {@code latentcadx-conformance} command) and, for embedding, {@link
 * org.latentcadx.conformance.ConformanceKit} with {@link org.latentcadx.conformance.GoldenFiles} and
 * {@link org.latentcadx.conformance.CheckResult}. The kit reaches the SDK through its public API only.
 */
package org.latentcadx.conformance;
