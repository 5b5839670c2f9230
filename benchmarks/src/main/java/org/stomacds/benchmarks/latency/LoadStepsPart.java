package org.stomacds.benchmarks.latency;

import static java.util.stream.Collectors.joining;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stomacds.benchmarks.HookCall;
import org.stomacds.benchmarks.Load;
import org.stomacds.benchmarks.Machine;
import org.stomacds.benchmarks.Results;
import org.stomacds.benchmarks.RunningServer;
import org.stomacds.benchmarks.SuiteRun;

/**
 * Part {@code load}: each series in open-loop steps of rising rate until a step is not held (p99
 * over 500 ms, an error, or the generator falling behind its schedule); the highest rate held and
 * why the next one broke.
 */
public final class LoadStepsPart {

  private final SuiteRun run;

  public LoadStepsPart(SuiteRun run) {
    this.run = run;
  }

  public void run(RunningServer server, Load load, Map<String, List<HookCall>> series)
      throws Exception {
    Results results = run.results();
    Duration warmup = Duration.ofSeconds(run.quick() ? 1 : 2);
    Duration measure = Duration.ofSeconds(run.quick() ? 3 : 6);
    for (var entry : series.entrySet()) {
      List<HookCall> calls = entry.getValue();
      boolean prefetched = calls.get(0).prefetched();
      int[] rates =
          prefetched
              ? new int[] {250, 500, 1000, 1500, 2000, 2500, 3000, 4000}
              : new int[] {25, 50, 100, 200, 300, 400, 600, 800, 1000};
      List<Load.Step> steps = new ArrayList<>();
      int held = 0;
      String breakReason = "did not break up to " + rates[rates.length - 1] + " req/s";
      for (int rate : rates) {
        int n = (int) (rate * (warmup.toMillis() + measure.toMillis()) / 1000);
        Map<String, String[]> stepTokens = run.signFor(load, calls, n);
        server.process().waitIdle(Duration.ofSeconds(30));
        results.loadDuringParts.add(entry.getKey() + " @" + rate + ": " + Machine.loadAverage());
        Load.Step step = load.openLoop(calls, stepTokens, rate, warmup, measure);
        steps.add(step);
        run.say(
            "%s @%d req/s: p50 %.1f p90 %.1f p99 %.1f max %.1f ms, errors %d, sent at %.0f/s %s",
            entry.getKey(),
            rate,
            step.percentileMs(50),
            step.percentileMs(90),
            step.percentileMs(99),
            step.maxMs(),
            step.errors(),
            step.achievedRate(),
            step.outcomes());
        if (step.held(500)) {
          held = rate;
        } else {
          breakReason =
              step.errors() > 0
                  ? "errors at " + rate + " req/s: " + step.outcomes()
                  : step.achievedRate() < rate * 0.95
                      ? "the generator could only send "
                          + Math.round(step.achievedRate())
                          + "/s at "
                          + rate
                      : "p99 " + Math.round(step.percentileMs(99)) + " ms at " + rate + " req/s";
          break;
        }
      }
      double kib = calls.stream().mapToInt(HookCall::size).average().orElse(0) / 1024;
      results.series.add(
          new Results.Series(
              entry.getKey(),
              calls.stream().map(HookCall::serviceId).distinct().collect(joining("`, `")),
              prefetched,
              calls.size(),
              kib,
              steps,
              held,
              breakReason));
    }
  }
}
