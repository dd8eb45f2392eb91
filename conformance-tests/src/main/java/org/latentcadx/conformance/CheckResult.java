package org.latentcadx.conformance;

/**
 * The outcome of one check of one case: a row of the kit's report.
 *
 * @param caseName the golden case, e.g. {@code lite-seed/patch_batch/test_data_set_0}
 * @param check what was compared, e.g. {@code mask}
 * @param passed whether every element was within tolerance
 * @param detail on success the largest difference seen; on failure the worst element, its index, both
 *     values and how many elements failed
 */
public record CheckResult(String caseName, String check, boolean passed, String detail) {

  /** A check that could not be run (missing file, model error): it fails with {@code reason}. */
  public static CheckResult error(String caseName, String check, String reason) {
    return new CheckResult(caseName, check, false, reason);
  }
}
