package org.stomacds.benchmarks.writes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.stomacds.benchmarks.Bundles;
import org.stomacds.benchmarks.Fhir;
import org.stomacds.benchmarks.FixtureCases.FixtureCase;
import org.stomacds.benchmarks.Results;
import org.stomacds.benchmarks.RunningServer;

/**
 * Writes with the write checks on and off, in the same run, on the same data: two servers (one
 * started with {@code stomacds.checks.write-checks=false}) holding the same cases get the same
 * writes, alternately, so drift in the machine's load falls on both alike. Per case: its context
 * (everything but the Procedure and the Claim, not measured), then a new Procedure, a new Claim,
 * and the whole case again as one transaction, each under fresh ids.
 *
 * <p>After each write to the checked server, the suite polls {@code DetectedIssue?implicated=...}
 * until the case's expected issues are all there: the time until the DetectedIssues appear,
 * measured from the start of the write. The unchecked server gets the same pause, so neither
 * server's next write competes with leftover work.
 */
final class WriteOverhead {

  private static final long ISSUE_TIMEOUT_MS = 5000;

  private WriteOverhead() {}

  interface Say {
    void say(String format, Object... args);
  }

  static void run(
      RunningServer on,
      RunningServer off,
      List<FixtureCase> cases,
      int maxCases,
      Results results,
      Say log)
      throws InterruptedException {
    compare(on, off, false, cases, maxCases, results.writes, log);
  }

  /**
   * The same writes to two servers, alternately: {@code a} has the write checks on (its
   * DetectedIssues are timed); {@code b} has them on too where {@code bChecked} (then both wait for
   * their issues alike), off otherwise.
   */
  static void compare(
      RunningServer on,
      RunningServer off,
      boolean bChecked,
      List<FixtureCase> cases,
      int maxCases,
      List<Results.WriteKind> into,
      Say log)
      throws InterruptedException {
    List<FixtureCase> chosen = new ArrayList<>();
    for (FixtureCase c : cases) {
      Map<String, JsonNode> r = c.resources();
      boolean hasProcedure =
          r.keySet().stream().filter(k -> k.startsWith("Procedure/")).count() == 1;
      boolean hasClaim = r.keySet().stream().filter(k -> k.startsWith("Claim/")).count() == 1;
      if (hasProcedure && hasClaim && chosen.size() < maxCases) {
        chosen.add(c);
      }
    }
    Map<String, Histogram[]> latency = new TreeMap<>(); // kind -> {on, off}
    Map<String, Histogram> issues = new TreeMap<>();
    Map<String, int[]> timeouts = new TreeMap<>();
    for (String kind : List.of("Procedure create", "Claim create", "transaction (whole case)")) {
      latency.put(kind, new Histogram[] {histogram(), histogram()});
      issues.put(kind, histogram());
      timeouts.put(kind, new int[1]);
    }
    // a few unmeasured writes first: both servers compile their write paths
    int round = 0;
    for (FixtureCase c : chosen.subList(0, Math.min(3, chosen.size()))) {
      write(c, "warm" + round++, on, true, true, null, null, null);
      write(c, "warm" + round, off, false, bChecked, null, null, null);
    }
    for (int i = 0; i < chosen.size(); i++) {
      FixtureCase c = chosen.get(i);
      boolean onFirst = i % 2 == 0;
      for (int k = 0; k < 2; k++) {
        boolean first = (k == 0) == onFirst;
        write(
            c,
            "w" + i,
            first ? on : off,
            first,
            first || bChecked,
            latency,
            first ? issues : null,
            first ? timeouts : null);
      }
    }
    latency.forEach(
        (kind, h) -> {
          Histogram is = issues.get(kind);
          into.add(
              new Results.WriteKind(
                  kind,
                  (int) h[0].getTotalCount(),
                  ms(h[0], 50),
                  ms(h[0], 90),
                  ms(h[1], 50),
                  ms(h[1], 90),
                  ms(is, 50),
                  ms(is, 90),
                  (int) is.getTotalCount(),
                  timeouts.get(kind)[0]));
          log.say(
              "writes %s: on p50 %.1f ms, off p50 %.1f ms (ratio %.2f); issues after p50 %.0f ms",
              kind, ms(h[0], 50), ms(h[1], 50), ms(h[0], 50) / ms(h[1], 50), ms(is, 50));
        });
  }

  private static void write(
      FixtureCase c,
      String suffix,
      RunningServer server,
      boolean first,
      boolean checked,
      Map<String, Histogram[]> latency,
      Map<String, Histogram> issues,
      Map<String, int[]> timeouts)
      throws InterruptedException {
    ObjectNode renamed = Bundles.renamed(c.bundle(), suffix);
    Map<String, String> renames = Bundles.renames(c.bundle(), suffix);
    ObjectNode context =
        Bundles.without(
            renamed,
            r -> {
              String type = r.path("resourceType").asText();
              return type.equals("Procedure") || type.equals("Claim");
            });
    server.fhir().load(context, c.name() + " context");
    pause(server, checked, List.of(), 0, null, null, null);
    List<JsonNode> expected = c.detectedIssues();
    for (String type : List.of("Procedure", "Claim")) {
      JsonNode resource = resource(renamed, type);
      long start = System.nanoTime();
      Fhir.Answer answer = server.fhir().put(Bundles.reference(resource), resource);
      check(answer, c.name() + " " + type);
      String kind = type + " create";
      record(latency, kind, first, answer.millis());
      // after the Claim, the case is whole: every expected issue must appear
      pause(
          server,
          checked,
          type.equals("Claim") ? expected : List.of(),
          start,
          renames,
          issues == null ? null : issues.get(kind),
          timeouts == null ? null : timeouts.get(kind));
    }
    ObjectNode whole = Bundles.renamed(c.bundle(), suffix + "x");
    long start = System.nanoTime();
    Fhir.Answer answer = server.fhir().transaction(whole);
    check(answer, c.name() + " transaction");
    String kind = "transaction (whole case)";
    record(latency, kind, first, answer.millis());
    pause(
        server,
        checked,
        expected,
        start,
        Bundles.renames(c.bundle(), suffix + "x"),
        issues == null ? null : issues.get(kind),
        timeouts == null ? null : timeouts.get(kind));
  }

  /**
   * On the checked server: polls until the expected issues are there (recording how long after
   * {@code start}), then waits for it to be idle. The unchecked server waits as long as the checked
   * one would at least, so both start each write from rest.
   */
  private static void pause(
      RunningServer server,
      boolean checked,
      List<JsonNode> expected,
      long start,
      Map<String, String> renames,
      Histogram issues,
      int[] timeouts)
      throws InterruptedException {
    if (checked && !expected.isEmpty()) {
      Map<String, Integer> wanted = new TreeMap<>();
      for (JsonNode issue : expected) {
        if ("final".equals(issue.path("status").asText("final"))) {
          wanted.merge(renames.get(issue.path("implicated").asText()), 1, Integer::sum);
        }
      }
      long deadline = start + TimeUnit.MILLISECONDS.toNanos(ISSUE_TIMEOUT_MS);
      boolean all = false;
      while (!all && System.nanoTime() < deadline) {
        all = true;
        for (var w : wanted.entrySet()) {
          if (w.getKey() == null || count(server, w.getKey()) < w.getValue()) {
            all = false;
            break;
          }
        }
        if (!all) {
          Thread.sleep(10);
        }
      }
      if (issues != null) {
        if (all) {
          issues.recordValue((System.nanoTime() - start) / 1000);
        } else {
          timeouts[0]++;
        }
      }
    }
    try {
      server.process().waitIdle(java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(200));
    } catch (java.io.IOException e) {
      Thread.sleep(200);
    }
  }

  private static int count(RunningServer server, String implicated) {
    Fhir.Answer a =
        server
            .fhir()
            .get("DetectedIssue?implicated=" + implicated + "&status=final&_summary=count");
    return a.status() == 200 ? a.json().path("total").asInt() : -1;
  }

  private static void record(
      Map<String, Histogram[]> latency, String kind, boolean checked, double ms) {
    if (latency != null) {
      latency.get(kind)[checked ? 0 : 1].recordValue(Math.round(ms * 1000));
    }
  }

  private static void check(Fhir.Answer answer, String what) {
    if (answer.status() >= 300) {
      throw new IllegalStateException(
          what + ": HTTP " + answer.status() + " " + Fhir.excerpt(answer));
    }
  }

  private static JsonNode resource(ObjectNode bundle, String type) {
    for (JsonNode entry : bundle.path("entry")) {
      if (type.equals(entry.path("resource").path("resourceType").asText())) {
        return entry.path("resource");
      }
    }
    throw new IllegalStateException("no " + type);
  }

  private static Histogram histogram() {
    return new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
  }

  private static double ms(Histogram h, double p) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
  }
}
