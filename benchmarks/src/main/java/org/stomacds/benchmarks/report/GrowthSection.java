package org.stomacds.benchmarks.report;

import static org.stomacds.benchmarks.report.Markdown.ms;

import org.stomacds.benchmarks.Results;

/** Section 6 of the report: latency as a case grows (claim lines, prior encounters). */
final class GrowthSection {

  private final Markdown md;
  private final Results r;

  GrowthSection(Markdown md, Results r) {
    this.md = md;
    this.r = r;
  }

  void write() {
    if (r.growth.isEmpty()) {
      return;
    }
    line("## 6. Growth");
    line("");
    line(
        "One case (`pass-complete-documentation`) made bigger: its Claim with more lines (other"
            + " services beside 44405), or its patient with earlier encounters, each with a procedure."
            + " Encounter-discharge calls one at a time, with the full prefetch and reading the store.");
    line("");
    line(
        "| variant | prefetch body | with prefetch p50 | p99 | from the store p50 | p99 | errors |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    for (Results.Growth g : r.growth) {
      line(
          "| %s | %.0f KiB | %s | %s | %s | %s | %d |",
          g.variant(),
          g.prefetchKiB(),
          ms(g.prefetchedP50()),
          ms(g.prefetchedP99()),
          ms(g.storeP50()),
          ms(g.storeP99()),
          g.errors());
    }
    line("");
  }

  private void line(String format, Object... args) {
    md.line(format, args);
  }
}
