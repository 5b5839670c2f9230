package org.stomacds.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.stomacds.benchmarks.FixtureCases.FixtureCase;

/**
 * The benchmark suite: {@code benchmarks/run} builds the jars and runs this from the repository
 * root. Parts, in order (each can be left out with {@code --skip <part>}):
 *
 * <ol>
 *   <li>{@code rules}: JMH, rule evaluation per fixture case;
 *   <li>{@code startup}: launch to FHIR up, to ready and to the first answered hook, the server and
 *       the bare HAPI JPA server started the same way, without and with an AppCDS archive;
 *   <li>{@code writes}: Procedure, Claim and transaction writes with write checks on and off;
 *   <li>{@code floor}, {@code load}: service time against HAPI's parse time; open-loop load steps;
 *   <li>{@code growth}: claim lines and prior encounters;
 *   <li>{@code soak}: five minutes at 200 requests per second, heap and RSS.
 * </ol>
 *
 * Writes {@code docs/BENCHMARKS.md} (or {@code --out}).
 */
public final class Suite {

  static final List<String> JVM_OPTIONS = List.of("-Xmx1g");

  private final Options options;
  private final Results results = new Results();
  private final Path work;
  private Tokens tokens;

  private Suite(Options options) {
    this.options = options;
    this.work = options.work;
  }

  /** Command-line options. */
  record Options(
      Path repository,
      Path cases,
      Path out,
      Path work,
      Path serverJar,
      Path bareJar,
      boolean quick,
      Set<String> skip,
      boolean jfr) {

    static Options parse(String[] args) throws IOException {
      Path repository = Path.of("").toAbsolutePath();
      Path cases = repository.resolve("fixtures/cases");
      Path out = repository.resolve("docs/BENCHMARKS.md");
      Path work = repository.resolve("benchmarks/target/run");
      boolean quick = false;
      boolean jfr = false;
      Set<String> skip = new TreeSet<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--cases" -> cases = Path.of(args[++i]).toAbsolutePath();
          case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
          case "--work" -> work = Path.of(args[++i]).toAbsolutePath();
          case "--quick" -> quick = true;
          case "--jfr" -> jfr = true;
          case "--skip" -> skip.addAll(List.of(args[++i].split(",")));
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + " (options: --cases DIR --out FILE --work DIR --quick --jfr --skip"
                      + " rules,startup,writes,floor,load,growth,soak)");
        }
      }
      Path serverJar = newest(repository.resolve("server/target"), "server-", ".jar");
      Path bareJar = repository.resolve("benchmarks/target/benchmarks-bare-hapi.jar");
      if (!Files.exists(bareJar)) {
        throw new IllegalStateException(bareJar + " is missing: build with benchmarks/run");
      }
      return new Options(repository, cases, out, work, serverJar, bareJar, quick, skip, jfr);
    }

    private static Path newest(Path dir, String prefix, String suffix) throws IOException {
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .filter(p -> p.getFileName().toString().startsWith(prefix))
            .filter(p -> p.getFileName().toString().endsWith(suffix))
            .max(Comparator.comparing(p -> p.toFile().lastModified()))
            .orElseThrow(
                () -> new IllegalStateException("no " + prefix + "*" + suffix + " in " + dir));
      }
    }
  }

  public static void main(String[] args) throws Exception {
    // The client drops idle connections before Tomcat does (its keep-alive timeout is 20 s): a
    // connection idle through a pause between parts otherwise fails its next request with "header
    // parser received no bytes". Set before any HttpClient exists.
    System.setProperty("jdk.httpclient.keepalive.timeout", "10");
    Options options = Options.parse(args);
    new Suite(options).run();
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    deleteTree(work);
    Files.createDirectories(work);
    results.machine = Machine.describe(options.repository);
    results.loadAtStart = Machine.loadAverage();
    results.quick = options.quick;
    results.jfr = options.jfr;
    results.jvmOptions = String.join(" ", JVM_OPTIONS);
    List<FixtureCase> cases = FixtureCases.load(options.cases);
    results.cases = cases.size();
    tokens = new Tokens(work.resolve("keys"));
    say(
        "stomacds benchmarks: %d fixture cases, %s, load %s",
        cases.size(), results.machine.commit(), results.loadAtStart);

    if (!options.skip.contains("rules")) {
      timed("rules", () -> ruleEvaluation(cases));
    }
    Path ours = extract(options.serverJar, work.resolve("ours"));
    Path bare = extract(options.bareJar, work.resolve("bare"));
    Path oursArchive = work.resolve("ours.jsa");
    Path bareArchive = work.resolve("bare.jsa");
    HookCall firstHook = firstHookCall(cases);
    if (!options.skip.contains("startup")) {
      timed(
          "startup (no CDS archive)",
          () -> {
            startUp("bare HAPI JPA", bare, false, bareArchive, null).close();
            startUp("stomacds", ours, false, oursArchive, firstHook).close();
            dumpArchive(bare, bareArchive);
            dumpArchive(ours, oursArchive);
          });
    }
    boolean archives = Files.exists(oursArchive) && Files.exists(bareArchive);
    if (!options.skip.contains("startup") && archives) {
      timed(
          "startup (AppCDS)",
          () -> startUp("bare HAPI JPA", bare, true, bareArchive, null).close());
    }
    try (Running main =
        timedGet(
            "startup of the main server",
            () -> startUp("stomacds", ours, archives, oursArchive, firstHook))) {
      Fhir fhir = main.fhir();
      timed("load cases", () -> loadCases(main, cases));
      if (!options.skip.contains("writes")) {
        timed("writes", () -> writes(main, ours, archives ? oursArchive : null, cases));
      }
      HookCorpus corpus = new HookCorpus(fhir, prefetchTemplates(), tokens.accessToken());
      Map<String, List<HookCall>> series = new LinkedHashMap<>();
      timed(
          "corpus",
          () -> {
            series.put("order-sign (Epic), full prefetch", corpus.epicOrderSign(cases, true));
            series.put("encounter-discharge, full prefetch", corpus.discharge(cases, true));
            series.put("order-sign (Epic), no prefetch", corpus.epicOrderSign(cases, false));
            series.put("encounter-discharge, no prefetch", corpus.discharge(cases, false));
          });
      Load load = new Load(main.baseUrl());
      if (!options.skip.contains("floor")) {
        timed("floor", () -> floor(main, load, series));
      }
      if (!options.skip.contains("load")) {
        timed("load", () -> loadSteps(main, load, series));
      }
      if (!options.skip.contains("growth")) {
        timed("growth", () -> growth(main, load, corpus, cases));
      }
      if (!options.skip.contains("soak")) {
        List<HookCall> mix = new ArrayList<>();
        mix.addAll(series.getOrDefault("order-sign (Epic), full prefetch", List.of()));
        mix.addAll(series.getOrDefault("encounter-discharge, full prefetch", List.of()));
        timed("soak", () -> soak(main, load, mix));
      }
      load.errorSamples()
          .forEach(
              (what, sample) ->
                  results.notes.add(
                      "first failing answer, " + what + ": `" + sample.replace('`', '\'') + "`"));
    } catch (Exception e) {
      // the main server did not start: the report still holds what was measured
      say("main server FAILED: %s", e);
      results.notes.add("the main server failed, later parts not run: " + e);
    }
    results.loadAtEnd = Machine.loadAverage();
    results.minutes = (System.nanoTime() - started) / 60e9;
    String report = Report.render(results, options.out);
    Files.createDirectories(options.out.getParent());
    Files.writeString(options.out, report);
    System.out.println();
    System.out.println(report);
    say("written to %s (%.1f min)", options.out, results.minutes);
  }

  // ---------------------------------------------------------------- (3) rule evaluation

  private void ruleEvaluation(List<FixtureCase> cases) throws Exception {
    List<String> names = new ArrayList<>();
    for (FixtureCase c : cases) {
      if (RuleEvaluationBenchmark.evaluationRequest(c).isPresent()) {
        names.add(c.name());
      }
    }
    if (options.quick) {
      names = names.subList(0, Math.min(12, names.size()));
    }
    // One JVM for every case (no fork per case): about 80 forks would take minutes of the suite's
    // budget, and a server evaluates every case in one warm JVM too.
    System.setProperty("bench.cases", options.cases.toString());
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
    if (options.quick) {
      jmh.warmupIterations(1).measurementIterations(2).measurementTime(TimeValue.milliseconds(200));
    }
    for (RunResult r : new Runner(jmh.build()).run()) {
      var primary = r.getPrimaryResult();
      var alloc = r.getSecondaryResults().get("·gc.alloc.rate.norm");
      results.ruleCases.add(
          new Results.RuleCase(
              r.getParams().getParam("caseName"),
              primary.getScore(),
              primary.getScoreError(),
              alloc == null ? Double.NaN : alloc.getScore()));
    }
  }

  // ---------------------------------------------------------------- (5) start-up

  /** A running server of ours (or the bare one) and how to reach it. */
  record Running(ServerProcess process, String baseUrl, Fhir fhir) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.close();
    }
  }

  private Running startUp(String name, Path jar, boolean cds, Path archive, HookCall firstHook)
      throws Exception {
    return startServer(name, jar, cds, archive, firstHook, List.of(), true);
  }

  /**
   * Starts a server on a fresh data directory and a free port. Without {@code cds} the JVM writes
   * an AppCDS archive at exit; with it, the archive is used. With {@code record} the start-up
   * figures go into the report.
   */
  private Running startServer(
      String name,
      Path jar,
      boolean cds,
      Path archive,
      HookCall firstHook,
      List<String> extraArguments,
      boolean record)
      throws Exception {
    waitForQuietMachine();
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    boolean bare = name.startsWith("bare");
    Path data = Files.createTempDirectory(work, "data-");
    List<String> jvm = new ArrayList<>(JVM_OPTIONS);
    if (archive != null) {
      // JDK 17's dynamic archive (-XX:ArchiveClassesAtExit) crashes dumping these servers' lambda
      // proxies; a static archive from the class list of a first start is reliable.
      jvm.add(
          cds
              ? "-XX:SharedArchiveFile=" + archive
              : "-XX:DumpLoadedClassList=" + classList(archive));
    }
    if (options.jfr && !bare) {
      jvm.add(
          "-XX:StartFlightRecording=filename="
              + work.resolve(name.replace(' ', '-') + "-" + port + ".jfr")
              + ",settings=profile");
    }
    List<String> args = new ArrayList<>();
    if (bare) {
      args.add("--server.port=" + port);
      args.add("--bare.data-dir=" + data);
    } else {
      args.add("--server.port=" + port);
      args.add("--server.address=127.0.0.1");
      args.add("--stomacds.fhir.data-dir=" + data);
      args.add("--stomacds.public-base-url=" + base);
      args.add("--stomacds.cds.security.allowed-fhir-servers[0]=http://127.0.0.1:*");
      args.addAll(tokens.serverArguments());
    }
    args.addAll(extraArguments);
    String[] hookTokens =
        firstHook == null
            ? new String[0]
            : tokens.cdsHooks(base + "/cds-services/" + firstHook.serviceId(), 3000);
    ServerProcess process =
        ServerProcess.start(
            name,
            jar,
            jvm,
            args,
            work.resolve("logs").resolve(name.replace(' ', '-') + "-" + port + ".log"));
    double fhirMs = process.waitForGet(base + "/fhir/metadata", Duration.ofMinutes(3));
    double firstHookMs = Double.NaN;
    if (firstHook != null) {
      int[] next = {0};
      firstHookMs =
          process.waitFor(
              () ->
                  HttpRequest.newBuilder(
                          URI.create(base + "/cds-services/" + firstHook.serviceId()))
                      .header("Content-Type", "application/json")
                      .header(
                          "Authorization", "Bearer " + hookTokens[next[0]++ % hookTokens.length])
                      .POST(
                          HttpRequest.BodyPublishers.ofByteArray(
                              firstHook.body(java.util.UUID.randomUUID().toString()))),
              r -> r.statusCode() == 200,
              Duration.ofMinutes(3));
    }
    double readyMs =
        process.waitFor(
            () -> HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET(),
            r -> r.statusCode() == 200 && r.body().contains("\"UP\""),
            Duration.ofMinutes(3));
    double rss = process.rssMiB();
    if (record) {
      String mode = cds ? "AppCDS archive" : "no archive";
      results.startUps.add(new Results.StartUp(name, mode, fhirMs, readyMs, firstHookMs, rss));
      say(
          "%s (%s): FHIR %.1f s, ready %.1f s, first hook %.1f s, RSS %.0f MiB",
          name, mode, fhirMs / 1000, readyMs / 1000, firstHookMs / 1000, rss);
    }
    String token = bare ? null : tokens.accessToken();
    return new Running(process, base, new Fhir(base + "/fhir", token));
  }

  /**
   * A hook call that needs no stored data: an Epic order-sign whose prefetch is filled from the
   * case's own bundle (the read key with the Patient, each search key with a searchset of the
   * case's resources of that type, payors and locations as includes), so the first answered hook
   * measures the service, not data loading, and needs no FHIR server.
   */
  private HookCall firstHookCall(List<FixtureCase> cases) throws IOException {
    HookCorpus offline =
        new HookCorpus(new Fhir("http://127.0.0.1:1/fhir", null), prefetchTemplates(), "none");
    for (FixtureCase c : cases) {
      var file = c.answeredRequest("order-sign");
      if (file.isEmpty()) {
        continue;
      }
      ObjectNode request = offline.fill(c, c.templates().get(file.get()));
      request.remove("fhirServer");
      request.remove("fhirAuthorization");
      ObjectNode prefetch = request.putObject("prefetch");
      prefetchTemplates()
          .get(HookCorpus.ORDER_SIGN)
          .forEach((key, template) -> prefetch.set(key, offlinePrefetch(c, template)));
      return HookCall.of(c.name(), HookCorpus.ORDER_SIGN, true, request.toString(), List.of());
    }
    throw new IllegalStateException("no fixture case has an order-sign call");
  }

  /** A prefetch value from the case's bundle alone (one case holds one patient). */
  private static JsonNode offlinePrefetch(FixtureCase c, String template) {
    boolean search = template.contains("?");
    String type = template.substring(0, template.indexOf(search ? '?' : '/'));
    Map<String, JsonNode> resources = c.resources();
    if (!search) {
      return resources.entrySet().stream()
          .filter(e -> e.getKey().startsWith(type + "/"))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }
    ObjectNode bundle = Fhir.JSON.createObjectNode();
    bundle.put("resourceType", "Bundle").put("type", "searchset");
    var entries = bundle.putArray("entry");
    for (var e : resources.entrySet()) {
      String t = e.getKey().substring(0, e.getKey().indexOf('/'));
      boolean match = t.equals(type);
      boolean include =
          template.contains("_include") && Set.of("Organization", "Location").contains(t);
      if (match || include) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", "http://127.0.0.1/fhir/" + e.getKey());
        entry.set("resource", e.getValue());
        entry.putObject("search").put("mode", match ? "match" : "include");
      }
    }
    bundle.put("total", (int) entries.size());
    return bundle;
  }

  // ---------------------------------------------------------------- data

  private void loadCases(Running server, List<FixtureCase> cases) throws Exception {
    for (FixtureCase c : cases) {
      server.fhir().load(c.bundle(), c.name() + "/bundle.json");
    }
    server.process().waitIdle(Duration.ofSeconds(90));
  }

  private Map<String, Map<String, String>> prefetchTemplates() throws IOException {
    try (InputStream in = Suite.class.getClassLoader().getResourceAsStream("cds/services.json")) {
      JsonNode catalog = Fhir.JSON.readTree(in);
      Map<String, Map<String, String>> templates = new HashMap<>();
      for (JsonNode service : catalog.path("services")) {
        Map<String, String> keys = new LinkedHashMap<>();
        service
            .path("prefetch")
            .fields()
            .forEachRemaining(f -> keys.put(f.getKey(), f.getValue().asText()));
        templates.put(service.path("id").asText(), keys);
      }
      return templates;
    }
  }

  // ---------------------------------------------------------------- (2) the floor

  private void floor(Running server, Load load, Map<String, List<HookCall>> series)
      throws Exception {
    IParser parser = FhirContext.forR4Cached().newJsonParser();
    List<HookCall> everything = series.values().stream().flatMap(List::stream).toList();
    long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.quick ? 1 : 3);
    while (System.nanoTime() < warmUntil) {
      for (HookCall call : everything) {
        call.fhirParts().forEach(parser::parseResource);
      }
    }
    server.process().waitIdle(Duration.ofSeconds(20));
    Load.Step transport =
        load.closedLoopGet(
            server.baseUrl() + "/actuator/health/liveness", 100, options.quick ? 100 : 400);
    results.transportP50Ms = transport.percentileMs(50);
    results.transportP90Ms = transport.percentileMs(90);
    say(
        "loopback HTTP round trip (GET /actuator/health/liveness): p50 %.2f ms, p90 %.2f ms",
        results.transportP50Ms, results.transportP90Ms);
    for (var entry : series.entrySet()) {
      List<HookCall> calls = entry.getValue();
      Histogram parse = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      int rounds = options.quick ? 5 : 30;
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
      int count = options.quick ? 100 : 400;
      Map<String, String[]> needed = signFor(load, calls, 100 + count);
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
      say(
          "floor %s: parse p50 %.3f ms, service p50 %.2f ms (%d errors)",
          entry.getKey(), parseP50, service.percentileMs(50), service.errors());
      if (service.errors() > 0) {
        results.notes.add(
            "service-time run of " + entry.getKey() + " had errors: " + service.outcomes());
      }
    }
  }

  // ---------------------------------------------------------------- (1) load

  private void loadSteps(Running server, Load load, Map<String, List<HookCall>> series)
      throws Exception {
    Duration warmup = Duration.ofSeconds(options.quick ? 1 : 2);
    Duration measure = Duration.ofSeconds(options.quick ? 3 : 6);
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
        Map<String, String[]> stepTokens = signFor(load, calls, n);
        server.process().waitIdle(Duration.ofSeconds(30));
        results.loadDuringParts.add(entry.getKey() + " @" + rate + ": " + Machine.loadAverage());
        Load.Step step = load.openLoop(calls, stepTokens, rate, warmup, measure);
        steps.add(step);
        say(
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
              calls.get(0).serviceId(),
              prefetched,
              calls.size(),
              kib,
              steps,
              held,
              breakReason));
    }
  }

  // ---------------------------------------------------------------- (6) growth

  private void growth(Running server, Load load, HookCorpus corpus, List<FixtureCase> cases)
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
    int warm = options.quick ? 5 : 20;
    int count = options.quick ? 20 : 60;
    for (String[] v : variants) {
      int n = Integer.parseInt(v[1]);
      String suffix = (v[0].startsWith("claim") ? "gl" : "gp") + n;
      ObjectNode bundle = Bundles.renamed(base.bundle(), suffix);
      if (v[0].startsWith("claim")) {
        Growth.claimLines(bundle, n);
      } else {
        Growth.priorEncounters(bundle, n);
      }
      server.fhir().load(bundle, "growth " + v[0] + " " + n);
      server.process().waitIdle(Duration.ofSeconds(60));
      FixtureCase variant =
          new FixtureCase(
              base.name() + "-" + suffix, bundle, renameTemplates(base, suffix), base.expected());
      List<HookCall> prefetched = corpus.discharge(List.of(variant), true);
      List<HookCall> store = corpus.discharge(List.of(variant), false);
      Load.Step a =
          load.closedLoop(prefetched, signFor(load, prefetched, warm + count), warm, count);
      Load.Step b = load.closedLoop(store, signFor(load, store, warm + count), warm, count);
      int errors = a.errors() + b.errors();
      results.growth.add(
          new Results.Growth(
              v[0] + ": " + n,
              prefetched.get(0).size() / 1024.0,
              a.percentileMs(50),
              a.percentileMs(99),
              b.percentileMs(50),
              b.percentileMs(99),
              errors));
      say(
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

  // ---------------------------------------------------------------- (5) soak

  private void soak(Running server, Load load, List<HookCall> mix) throws Exception {
    int rate = 200;
    Duration length = Duration.ofMinutes(options.quick ? 1 : 5);
    int n = (int) (rate * length.toSeconds());
    Map<String, String[]> soakTokens = signFor(load, mix, n);
    server.process().waitIdle(Duration.ofSeconds(30));
    results.loadDuringParts.add("soak start: " + Machine.loadAverage());
    List<double[]> samples = new ArrayList<>();
    double[] live1 = {Double.NaN};
    double[] rss1 = {Double.NaN};
    long start = System.nanoTime();
    Thread sampler =
        new Thread(
            () -> {
              try {
                int every = options.quick ? 10 : 30;
                int early = options.quick ? every : 60;
                for (int s = every; s < length.toSeconds(); s += every) {
                  long due = start + TimeUnit.SECONDS.toNanos(s);
                  Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                  ServerProcess.Heap heap =
                      s == early ? server.process().heapAfterFullGc() : server.process().heap();
                  double rss = server.process().rssMiB();
                  if (s == early) {
                    live1[0] = heap.usedMiB();
                    rss1[0] = rss;
                  }
                  samples.add(new double[] {s, heap.usedMiB(), heap.committedMiB(), rss});
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException e) {
                results.notes.add("soak sampling failed: " + e);
              }
            },
            "soak-sampler");
    sampler.setDaemon(true);
    sampler.start();
    Load.Step step = load.openLoop(mix, soakTokens, rate, Duration.ZERO, length);
    sampler.interrupt();
    sampler.join(5000);
    double rssEnd = server.process().rssMiB();
    ServerProcess.Heap end = server.process().heapAfterFullGc();
    samples.add(new double[] {length.toSeconds(), end.usedMiB(), end.committedMiB(), rssEnd});
    results.loadDuringParts.add("soak end: " + Machine.loadAverage());
    results.soak =
        new Results.Soak(
            rate,
            length.toSeconds() / 60.0,
            step,
            samples,
            live1[0],
            end.usedMiB(),
            rss1[0],
            rssEnd,
            end.committedMiB());
    say(
        "soak: %d sent, errors %d, p99 %.1f ms; live heap %.0f -> %.0f MiB, RSS %.0f -> %.0f MiB",
        step.sent(),
        step.errors(),
        step.percentileMs(99),
        live1[0],
        end.usedMiB(),
        rss1[0],
        rssEnd);
  }

  // ---------------------------------------------------------------- (4) writes

  private void writes(Running on, Path jar, Path archive, List<FixtureCase> cases)
      throws Exception {
    try (Running off =
        startServer(
            "stomacds (write checks off)",
            jar,
            archive != null,
            archive,
            null,
            List.of("--stomacds.checks.write-checks=false"),
            false)) {
      loadCases(off, cases);
      WriteOverhead.run(on, off, cases, options.quick ? 4 : 20, results, this::say);
    }
    // What durability costs: the shipped embedded database (every commit written to its file
    // before the answer) beside the same server with H2's default write delay (commits reach the
    // file up to 500 ms later: lost on a crash), both with the write checks on, both started fresh
    // for this comparison so that neither is warmer than the other.
    try (Running durable =
            startServer(
                "stomacds (durable H2)", jar, archive != null, archive, null, List.of(), false);
        Running delayed =
            startServer(
                "stomacds (H2 write delay 500 ms)",
                jar,
                archive != null,
                archive,
                null,
                List.of(
                    "--spring.datasource.url=jdbc:h2:file:${stomacds.fhir.data-dir}/h2/stomacds;"
                        + "DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=500"),
                false)) {
      loadCases(durable, cases);
      loadCases(delayed, cases);
      WriteOverhead.compare(
          durable, delayed, true, cases, options.quick ? 4 : 20, results.durability, this::say);
    }
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, String[]> signFor(Load load, List<HookCall> calls, int n) {
    Map<String, String[]> signed = new HashMap<>();
    Load.tokensNeeded(calls, n)
        .forEach(
            (service, count) ->
                signed.put(service, tokens.cdsHooks(load.endpoint(service), count)));
    return signed;
  }

  /**
   * Waits (up to 30 s, so a busy shared machine cannot stretch the suite past its time budget) for
   * other work on the machine to calm down; the load is recorded with each part either way.
   */
  private void waitForQuietMachine() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Machine.load1() > Runtime.getRuntime().availableProcessors() * 0.75
        && System.nanoTime() < deadline) {
      Thread.sleep(2000);
    }
  }

  private static Path classList(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".classlist");
  }

  /**
   * A static AppCDS archive from the classes the server loaded in its first start ({@code java
   * -Xshare:dump}); a failure leaves no archive, and the suite goes on without the AppCDS rows.
   */
  private void dumpArchive(Path jar, Path archive) throws Exception {
    Path recorded = classList(archive);
    if (!Files.exists(recorded)) {
      results.notes.add("no class list for " + archive.getFileName() + ": no AppCDS archive");
      return;
    }
    // JDK 17 crashes archiving these servers' lambda proxies (in
    // SystemDictionaryShared::adjust_lambda_proxy_class_dictionary), statically as at exit: they
    // are left out, every class is archived.
    Path list = archive.resolveSibling(archive.getFileName() + ".classes");
    try (Stream<String> lines = Files.lines(recorded)) {
      Files.write(list, lines.filter(l -> !l.startsWith("@lambda-proxy")).toList());
    }
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:dump",
                "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + archive,
                "-jar",
                jar.toString())
            .directory(jar.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                work.resolve("logs").resolve(archive.getFileName() + ".dump.log").toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(archive)) {
      p.destroyForcibly();
      Files.deleteIfExists(archive);
      results.notes.add(
          "dumping the AppCDS archive "
              + archive.getFileName()
              + " failed (see logs/): no AppCDS rows");
    }
  }

  private Path extract(Path jar, Path destination) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                destination.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("extracting " + jar + " failed: " + out);
    }
    try (Stream<Path> files = Files.list(destination)) {
      return files
          .filter(f -> f.toString().endsWith(".jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no jar extracted into " + destination));
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    }
  }

  void say(String format, Object... args) {
    System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
  }

  interface Part {
    void run() throws Exception;
  }

  interface Supplier<T> {
    T get() throws Exception;
  }

  /**
   * Runs one part; a part that fails is reported in the notes and the suite goes on, so one broken
   * part never costs the figures of the others.
   */
  private void timed(String name, Part part) throws Exception {
    long t = System.nanoTime();
    say("== %s (load %s)", name, Machine.loadAverage());
    try {
      part.run();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      say("%s FAILED: %s", name, e);
      e.printStackTrace(System.out);
      results.notes.add("part **" + name + "** failed: " + e + " (see the suite's output)");
    }
    results.timings.put(name, String.format("%.0f s", (System.nanoTime() - t) / 1e9));
  }

  private <T> T timedGet(String name, Supplier<T> part) throws Exception {
    long t = System.nanoTime();
    say("== %s (load %s)", name, Machine.loadAverage());
    T value = part.get();
    results.timings.put(name, String.format("%.0f s", (System.nanoTime() - t) / 1e9));
    return value;
  }
}
