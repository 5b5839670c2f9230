package org.stomacds.benchmarks.rules;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.stomacds.benchmarks.FixtureCases.FixtureCase;
import org.stomacds.benchmarks.Results;
import org.stomacds.benchmarks.SuiteRun;

/**
 * Part {@code rules}: {@link RuleEvaluationBenchmark} under JMH for every case with a hook call the
 * service answers, average time and allocation per operation.
 */
public final class RuleEvaluationPart {

  private final SuiteRun run;

  public RuleEvaluationPart(SuiteRun run) {
    this.run = run;
  }

  public void run(List<FixtureCase> cases) throws Exception {
    List<String> names = new ArrayList<>();
    for (FixtureCase c : cases) {
      if (RuleEvaluationBenchmark.evaluationRequest(c).isPresent()) {
        names.add(c.name());
      }
    }
    if (run.quick()) {
      names = names.subList(0, Math.min(12, names.size()));
    }
    // One JVM for every case (no fork per case): about 80 forks would take minutes of the suite's
    // budget, and a server evaluates every case in one warm JVM too.
    System.setProperty("bench.cases", run.options().cases().toString());
    ChainedOptionsBuilder jmh =
        new OptionsBuilder()
            .include(RuleEvaluationBenchmark.class.getName())
            .param("caseName", names.toArray(String[]::new))
            .forks(0)
            .warmupIterations(2)
            .warmupTime(TimeValue.milliseconds(300))
            .measurementIterations(4)
            .measurementTime(TimeValue.milliseconds(250))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true);
    if (run.quick()) {
      jmh.warmupIterations(1).measurementIterations(2).measurementTime(TimeValue.milliseconds(200));
    }
    for (RunResult r : new Runner(jmh.build()).run()) {
      var primary = r.getPrimaryResult();
      var alloc = r.getSecondaryResults().get("·gc.alloc.rate.norm");
      run.results()
          .ruleCases
          .add(
              new Results.RuleCase(
                  r.getParams().getParam("caseName"),
                  primary.getScore(),
                  primary.getScoreError(),
                  alloc == null ? Double.NaN : alloc.getScore()));
    }
  }
}
