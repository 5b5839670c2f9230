package org.stomacds.benchmarks.growth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stomacds.benchmarks.Bundles;
import org.stomacds.benchmarks.FixtureCases.FixtureCase;
import org.stomacds.benchmarks.HookCall;
import org.stomacds.benchmarks.HookCorpus;
import org.stomacds.benchmarks.Load;
import org.stomacds.benchmarks.Results;
import org.stomacds.benchmarks.RunningServer;
import org.stomacds.benchmarks.SuiteRun;

/**
 * Part {@code growth}: one case made bigger ({@link BundleGrowth}: 1, 10 and 100 claim lines; 10,
 * 100 and 1,000 prior encounters), each variant loaded under its own ids and called one at a time,
 * with the full prefetch and reading the store.
 */
public final class GrowthPart {

  private final SuiteRun run;

  public GrowthPart(SuiteRun run) {
    this.run = run;
  }

  public void run(RunningServer server, Load load, HookCorpus corpus, List<FixtureCase> cases)
      throws Exception {
    FixtureCase base =
        cases.stream()
            .filter(c -> c.name().equals("pass-complete-documentation"))
            .findFirst()
            .orElseGet(
                () ->
                    cases.stream()
                        .filter(c -> c.answeredRequest("encounter-discharge").isPresent())
                        .findFirst()
                        .orElseThrow());
    int[] lines = {1, 10, 100};
    int[] priors = {10, 100, 1000};
    List<String[]> variants = new ArrayList<>();
    for (int n : lines) {
      variants.add(new String[] {"claim lines", Integer.toString(n)});
    }
    for (int n : priors) {
      variants.add(new String[] {"prior encounters", Integer.toString(n)});
    }
    int warm = run.quick() ? 5 : 20;
    int count = run.quick() ? 20 : 60;
    for (String[] v : variants) {
      int n = Integer.parseInt(v[1]);
      String suffix = (v[0].startsWith("claim") ? "gl" : "gp") + n;
      ObjectNode bundle = Bundles.renamed(base.bundle(), suffix);
      if (v[0].startsWith("claim")) {
        BundleGrowth.claimLines(bundle, n);
      } else {
        BundleGrowth.priorEncounters(bundle, n);
      }
      server.fhir().load(bundle, "growth " + v[0] + " " + n);
      server.process().waitIdle(Duration.ofSeconds(60));
      FixtureCase variant =
          new FixtureCase(
              base.name() + "-" + suffix, bundle, renameTemplates(base, suffix), base.expected());
      List<HookCall> prefetched = corpus.discharge(List.of(variant), true);
      List<HookCall> store = corpus.discharge(List.of(variant), false);
      Load.Step a =
          load.closedLoop(prefetched, run.signFor(load, prefetched, warm + count), warm, count);
      Load.Step b = load.closedLoop(store, run.signFor(load, store, warm + count), warm, count);
      int errors = a.errors() + b.errors();
      run.results()
          .growth
          .add(
              new Results.Growth(
                  v[0] + ": " + n,
                  prefetched.get(0).size() / 1024.0,
                  a.percentileMs(50),
                  a.percentileMs(99),
                  b.percentileMs(50),
                  b.percentileMs(99),
                  errors));
      run.say(
          "growth %s %d: prefetch %.1f KiB p50 %.1f ms; store p50 %.1f ms; errors %d %s %s",
          v[0],
          n,
          prefetched.get(0).size() / 1024.0,
          a.percentileMs(50),
          b.percentileMs(50),
          errors,
          a.errors() > 0 ? a.outcomes() : "",
          b.errors() > 0 ? b.outcomes() : "");
    }
  }

  /** The case's request templates with its ids renamed as {@link Bundles#renamed} renames them. */
  private static Map<String, String> renameTemplates(FixtureCase c, String suffix) {
    Map<String, String> renames = Bundles.renames(c.bundle(), suffix);
    Map<String, String> out = new LinkedHashMap<>();
    c.templates()
        .forEach(
            (file, template) -> {
              String t = template;
              // ids in the context ("patientId": "x"), references ("Practitioner/x") and resource
              // keys
              List<Map.Entry<String, String>> longestFirst =
                  renames.entrySet().stream()
                      .sorted(
                          Comparator.comparingInt(
                                  (Map.Entry<String, String> e) -> e.getKey().length())
                              .reversed())
                      .toList();
              for (var e : longestFirst) {
                String oldId = Bundles.id(e.getKey());
                String newId = Bundles.id(e.getValue());
                t =
                    t.replace(e.getKey() + "}}", e.getValue() + "}}")
                        .replace(e.getKey() + "\"", e.getValue() + "\"")
                        .replace("\"" + oldId + "\"", "\"" + newId + "\"");
              }
              out.put(file, t);
            });
    return out;
  }
}
