package org.stomacds.benchmarks.report;

import java.util.Locale;
import org.stomacds.benchmarks.Results;

/** Section 3 of the report: JMH's time and allocation per rule evaluation, case by case. */
final class RuleEvaluationSection {

  private final Markdown md;
  private final Results r;

  RuleEvaluationSection(Markdown md, Results r) {
    this.md = md;
    this.r = r;
  }

  void write() {
    if (r.ruleCases.isEmpty()) {
      return;
    }
    line("## 3. Rule evaluation (JMH)");
    line("");
    line(
        "`RuleEvaluationBenchmark`: one operation = `RuleEngine.evaluate` on the case's resources"
            + " (already parsed) for the stages and focus its hook call asks for: facts, the note read"
            + " (narrative included, nothing cached between operations), every rule. Average time, every"
            + " case in one warm JVM (the suite's, as a server evaluates them: 2 × 300 ms warm-up, 4 ×"
            + " 250 ms measured per case); allocation from JMH's GC profiler.");
    line("");
    line("| case | µs/op | ± | allocated per op |");
    line("|---|---:|---:|---:|");
    for (Results.RuleCase c : r.ruleCases) {
      line(
          "| %s | %.1f | %.1f | %s |",
          c.caseName(),
          c.micros(),
          c.error(),
          Double.isNaN(c.allocBytes())
              ? ""
              : String.format(Locale.ROOT, "%,.0f B", c.allocBytes()));
    }
    line("");
  }

  private void line(String format, Object... args) {
    md.line(format, args);
  }
}
