package org.stomacds.benchmarks.report;

import static org.stomacds.benchmarks.report.Markdown.ms;

import org.stomacds.benchmarks.Load;
import org.stomacds.benchmarks.Results;

/**
 * Sections 1 and 2 of the report: hook latency under open-loop load, step by step, and the floor
 * (service time beside HAPI's parse time of the same bodies).
 */
final class HookLatencySections {

  private final Markdown md;
  private final Results r;

  HookLatencySections(Markdown md, Results r) {
    this.md = md;
    this.r = r;
  }

  void write() {
    hookLatency();
    floor();
  }

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

  private void line(String format, Object... args) {
    md.line(format, args);
  }
}
