package org.stomacds.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.stomacds.benchmarks.Load;
import org.stomacds.benchmarks.Machine;
import org.stomacds.benchmarks.Results;

/**
 * A run's results with every part filled, some targets met and some missed; outcomes sorted by
 * status, as {@link Load} counts them.
 */
final class SampleResults {

  private SampleResults() {}

  static Load.Step step(int rate, int errors, long... latenciesMicros) {
    Histogram h = new Histogram(3);
    for (long v : latenciesMicros) {
      h.recordValue(v);
    }
    return new Load.Step(
        rate,
        latenciesMicros.length,
        latenciesMicros.length - errors,
        errors,
        new TreeMap<>(
            errors == 0 ? Map.of("200", latenciesMicros.length) : Map.of("200", 1, "503", errors)),
        rate * 0.99,
        h);
  }

  static Results full() {
    Results r = new Results();
    r.machine =
        new Machine(
            2,
            7_900,
            "Test CPU",
            "OpenJDK 17",
            "Linux 6",
            "abc123def456",
            true,
            "2026-12-07T03:00Z");
    r.loadAtStart = "0.10 0.20 0.30";
    r.loadAtEnd = "1.00 0.90 0.80";
    r.loadDuringParts.add("order-sign @250: 0.5 0.4 0.3");
    r.jvmOptions = "-Xmx1g";
    r.quick = true;
    r.jfr = true;
    r.minutes = 12.34;
    r.cases = 93;
    r.notes.add("part **soak** failed: boom");
    r.series.add(
        new Results.Series(
            "order-sign (Epic), full prefetch",
            "cpt-44405-order-sign",
            true,
            12,
            20.5,
            List.of(step(250, 0, 2000, 3000, 9000), step(500, 0, 4000, 5000, 14000)),
            500,
            "p99 900 ms at 1000 req/s"));
    r.series.add(
        new Results.Series(
            "encounter-discharge, no prefetch",
            "cpt-44405-encounter-discharge",
            false,
            8,
            1.5,
            List.of(step(100, 2, 50_000, 150_000, 250_000)),
            0,
            "errors at 100 req/s: {200=1, 503=2}"));
    r.floors.add(new Results.Floor("order-sign (Epic), full prefetch", 0.8, 0.9, 1.5, 2.5, 1.875));
    r.floors.add(new Results.Floor("encounter-discharge, no prefetch", 0.2, 0.3, 9.0, 12.0, 45));
    r.transportP50Ms = 0.35;
    r.transportP90Ms = 0.6;
    r.ruleCases.add(new Results.RuleCase("pass-complete-documentation", 12.3, 0.4, 45_678));
    r.ruleCases.add(new Results.RuleCase("warn-missing-balloon-size", 25.1, 1.2, Double.NaN));
    r.writes.add(new Results.WriteKind("Procedure PUT", 20, 11, 15, 10, 14, 120, 300, 20, 1));
    r.writes.add(
        new Results.WriteKind("Claim PUT", 20, 30, 40, 20, 30, Double.NaN, Double.NaN, 0, 0));
    r.durability.add(new Results.WriteKind("transaction", 20, 50, 60, 25, 35, 0, 0, 0, 0));
    r.startUps.add(
        new Results.StartUp("bare HAPI JPA", "no archive", 9_000, 10_000, Double.NaN, 400));
    r.startUps.add(new Results.StartUp("stomacds", "no archive", 12_000, 19_000, 19_500, 600));
    r.startUps.add(
        new Results.StartUp("bare HAPI JPA", "AppCDS archive", 6_000, 7_000, Double.NaN, 380));
    r.startUps.add(new Results.StartUp("stomacds", "AppCDS archive", 8_000, 9_500, 9_800, 590));
    r.soak =
        new Results.Soak(
            200,
            5,
            step(200, 0, 3000, 4000, 80_000),
            List.of(new double[] {30, 200, 400, 650}, new double[] {300, 210, 400, 660}),
            180,
            190,
            640,
            660,
            400);
    r.growth.add(new Results.Growth("claim lines: 100", 80.2, 4.5, 9.9, 30, 60, 812.5, 2048.0, 0));
    r.timings.put("rules", "61 s");
    r.timings.put("soak", "300 s");
    return r;
  }
}
