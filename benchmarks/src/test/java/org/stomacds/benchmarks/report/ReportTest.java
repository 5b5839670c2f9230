package org.stomacds.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
