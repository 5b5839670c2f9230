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
            + " services beside 44405), its patient with earlier encounters, each with a procedure,"
            + " or its procedure note longer (nursing-record lines after the operative text)."
            + " Encounter-discharge calls one at a time, with the full prefetch and reading the store."
            + " Allocated per call: the server's thread allocation counters (every allocation,"
            + " humongous arrays included) read over JMX before and after a further window of"
            + " calls, less the cost of reading them; ≥ where a server thread ended in the window"
            + " and took its count with it.");
    line("");
    line(
        "| variant | prefetch body | with prefetch p50 | p99 | allocated per call | from the store"
            + " p50 | p99 | allocated per call | errors |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Results.Growth g : r.growth) {
      line(
          "| %s | %.0f KiB | %s | %s | %s | %s | %s | %s | %d |",
          g.variant(),
          g.prefetchKiB(),
          ms(g.prefetchedP50()),
          ms(g.prefetchedP99()),
          kib(g.prefetchedKiBPerCall()),
          ms(g.storeP50()),
          ms(g.storeP99()),
          kib(g.storeKiBPerCall()),
          g.errors());
    }
    line("");
  }

  /** A negative figure is a lower bound: a server thread ended in its window. */
  private static String kib(double kib) {
    if (Double.isNaN(kib)) {
      return "—";
    }
    return kib < 0 ? String.format("≥ %,.0f KiB", -kib) : String.format("%,.0f KiB", kib);
  }

  private void line(String format, Object... args) {
    md.line(format, args);
  }
}
