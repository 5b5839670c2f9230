package org.stomacds.benchmarks.latency;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.stomacds.benchmarks.HookCall;
import org.stomacds.benchmarks.Load;
import org.stomacds.benchmarks.Results;
import org.stomacds.benchmarks.RunningServer;
import org.stomacds.benchmarks.SuiteRun;

/**
 * Part {@code floor}: the service time of each series beside the time HAPI's parser takes for the
 * FHIR resources its requests carry (no server can answer faster), and the loopback round trip that
 * is part of every service time.
 */
public final class FloorPart {

  private final SuiteRun run;

  public FloorPart(SuiteRun run) {
    this.run = run;
  }

  public void run(RunningServer server, Load load, Map<String, List<HookCall>> series)
      throws Exception {
    Results results = run.results();
    boolean quick = run.quick();
    IParser parser = FhirContext.forR4Cached().newJsonParser();
    List<HookCall> everything = series.values().stream().flatMap(List::stream).toList();
    long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(quick ? 1 : 3);
    while (System.nanoTime() < warmUntil) {
      for (HookCall call : everything) {
        call.fhirParts().forEach(parser::parseResource);
      }
    }
    server.process().waitIdle(Duration.ofSeconds(20));
    Load.Step transport =
        load.closedLoopGet(server.baseUrl() + "/actuator/health/liveness", 100, quick ? 100 : 400);
    results.transportP50Ms = transport.percentileMs(50);
    results.transportP90Ms = transport.percentileMs(90);
    run.say(
        "loopback HTTP round trip (GET /actuator/health/liveness): p50 %.2f ms, p90 %.2f ms",
        results.transportP50Ms, results.transportP90Ms);
    for (var entry : series.entrySet()) {
      List<HookCall> calls = entry.getValue();
      Histogram parse = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      int rounds = quick ? 5 : 30;
      for (int round = 0; round < rounds; round++) {
        for (HookCall call : calls) {
          long t = System.nanoTime();
          for (String part : call.fhirParts()) {
            parser.parseResource(part);
          }
          parse.recordValue(System.nanoTime() - t);
        }
      }
      server.process().waitIdle(Duration.ofSeconds(20));
      int count = quick ? 100 : 400;
      Map<String, String[]> needed = run.signFor(load, calls, 100 + count);
      Load.Step service = load.closedLoop(calls, needed, 100, count);
      double parseP50 = parse.getValueAtPercentile(50) / 1e6;
      results.floors.add(
          new Results.Floor(
              entry.getKey(),
              parseP50,
              parse.getMean() / 1e6,
              service.percentileMs(50),
              service.percentileMs(90),
              service.percentileMs(50) / parseP50));
      run.say(
          "floor %s: parse p50 %.3f ms, service p50 %.2f ms (%d errors)",
          entry.getKey(), parseP50, service.percentileMs(50), service.errors());
      if (service.errors() > 0) {
        results.notes.add(
            "service-time run of " + entry.getKey() + " had errors: " + service.outcomes());
      }
    }
  }
}
