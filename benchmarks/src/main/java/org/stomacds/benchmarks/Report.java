package org.stomacds.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the results as {@code docs/BENCHMARKS.md}: the machine, a table of every target with its
 * figure, then each part in detail. The hand-written analysis between the markers {@value
 * #ANALYSIS_START} and {@value #ANALYSIS_END} of the previous file is kept.
 */
final class Report {

  static final String ANALYSIS_START = "<!-- analysis:start -->";
  static final String ANALYSIS_END = "<!-- analysis:end -->";

  private final StringBuilder md = new StringBuilder();
  private final Results r;

  private Report(Results r) {
    this.r = r;
  }

  static String render(Results results, Path previous) {
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
    targets();
    line("");
    line(ANALYSIS_START);
    line(analysis == null ? "## Analysis\n\n(none written yet)" : analysis.strip());
    line(ANALYSIS_END);
    line("");
    hookLatency();
    floor();
    rules();
    writes();
    durability();
    startUp();
    growth();
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

  // ---------------------------------------------------------------- the summary

  private void targets() {
    line("## Targets");
    line("");
    line("| what | target | measured | |");
    line("|---|---|---|---|");
    for (Results.Series s : r.series) {
      if (s.prefetched()) {
        Optional<Load.Step> at500 = s.steps().stream().filter(x -> x.rate() == 500).findFirst();
        row(
            s.title() + ": p99 at 500 req/s",
            "≤ 15 ms",
            at500.map(x -> ms(x.percentileMs(99)) + errors(x)).orElse("not reached"),
            at500.map(x -> x.errors() == 0 && x.percentileMs(99) <= 15).orElse(false));
        row(
            s.title() + ": highest rate held (p99 ≤ 500 ms, no error)",
            "≥ 1,000 req/s",
            String.format(Locale.ROOT, "%,d req/s (%s)", s.heldRate(), s.breakReason()),
            s.heldRate() >= 1000);
      } else {
        Optional<Load.Step> at100 = s.steps().stream().filter(x -> x.rate() == 100).findFirst();
        row(
            s.title() + ": p99 at 100 req/s",
            "≤ 100 ms",
            at100.map(x -> ms(x.percentileMs(99)) + errors(x)).orElse("not reached"),
            at100.map(x -> x.errors() == 0 && x.percentileMs(99) <= 100).orElse(false));
      }
    }
    for (Results.Floor f : r.floors) {
      if (f.title().contains("full prefetch")) {
        row(
            f.title() + ": service time / HAPI parse time",
            "≤ 2×",
            String.format(
                Locale.ROOT,
                "%.1f× (%s / %s)",
                f.ratio(),
                ms(f.serviceP50Ms()),
                ms(f.parseP50Ms())),
            f.ratio() <= 2);
      }
    }
    if (!r.ruleCases.isEmpty()) {
      List<Double> us = r.ruleCases.stream().map(Results.RuleCase::micros).sorted().toList();
      double median = us.get(us.size() / 2);
      double max = us.get(us.size() - 1);
      long over = us.stream().filter(x -> x > 20).count();
      row(
          "rule evaluation per case (JMH, narrative included)",
          "≤ 20 µs",
          String.format(
              Locale.ROOT,
              "median %.1f µs, worst %.1f µs; %d of %d cases over",
              median,
              max,
              over,
              us.size()),
          over == 0);
    }
    for (Results.WriteKind w : r.writes) {
      double ratio = w.onP50() / w.offP50();
      row(
          "write overhead, " + w.kind() + " (p50 checks on / off)",
          "≤ 1.15×",
          String.format(Locale.ROOT, "%.2f× (%s / %s)", ratio, ms(w.onP50()), ms(w.offP50())),
          ratio <= 1.15);
      if (w.issueSamples() > 0) {
        line(
            "| time until the DetectedIssues appear, %s (p50 / p90) | (none set) | %s / %s | |",
            w.kind(), ms(w.issuesP50()), ms(w.issuesP90()));
      }
    }
    for (Results.WriteKind w : r.durability) {
      line(
          "| cost of durable commits, %s (p50 durable / 500 ms write delay) | (none set) |"
              + " %.2f× (%s / %s) | |",
          w.kind(), w.onP50() / w.offP50(), ms(w.onP50()), ms(w.offP50()));
    }
    for (String mode : List.of("no archive", "AppCDS archive")) {
      Optional<Results.StartUp> ours = startUp("stomacds", mode);
      Optional<Results.StartUp> bare = startUp("bare HAPI JPA", mode);
      if (ours.isPresent() && bare.isPresent()) {
        row(
            "launch to ready, "
                + mode
                + " (bare HAPI JPA server: "
                + sec(bare.get().readyMs())
                + ")",
            "no slower than the bare server",
            sec(ours.get().readyMs()),
            ours.get().readyMs() <= bare.get().readyMs());
      }
    }
    r.startUps.stream()
        .filter(s -> s.server().equals("stomacds"))
        .min((a, b) -> Double.compare(a.readyMs(), b.readyMs()))
        .ifPresent(
            s ->
                row(
                    "launch to ready (stretch), best of the modes",
                    "≤ 20 s",
                    sec(s.readyMs())
                        + " ("
                        + s.mode()
                        + "); first answered hook "
                        + sec(s.firstHookMs()),
                    s.readyMs() <= 20_000));
    if (r.soak != null) {
      Results.Soak s = r.soak;
      boolean flat = s.liveAtEnd() <= s.liveAfter1Min() * 1.10 + 16;
      row(
          String.format(
              Locale.ROOT,
              "heap after %.0f min at %d req/s (live set after a full GC)",
              s.minutes(),
              s.rate()),
          "≤ 512 MiB, flat, zero errors",
          String.format(
              Locale.ROOT,
              "%.0f MiB (%.0f MiB at 1 min; committed %.0f MiB); RSS %.0f MiB (%.0f at 1 min); %d errors of %,d",
              s.liveAtEnd(),
              s.liveAfter1Min(),
              s.committedAtEnd(),
              s.rssAtEnd(),
              s.rssAfter1Min(),
              s.step().errors(),
              s.step().sent()),
          s.liveAtEnd() <= 512 && flat && s.step().errors() == 0);
    }
  }

  private Optional<Results.StartUp> startUp(String server, String mode) {
    return r.startUps.stream()
        .filter(s -> s.server().equals(server) && s.mode().equals(mode))
        .findFirst();
  }

  private void row(String what, String target, String measured, boolean met) {
    line("| %s | %s | %s | %s |", what, target, measured, met ? "met" : "**missed**");
  }

  // ---------------------------------------------------------------- the parts

  private void hookLatency() {
    if (r.series.isEmpty()) {
      return;
    }
    line("## 1. Hook latency under load");
    line("");
    line(
        "Open loop on loopback (the generator shares the two cores): request *i* is due at"
            + " start + *i*/rate whatever happened to earlier ones, and its latency is measured from"
            + " when it was due (HdrHistogram), so a stall cannot hide behind the schedule. The calls of"
            + " a series are sent round-robin; each step warms up, then measures; a step is held when"
            + " p99 ≤ 500 ms, no request failed and the schedule was kept (≥ 95% of the rate sent).");
    line(
        "Without prefetch, `fhirServer` is the server's own FHIR base: the case is read from its"
            + " own store (JPA searches).");
    line("");
    for (Results.Series s : r.series) {
      line("### %s", s.title());
      line("");
      line(
          "%d calls (`%s`), mean body %.1f KiB. Highest rate held: **%,d req/s**; %s.",
          s.calls(), s.serviceId(), s.meanBodyKiB(), s.heldRate(), s.breakReason());
      line("");
      line("| rate (req/s) | sent | p50 | p90 | p99 | max | errors | sent at |");
      line("|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (Load.Step x : s.steps()) {
        line(
            "| %,d | %,d | %s | %s | %s | %s | %d%s | %.0f/s |",
            x.rate(),
            x.sent(),
            ms(x.percentileMs(50)),
            ms(x.percentileMs(90)),
            ms(x.percentileMs(99)),
            ms(x.maxMs()),
            x.errors(),
            x.errors() > 0 ? " " + x.outcomes() : "",
            x.achievedRate());
      }
      line("");
    }
    line(
        "For scale: HAPI FHIR's own CDS Hooks module serving a trivial service (one store search,"
            + " a 1 KB request) holds about 2,800 req/s on this machine type, p99 about 21 ms at 500 req/s"
            + " (shared/STACK.md; not re-measured by this suite).");
    line("");
  }

  private void floor() {
    if (r.floors.isEmpty()) {
      return;
    }
    line("## 2. The floor: HAPI's parser on the same bodies");
    line("");
    line(
        "Parse time: HAPI's R4 JSON parser (in the suite's JVM, warmed up) parsing the FHIR"
            + " resources each request carries (the draft orders and every prefetch value), per request;"
            + " no server can answer without at least that. Service time: the same requests one at a"
            + " time (closed loop, after a warm-up), client-observed on loopback, JWT verification"
            + " included. Ratio = service p50 / parse p50.");
    line(
        "Loopback round trip, the part of every service time that is no work of ours: the same client"
            + " GETting `/actuator/health/liveness` one at a time: p50 %s, p90 %s. The last column is"
            + " what is left of the service p50 without it.",
        ms(r.transportP50Ms), ms(r.transportP90Ms));
    line("");
    line(
        "| series | HAPI parse p50 | parse mean | service p50 | service p90 | ratio | service p50 − round trip |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    for (Results.Floor f : r.floors) {
      line(
          "| %s | %s | %s | %s | %s | %.1f× | %s |",
          f.title(),
          ms(f.parseP50Ms()),
          ms(f.parseMeanMs()),
          ms(f.serviceP50Ms()),
          ms(f.serviceP90Ms()),
          f.ratio(),
          ms(f.serviceP50Ms() - r.transportP50Ms));
    }
    line("");
  }

  private void rules() {
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

  private void startUp() {
    if (r.startUps.isEmpty() && r.soak == null) {
      return;
    }
    line("## 5. Start-up and memory");
    line("");
    line(
        "Each server starts on a fresh H2 file database (a first start: schema creation, and for"
            + " stomacds the terminology load), from its extracted jar, with the same JVM options. The"
            + " bare server is `org.stomacds.benchmarks.bare.BareHapiServer`: HAPI's JPA server put"
            + " together exactly as the server module's `FhirServerConfig` does (same HAPI"
            + " configurations, storage, Hibernate and Lucene settings, excluded auto-configurations,"
            + " actuator probes) with nothing of ours: no terminology, CDS Hooks, write checks,"
            + " security or Flyway. The first start of each records the classes it loads"
            + " (`-XX:DumpLoadedClassList`), from which a static AppCDS archive is dumped (`-Xshare:dump`,"
            + " lambda proxies left out: JDK 17 crashes archiving them, statically as with"
            + " `-XX:ArchiveClassesAtExit`); later starts use it. The last stomacds row is the server the"
            + " later parts run on. Ready: `/actuator/health/readiness` UP (for stomacds: every value set"
            + " expanded). First hook: an Epic order-sign carrying its prefetch (from the case's own"
            + " bundle, so no data has to be loaded first), sent every 50 ms from launch until answered"
            + " 200.");
    line("");
    line(
        "| server | class data | launch to FHIR up | launch to ready | first answered hook | RSS at ready |");
    line("|---|---|---:|---:|---:|---:|");
    for (Results.StartUp s : r.startUps) {
      line(
          "| %s | %s | %s | %s | %s | %.0f MiB |",
          s.server(),
          s.mode(),
          sec(s.fhirMs()),
          sec(s.readyMs()),
          Double.isNaN(s.firstHookMs()) ? "—" : sec(s.firstHookMs()),
          s.rssAtReadyMiB());
    }
    line("");
    if (r.soak != null) {
      Results.Soak s = r.soak;
      line(
          "**Soak**: %.0f min at %d req/s (the full-prefetch order-sign and discharge calls), open loop:"
              + " %,d sent, %d errors, p50 %s, p99 %s, max %s. Heap and RSS every 30 s (`jcmd GC.heap_info`,"
              + " `/proc/<pid>/status`); at 1 min and at the end the live set (`jcmd GC.class_histogram`:"
              + " a full collection, then what survived):",
          s.minutes(),
          s.rate(),
          s.step().sent(),
          s.step().errors(),
          ms(s.step().percentileMs(50)),
          ms(s.step().percentileMs(99)),
          ms(s.step().maxMs()));
      line("");
      line("| time | heap used | heap committed | RSS |");
      line("|---:|---:|---:|---:|");
      for (double[] x : s.samples()) {
        line("| %.0f s | %.0f MiB | %.0f MiB | %.0f MiB |", x[0], x[1], x[2], x[3]);
      }
      line("");
    }
  }

  private void growth() {
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

  // ---------------------------------------------------------------- helpers

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

  private static String errors(Load.Step x) {
    return x.errors() == 0 ? "" : String.format(Locale.ROOT, ", %d errors", x.errors());
  }

  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    return v < 1
        ? String.format(Locale.ROOT, "%.2f ms", v)
        : v < 100
            ? String.format(Locale.ROOT, "%.1f ms", v)
            : String.format(Locale.ROOT, "%,.0f ms", v);
  }

  static String sec(double millis) {
    return Double.isNaN(millis) ? "—" : String.format(Locale.ROOT, "%.1f s", millis / 1000);
  }

  private void line(String format, Object... args) {
    md.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
  }
}
