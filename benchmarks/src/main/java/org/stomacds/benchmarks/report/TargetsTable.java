package org.stomacds.benchmarks.report;

import static org.stomacds.benchmarks.report.Markdown.ms;
import static org.stomacds.benchmarks.report.Markdown.sec;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stomacds.benchmarks.Load;
import org.stomacds.benchmarks.Results;

/** The report's summary: every target the suite measures, its figure, and whether it was met. */
final class TargetsTable {

  private final Markdown md;
  private final Results r;

  TargetsTable(Markdown md, Results r) {
    this.md = md;
    this.r = r;
  }

  void write() {
    line("## Targets");
    line("");
    line("| what | target | measured | |");
    line("|---|---|---|---|");
    for (Results.Series s : r.series) {
      if (s.title().equals(Results.COMMON_PATH)) {
        commonPath(s);
      } else if (s.prefetched()) {
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
      if (f.title().equals(Results.COMMON_PATH)) {
        double floor = r.transportP50Ms + f.parseP50Ms();
        line(
            "| %s: service time / floor (loopback round trip + HAPI parse) | (none set) |"
                + " %.1f× (%s / %s + %s) | |",
            f.title(),
            f.serviceP50Ms() / floor,
            ms(f.serviceP50Ms()),
            ms(r.transportP50Ms),
            ms(f.parseP50Ms()));
      } else if (f.title().contains("full prefetch")) {
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

  /** The call an EHR makes most: held at 3,000 req/s with a p99 of 10 ms. */
  private void commonPath(Results.Series s) {
    Optional<Load.Step> best =
        s.steps().stream().filter(x -> x.held(10)).max(Comparator.comparingInt(Load.Step::rate));
    Optional<Load.Step> firstMiss = s.steps().stream().filter(x -> !x.held(10)).findFirst();
    String measured =
        String.format(Locale.ROOT, "%,d req/s", best.map(Load.Step::rate).orElse(0))
            + firstMiss
                .map(
                    x ->
                        String.format(
                            Locale.ROOT,
                            " (p99 %s at %,d req/s%s)",
                            ms(x.percentileMs(99)),
                            x.rate(),
                            errors(x)))
                .orElse("");
    row(
        s.title() + ": highest rate held with p99 ≤ 10 ms (no error)",
        "≥ 3,000 req/s",
        measured,
        best.map(x -> x.rate() >= 3000).orElse(false));
  }

  private Optional<Results.StartUp> startUp(String server, String mode) {
    return r.startUps.stream()
        .filter(s -> s.server().equals(server) && s.mode().equals(mode))
        .findFirst();
  }

  private void row(String what, String target, String measured, boolean met) {
    line("| %s | %s | %s | %s |", what, target, measured, met ? "met" : "**missed**");
  }

  private static String errors(Load.Step x) {
    return x.errors() == 0 ? "" : String.format(Locale.ROOT, ", %d errors", x.errors());
  }

  private void line(String format, Object... args) {
    md.line(format, args);
  }
}
