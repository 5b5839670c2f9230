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
import org.stomacds.benchmarks.ServerProcess;
import org.stomacds.benchmarks.SuiteRun;

/**
 * Part {@code growth}: one case made bigger ({@link BundleGrowth}: 1, 10 and 100 claim lines; 10,
 * 100 and 1,000 prior encounters; a procedure note of 16 and 64 KiB), each variant loaded under its
 * own ids and called one at a time, with the full prefetch and reading the store. Beside the
 * latency, the bytes the server allocates per call ({@link
 * org.stomacds.benchmarks.ServerProcess#allocations}), over a window of its own after the timed
 * one.
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
    for (int n : new int[] {16, 64}) {
      variants.add(new String[] {"note KiB", Integer.toString(n)});
    }
    int warm = run.quick() ? 5 : 20;
    int count = run.quick() ? 20 : 60;
    int perCall = run.quick() ? 10 : 30;
    for (String[] v : variants) {
      int n = Integer.parseInt(v[1]);
      String suffix =
          switch (v[0]) {
                case "claim lines" -> "gl";
                case "prior encounters" -> "gp";
                default -> "gn";
              }
              + n;
      ObjectNode bundle = Bundles.renamed(base.bundle(), suffix);
      switch (v[0]) {
        case "claim lines" -> BundleGrowth.claimLines(bundle, n);
        case "prior encounters" -> BundleGrowth.priorEncounters(bundle, n);
        default -> BundleGrowth.noteLength(bundle, n);
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
      double prefetchedKiB = kibPerCall(server, load, prefetched, perCall);
      double storeKiB = kibPerCall(server, load, store, perCall);
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
                  prefetchedKiB,
                  storeKiB,
                  errors));
      run.say(
          "growth %s %d: prefetch %.1f KiB p50 %.1f ms %.0f KiB/call; store p50 %.1f ms %.0f"
              + " KiB/call; errors %d %s %s",
          v[0],
          n,
          prefetched.get(0).size() / 1024.0,
          a.percentileMs(50),
          prefetchedKiB,
          b.percentileMs(50),
          storeKiB,
          errors,
          a.errors() > 0 ? a.outcomes() : "",
          b.errors() > 0 ? b.outcomes() : "");
    }
  }

  /**
   * KiB the server allocates per call: its threads' allocation counters read before and after
   * {@code n} more calls (already warm), less what the two readings themselves cost, measured as
   * two readings with nothing between. Negative when a thread ended in the window (the figure would
   * be a lower bound), NaN when a call failed.
   */
  private double kibPerCall(RunningServer server, Load load, List<HookCall> calls, int n)
      throws Exception {
    Map<String, String[]> tokens = run.signFor(load, calls, n);
    ServerProcess.Allocations idle = server.process().allocations();
    ServerProcess.Allocations before = server.process().allocations();
    long readingCost = before.since(idle).bytes();
    Load.Step step = load.closedLoop(calls, tokens, 0, n);
    ServerProcess.Allocated window = server.process().allocations().since(before);
    if (step.errors() > 0) {
      return Double.NaN;
    }
    double kib = (window.bytes() - readingCost) / (double) n / 1024.0;
    return window.threadsEnded() > 0 ? -kib : kib;
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
