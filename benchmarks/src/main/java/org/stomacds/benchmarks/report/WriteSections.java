package org.stomacds.benchmarks.report;

import static org.stomacds.benchmarks.report.Markdown.ms;

import org.stomacds.benchmarks.Results;

/**
 * Section 4 of the report: the write checks' overhead, the time until the DetectedIssues appear,
 * and what durable commits on the embedded database cost.
 */
final class WriteSections {

  private final Markdown md;
  private final Results r;

  WriteSections(Markdown md, Results r) {
    this.md = md;
    this.r = r;
  }

  void write() {
    writes();
    durability();
  }

  private void writes() {
    if (r.writes.isEmpty()) {
      return;
    }
    line("## 4. Write overhead");
    line("");
    line(
        "Two servers holding the same cases, one with `stomacds.checks.write-checks=false`, get the"
            + " same writes alternately (client-observed latency, loopback). Per case: its context (not"
            + " measured), a new 44405 Procedure (PUT), a new Claim (PUT), then the whole case again as a"
            + " transaction Bundle. Issues: time from the start of the write until every DetectedIssue"
            + " the case expects (`expected.json`) can be found by `DetectedIssue?implicated=`"
            + " (polled every 10 ms).");
    line("");
    line(
        "| write | samples | checks on p50 | on p90 | checks off p50 | off p90 | ratio (p50) | DetectedIssues after (p50 / p90) |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (Results.WriteKind w : r.writes) {
      String issues =
          w.issueSamples() == 0 && w.issueTimeouts() == 0
              ? "(none expected)"
              : ms(w.issuesP50())
                  + " / "
                  + ms(w.issuesP90())
                  + " ("
                  + w.issueSamples()
                  + " writes"
                  + (w.issueTimeouts() > 0
                      ? ", " + w.issueTimeouts() + " not complete after 5 s"
                      : "")
                  + ")";
      line(
          "| %s | %d | %s | %s | %s | %s | %.2f× | %s |",
          w.kind(),
          w.samples(),
          ms(w.onP50()),
          ms(w.onP90()),
          ms(w.offP50()),
          ms(w.offP90()),
          w.onP50() / w.offP50(),
          issues);
    }
    line("");
  }

  private void durability() {
    if (r.durability.isEmpty()) {
      return;
    }
    line("### Durable commits on the embedded database");
    line("");
    line(
        "The shipped H2 URL sets `WRITE_DELAY=0`: every commit is written to the database file"
            + " before the answer, so a killed process loses nothing it acknowledged. Two servers"
            + " started fresh for this comparison, one as shipped and one with H2's default delay"
            + " (`WRITE_DELAY=500`, commits reach the file up to half a second later), both with"
            + " the write checks on, get the same writes alternately.");
    line("");
    line("| write | samples | durable p50 | p90 | write delay 500 ms p50 | p90 | ratio (p50) |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    for (Results.WriteKind w : r.durability) {
      line(
          "| %s | %d | %s | %s | %s | %s | %.2f× |",
          w.kind(),
          w.samples(),
          ms(w.onP50()),
          ms(w.onP90()),
          ms(w.offP50()),
          ms(w.offP90()),
          w.onP50() / w.offP50());
    }
    line("");
  }

  private void line(String format, Object... args) {
    md.line(format, args);
  }
}
