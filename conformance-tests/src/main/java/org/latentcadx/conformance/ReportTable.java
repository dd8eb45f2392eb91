package org.latentcadx.conformance;

import java.io.PrintWriter;
import java.util.List;

/** Prints check results as a table: one row per case and check, then a summary line. */
final class ReportTable {

  private ReportTable() {}

  static void print(List<CheckResult> results, PrintWriter out) {
    int caseWidth = width(results.stream().map(CheckResult::caseName).toList(), "CASE");
    int checkWidth = width(results.stream().map(CheckResult::check).toList(), "CHECK");
    String row = "%-" + caseWidth + "s  %-" + checkWidth + "s  %-6s %s%n";
    out.printf(row, "CASE", "CHECK", "RESULT", "DETAIL");
    for (CheckResult r : results) {
      out.printf(row, r.caseName(), r.check(), r.passed() ? "PASS" : "FAIL", r.detail());
    }
    long failed = results.stream().filter(r -> !r.passed()).count();
    out.printf("%d checks, %d passed, %d failed%n", results.size(), results.size() - failed, failed);
  }

  private static int width(List<String> values, String header) {
    return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
  }
}
