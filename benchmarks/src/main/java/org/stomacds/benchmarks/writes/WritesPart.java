package org.stomacds.benchmarks.writes;

import java.nio.file.Path;
import java.util.List;
import org.stomacds.benchmarks.FixtureCases.FixtureCase;
import org.stomacds.benchmarks.RunningServer;
import org.stomacds.benchmarks.ServerLauncher;
import org.stomacds.benchmarks.SuiteRun;

/**
 * Part {@code writes}: what the write checks cost ({@link WriteOverhead}: the main server beside
 * one started with them off), and what durable commits on the embedded database cost.
 */
public final class WritesPart {

  private final SuiteRun run;
  private final ServerLauncher servers;

  public WritesPart(SuiteRun run, ServerLauncher servers) {
    this.run = run;
    this.servers = servers;
  }

  /**
   * @param on the main server (write checks on), holding the cases
   * @param jar the server's jar, for the servers started for the comparisons
   * @param archive its AppCDS archive, or null
   */
  public void run(RunningServer on, Path jar, Path archive, List<FixtureCase> cases)
      throws Exception {
    int maxCases = run.quick() ? 4 : 20;
    try (RunningServer off =
        servers.startForComparison(
            "stomacds (write checks off)",
            jar,
            archive,
            List.of("--stomacds.checks.write-checks=false"))) {
      off.loadCases(cases);
      WriteOverhead.run(on, off, cases, maxCases, run.results(), run::say);
    }
    // What durability costs: the shipped embedded database (every commit written to its file
    // before the answer) beside the same server with H2's default write delay (commits reach the
    // file up to 500 ms later: lost on a crash), both with the write checks on, both started fresh
    // for this comparison so that neither is warmer than the other.
    try (RunningServer durable =
            servers.startForComparison("stomacds (durable H2)", jar, archive, List.of());
        RunningServer delayed =
            servers.startForComparison(
                "stomacds (H2 write delay 500 ms)",
                jar,
                archive,
                List.of(
                    "--spring.datasource.url=jdbc:h2:file:${stomacds.fhir.data-dir}/h2/stomacds;"
                        + "DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=500"))) {
      durable.loadCases(cases);
      delayed.loadCases(cases);
      WriteOverhead.compare(
          durable, delayed, true, cases, maxCases, run.results().durability, run::say);
    }
  }
}
