package org.stomacds.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stomacds.benchmarks.Results;

/** The report of a run, from its results alone: no server, no benchmark. */
class ReportTest {

  @TempDir Path dir;

  private Path previousReport(String analysis) throws IOException {
    Path previous = dir.resolve("BENCHMARKS.md");
    Files.writeString(
        previous,
        "# Benchmarks\n\nold figures\n\n"
            + Report.ANALYSIS_START
            + analysis
            + Report.ANALYSIS_END
            + "\n\nmore old figures\n");
    return previous;
  }

  /**
   * The golden file is the report the suite wrote for these results before it was split into one
   * class per section: the split changed no character.
   */
  @Test
  void rendersAFullRunExactlyAsTheGoldenReport() throws IOException {
    String report =
        Report.render(SampleResults.full(), previousReport("\n## Analysis\n\nkept words\n"));

    try (InputStream golden = ReportTest.class.getResourceAsStream("/report/full-run.md")) {
      assertThat(report).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void keepsTheHandWrittenAnalysisOfThePreviousReportAndNothingElseOfIt() throws IOException {
    String report =
        Report.render(SampleResults.full(), previousReport("\n## Analysis\n\nWhy p99 moved.\n"));

    assertThat(report)
        .contains(Report.ANALYSIS_START + "\n## Analysis\n\nWhy p99 moved.\n" + Report.ANALYSIS_END)
        .doesNotContain("old figures");
  }

  @Test
  void marksEachTargetMetOrMissedByItsFigure() {
    String report = Report.render(SampleResults.full(), null);

    assertThat(report)
        .contains(
            "| order-sign (Epic), full prefetch: p99 at 500 req/s | ≤ 15 ms | 14.0 ms | met |")
        .contains(
            "| encounter-discharge, no prefetch: p99 at 100 req/s | ≤ 100 ms | 250 ms, 2 errors |"
                + " **missed** |")
        .contains(
            "| write overhead, Claim PUT (p50 checks on / off) | ≤ 1.15× | 1.50× (30.0 ms / 20.0 ms)"
                + " | **missed** |")
        .contains("## Analysis\n\n(none written yet)");
  }

  @Test
  void judgesTheCallWithoutAPackOrderByTheHighestRateHeldWithAP99Of10Ms() {
    Results r = SampleResults.full();
    r.series.add(
        new Results.Series(
            Results.COMMON_PATH,
            "cpt-44405-order-sign`, `cpt-44405-order-select",
            true,
            18,
            7.0,
            List.of(
                SampleResults.step(2500, 0, 2000, 4000, 9000),
                SampleResults.step(3000, 0, 3000, 5000, 12_000),
                SampleResults.step(4000, 0, 90_000, 200_000, 400_000)),
            4000,
            "did not break up to 4000 req/s"));
    r.floors.add(new Results.Floor(Results.COMMON_PATH, 0.1, 0.12, 0.9, 1.4, 9));

    String report = Report.render(r, null);

    assertThat(report)
        .contains(
            "| "
                + Results.COMMON_PATH
                + ": highest rate held with p99 ≤ 10 ms (no error) | ≥ 3,000 req/s |"
                + " 2,500 req/s (p99 12.0 ms at 3,000 req/s) | **missed** |")
        .contains(
            "| "
                + Results.COMMON_PATH
                + ": service time / floor (loopback round trip + HAPI parse) | (none set) |"
                + " 2.0× (0.90 ms / 0.35 ms + 0.10 ms) | |")
        .doesNotContain(Results.COMMON_PATH + ": p99 at 500 req/s");
  }

  @Test
  void leavesOutTheSectionsOfPartsThatDidNotRun() {
    Results nothing = new Results();
    nothing.machine = SampleResults.full().machine;

    String report = Report.render(nothing, null);

    assertThat(report)
        .contains("## Targets")
        .contains("## Time per part")
        .doesNotContain("## 1.")
        .doesNotContain("## 3.")
        .doesNotContain("## 5.")
        .doesNotContain("## Notes from the run");
  }
}
