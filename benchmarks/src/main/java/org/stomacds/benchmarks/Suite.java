package org.stomacds.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.stomacds.benchmarks.FixtureCases.FixtureCase;
import org.stomacds.benchmarks.growth.GrowthPart;
import org.stomacds.benchmarks.latency.FloorPart;
import org.stomacds.benchmarks.latency.LoadStepsPart;
import org.stomacds.benchmarks.latency.SoakPart;
import org.stomacds.benchmarks.report.Report;
import org.stomacds.benchmarks.rules.RuleEvaluationPart;
import org.stomacds.benchmarks.writes.WritesPart;
import picocli.CommandLine;

/**
 * The benchmark suite: {@code benchmarks/run} builds the jars and runs this from the repository
 * root. Parts, in order (each can be left out with {@code --skip <part>}):
 *
 * <ol>
 *   <li>{@code rules}: JMH, rule evaluation per fixture case ({@link RuleEvaluationPart});
 *   <li>{@code startup}: launch to FHIR up, to ready and to the first answered hook, the server and
 *       the bare HAPI JPA server started the same way, without and with an AppCDS archive ({@link
 *       ServerLauncher}, {@link AppCdsArchive});
 *   <li>{@code writes}: Procedure, Claim and transaction writes with write checks on and off
 *       ({@link WritesPart});
 *   <li>{@code floor}, {@code load}: service time against HAPI's parse time; open-loop load steps
 *       ({@link FloorPart}, {@link LoadStepsPart});
 *   <li>{@code growth}: claim lines and prior encounters ({@link GrowthPart});
 *   <li>{@code soak}: five minutes at 200 requests per second, heap and RSS ({@link SoakPart}).
 * </ol>
 *
 * Writes {@code docs/BENCHMARKS.md} (or {@code --out}) with {@link Report}. A part that fails is
 * noted in the report and the suite goes on.
 */
public final class Suite {

  private final SuiteRun run;
  private final Results results;
  private final Path serverJar;
  private final Path bareJar;

  private Suite(SuiteRun run, Path serverJar, Path bareJar) {
    this.run = run;
    this.results = run.results();
    this.serverJar = serverJar;
    this.bareJar = bareJar;
  }

  public static void main(String[] args) {
    // The client drops idle connections before Tomcat does (its keep-alive timeout is 20 s): a
    // connection idle through a pause between parts otherwise fails its next request with "header
    // parser received no bytes". Set before any HttpClient exists.
    System.setProperty("jdk.httpclient.keepalive.timeout", "10");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(args, Path.of(""), out, err));
  }

  /**
   * Reads the command line and runs the suite; returns the exit status: 0 when it ran (failed parts
   * are in the report) or printed its help, 2 on a bad command line or a missing build (one line
   * saying what is wrong, on {@code err}).
   */
  static int execute(String[] args, Path repository, PrintWriter out, PrintWriter err) {
    SuiteOptions options = new SuiteOptions(repository);
    return new CommandLine(options)
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(
            (e, arguments) -> {
              err.println("error: " + e.getMessage());
              err.println("try --help");
              return CommandLine.ExitCode.USAGE;
            })
        .setExecutionStrategy(
            parsed -> {
              Integer help = CommandLine.executeHelpRequest(parsed);
              if (help != null) {
                return help;
              }
              Set<String> unknown = options.unknownParts();
              if (!unknown.isEmpty()) {
                throw new CommandLine.ParameterException(
                    parsed.commandSpec().commandLine(),
                    "--skip: no part "
                        + String.join(", ", unknown)
                        + " (parts: "
                        + SuiteOptions.PART_NAMES
                        + ")");
              }
              Path server;
              Path bare;
              try {
                server = options.serverJar();
                bare = options.bareJar();
              } catch (IOException | IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
              }
              try {
                deleteTree(options.work());
                Files.createDirectories(options.work());
                new Suite(new SuiteRun(options), server, bare).run();
                return CommandLine.ExitCode.OK;
              } catch (Exception e) {
                throw new CommandLine.ExecutionException(
                    parsed.commandSpec().commandLine(), "the suite failed: " + e, e);
              }
            })
        .execute(args);
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    SuiteOptions options = run.options();
    Path work = run.work();
    results.machine = Machine.describe(options.repository());
    results.loadAtStart = Machine.loadAverage();
    results.quick = options.quick();
    results.jfr = options.jfr();
    results.jvmOptions = String.join(" ", ServerLauncher.JVM_OPTIONS);
    List<FixtureCase> cases = FixtureCases.load(options.cases());
    results.cases = cases.size();
    run.say(
        "stomacds benchmarks: %d fixture cases, %s, load %s",
        cases.size(), results.machine.commit(), results.loadAtStart);

    if (!options.skips("rules")) {
      timed("rules", () -> new RuleEvaluationPart(run).run(cases));
    }
    ServerLauncher servers = new ServerLauncher(run);
    AppCdsArchive appCds = new AppCdsArchive(run);
    Path ours = ServerLauncher.extract(serverJar, work.resolve("ours"));
    Path bare = ServerLauncher.extract(bareJar, work.resolve("bare"));
    Path oursArchive = work.resolve("ours.jsa");
    Path bareArchive = work.resolve("bare.jsa");
    HookCall firstHook = FirstHookCall.of(cases);
    if (!options.skips("startup")) {
      timed(
          "startup (no CDS archive)",
          () -> {
            servers.startUp("bare HAPI JPA", bare, false, bareArchive, null).close();
            servers.startUp("stomacds", ours, false, oursArchive, firstHook).close();
            appCds.dump(bare, bareArchive);
            appCds.dump(ours, oursArchive);
          });
    }
    boolean archives = Files.exists(oursArchive) && Files.exists(bareArchive);
    if (!options.skips("startup") && archives) {
      timed(
          "startup (AppCDS)",
          () -> servers.startUp("bare HAPI JPA", bare, true, bareArchive, null).close());
    }
    try (RunningServer main =
        timedGet(
            "startup of the main server",
            () -> servers.startUp("stomacds", ours, archives, oursArchive, firstHook))) {
      timed("load cases", () -> main.loadCases(cases));
      if (!options.skips("writes")) {
        timed(
            "writes",
            () ->
                new WritesPart(run, servers).run(main, ours, archives ? oursArchive : null, cases));
      }
      HookCorpus corpus =
          new HookCorpus(main.fhir(), HookCorpus.prefetchTemplates(), run.tokens().accessToken());
      Map<String, List<HookCall>> series = new LinkedHashMap<>();
      timed(
          "corpus",
          () -> {
            series.put("order-sign (Epic), full prefetch", corpus.epicOrderSign(cases, true));
            series.put(Results.COMMON_PATH, corpus.ordersWithoutPackCode(cases));
            series.put("encounter-discharge, full prefetch", corpus.discharge(cases, true));
            series.put("order-sign (Epic), no prefetch", corpus.epicOrderSign(cases, false));
            series.put("encounter-discharge, no prefetch", corpus.discharge(cases, false));
          });
      Load load = new Load(main.baseUrl());
      if (!options.skips("floor")) {
        timed("floor", () -> new FloorPart(run).run(main, load, series));
      }
      if (!options.skips("load")) {
        timed("load", () -> new LoadStepsPart(run).run(main, load, series));
      }
      if (!options.skips("growth")) {
        timed("growth", () -> new GrowthPart(run).run(main, load, corpus, cases));
      }
      if (!options.skips("soak")) {
        List<HookCall> mix = new ArrayList<>();
        mix.addAll(series.getOrDefault("order-sign (Epic), full prefetch", List.of()));
        mix.addAll(series.getOrDefault("encounter-discharge, full prefetch", List.of()));
        timed("soak", () -> new SoakPart(run).run(main, load, mix));
      }
      load.errorSamples()
          .forEach(
              (what, sample) ->
                  results.notes.add(
                      "first failing answer, " + what + ": `" + sample.replace('`', '\'') + "`"));
    } catch (Exception e) {
      // the main server did not start: the report still holds what was measured
      run.say("main server FAILED: %s", e);
      results.notes.add("the main server failed, later parts not run: " + e);
    }
    results.loadAtEnd = Machine.loadAverage();
    results.minutes = (System.nanoTime() - started) / 60e9;
    String report = Report.render(results, options.out());
    Files.createDirectories(options.out().getParent());
    Files.writeString(options.out(), report);
    System.out.println();
    System.out.println(report);
    run.say("written to %s (%.1f min)", options.out(), results.minutes);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private interface Part {
    void run() throws Exception;
  }

  private interface Supplier<T> {
    T get() throws Exception;
  }

  /**
   * Runs one part; a part that fails is reported in the notes and the suite goes on, so one broken
   * part never costs the figures of the others.
   */
  private void timed(String name, Part part) throws Exception {
    long t = System.nanoTime();
    run.say("== %s (load %s)", name, Machine.loadAverage());
    try {
      part.run();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      run.say("%s FAILED: %s", name, e);
      e.printStackTrace(System.out);
      results.notes.add("part **" + name + "** failed: " + e + " (see the suite's output)");
    }
    results.timings.put(name, String.format("%.0f s", (System.nanoTime() - t) / 1e9));
  }

  private <T> T timedGet(String name, Supplier<T> part) throws Exception {
    long t = System.nanoTime();
    run.say("== %s (load %s)", name, Machine.loadAverage());
    T value = part.get();
    results.timings.put(name, String.format("%.0f s", (System.nanoTime() - t) / 1e9));
    return value;
  }
}
