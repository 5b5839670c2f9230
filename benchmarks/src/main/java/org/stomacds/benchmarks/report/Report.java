package org.stomacds.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stomacds.benchmarks.Machine;
import org.stomacds.benchmarks.Results;

/**
 * Renders the results as {@code docs/BENCHMARKS.md}: the machine, a table of every target with its
 * figure ({@link TargetsTable}), then each part in detail (one class per section). The hand-written
 * analysis between the markers {@value #ANALYSIS_START} and {@value #ANALYSIS_END} of the previous
 * file is kept.
 */
public final class Report {

  static final String ANALYSIS_START = "<!-- analysis:start -->";
  static final String ANALYSIS_END = "<!-- analysis:end -->";

  private final Markdown md = new Markdown();
  private final Results r;

  private Report(Results r) {
    this.r = r;
  }

  /** The report of these results, keeping the analysis of the previous report at that path. */
  public static String render(Results results, Path previous) {
    return new Report(results).build(keptAnalysis(previous));
  }

  private String build(String analysis) {
    Machine m = r.machine;
    line("# Benchmarks");
    line("");
    line(
        "Written by `benchmarks/run` (see the README, \"Benchmarks\"); every figure below comes from"
            + " one run of the suite on the machine described here. Re-run it to refresh this file; the"
            + " analysis section is kept.");
    line("");
    line("| | |");
    line("|---|---|");
    line("| commit | `%s`%s |", m.commit(), m.dirty() ? " (with uncommitted changes)" : "");
    line("| date (UTC) | %s |", m.date());
    line("| machine | %d cores, %,d MiB memory, %s |", m.cores(), m.memoryMiB(), m.cpuModel());
    line("| Java | %s; %s |", m.java(), m.os());
    line("| load average (1, 5, 15 min) | at start %s; at end %s |", r.loadAtStart, r.loadAtEnd);
    line(
        "| JWT verification | %s |",
        r.jwtVerification
            ? "**on**: every hook call carries an RS384 CDS Hooks JWT with its own `jti` (verified, checked"
                + " against the replay table), FHIR calls an RS256 access token; all signed before each"
                + " measured window"
            : "off");
    line(
        "| server JVM options | `%s`%s, started from the extracted jar (`java -Djarmode=tools -jar"
            + " ... extract`), H2 file database on a fresh directory, loopback |",
        r.jvmOptions, r.jfr ? " and a JFR recording (`--jfr`, a few % of CPU)" : "");
    line("| corpus | %d fixture cases (`fixtures/cases`) |", r.cases);
    line(
        "| suite run time | %.1f min%s |",
        r.minutes, r.quick ? " (**--quick**: shortened, figures indicative only)" : "");
    line("");
    new TargetsTable(md, r).write();
    line("");
    line(ANALYSIS_START);
    line(analysis == null ? "## Analysis\n\n(none written yet)" : analysis.strip());
    line(ANALYSIS_END);
    line("");
    new HookLatencySections(md, r).write();
    new RuleEvaluationSection(md, r).write();
    new WriteSections(md, r).write();
    new StartUpSection(md, r).write();
    new GrowthSection(md, r).write();
    if (!r.notes.isEmpty()) {
      line("## Notes from the run");
      line("");
      r.notes.forEach(n -> line("- %s", n));
      line("");
    }
    line("## Time per part");
    line("");
    line("| part | time |");
    line("|---|---|");
    r.timings.forEach((k, v) -> line("| %s | %s |", k, v));
    line("");
    line("Load average during the load steps: %s.", String.join("; ", r.loadDuringParts));
    return md.toString();
  }

  private static String keptAnalysis(Path previous) {
    try {
      if (previous == null || !Files.exists(previous)) {
        return null;
      }
      String text = Files.readString(previous);
      int a = text.indexOf(ANALYSIS_START);
      int b = text.indexOf(ANALYSIS_END);
      return a >= 0 && b > a ? text.substring(a + ANALYSIS_START.length(), b) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private void line(String format, Object... args) {
    md.line(format, args);
  }
}
