package org.stomacds.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the servers the parts measure: each from its extracted jar on a fresh data directory and a
 * free loopback port, ours secured with the run's keys, and times its start (FHIR up, ready, the
 * first answered hook).
 */
public final class ServerLauncher {

  /** The JVM options of every server the suite starts. */
  static final List<String> JVM_OPTIONS = List.of("-Xmx1g");

  /**
   * How long a server may take to come up: a quiet machine needs well under a minute; a machine
   * shared with builds (load 10 and more on two cores) has been seen to need more than three.
   */
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(6);

  private final SuiteRun run;

  ServerLauncher(SuiteRun run) {
    this.run = run;
  }

  /** A start whose figures go into the report's start-up table. */
  RunningServer startUp(String name, Path jar, boolean cds, Path archive, HookCall firstHook)
      throws Exception {
    return start(name, jar, cds, archive, firstHook, List.of(), true);
  }

  /**
   * A server for a comparison: the AppCDS archive used when there is one, extra arguments (say a
   * setting switched off), its start not reported.
   */
  public RunningServer startForComparison(
      String name, Path jar, Path archive, List<String> extraArguments) throws Exception {
    return start(name, jar, archive != null, archive, null, extraArguments, false);
  }

  /**
   * Starts a server on a fresh data directory and a free port. Without {@code cds} the JVM writes
   * the class list an AppCDS archive is dumped from; with it, the archive is used. With {@code
   * record} the start-up figures go into the report.
   */
  private RunningServer start(
      String name,
      Path jar,
      boolean cds,
      Path archive,
      HookCall firstHook,
      List<String> extraArguments,
      boolean record)
      throws Exception {
    Machine.waitUntilQuiet();
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    boolean bare = name.startsWith("bare");
    Path data = Files.createTempDirectory(run.work(), "data-");
    List<String> jvm = new ArrayList<>(JVM_OPTIONS);
    if (archive != null) {
      // JDK 17's dynamic archive (-XX:ArchiveClassesAtExit) crashes dumping these servers' lambda
      // proxies; a static archive from the class list of a first start is reliable.
      jvm.add(
          cds
              ? "-XX:SharedArchiveFile=" + archive
              : "-XX:DumpLoadedClassList=" + AppCdsArchive.classList(archive));
    }
    if (run.options().jfr() && !bare) {
      // HAPI's parser and encoder recurse deeply: at JFR's default of 64 frames a third of the
      // allocation samples of a hook call never reach the controller, so no stage owns them.
      jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
      jvm.add(
          "-XX:StartFlightRecording=filename="
              + run.work().resolve(name.replace(' ', '-') + "-" + port + ".jfr")
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
      args.addAll(run.tokens().serverArguments());
    }
    args.addAll(extraArguments);
    String[] hookTokens =
        firstHook == null
            ? new String[0]
            : run.tokens().cdsHooks(base + "/cds-services/" + firstHook.serviceId(), 3000);
    ServerProcess process =
        ServerProcess.start(
            name,
            jar,
            jvm,
            args,
            run.work().resolve("logs").resolve(name.replace(' ', '-') + "-" + port + ".log"));
    double fhirMs = process.waitForGet(base + "/fhir/metadata", STARTUP_TIMEOUT);
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
                              firstHook.body(UUID.randomUUID().toString()))),
              r -> r.statusCode() == 200,
              STARTUP_TIMEOUT);
    }
    double readyMs =
        process.waitFor(
            () -> HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET(),
            r -> r.statusCode() == 200 && r.body().contains("\"UP\""),
            STARTUP_TIMEOUT);
    double rss = process.rssMiB();
    if (record) {
      String mode = cds ? "AppCDS archive" : "no archive";
      run.results()
          .startUps
          .add(new Results.StartUp(name, mode, fhirMs, readyMs, firstHookMs, rss));
      run.say(
          "%s (%s): FHIR %.1f s, ready %.1f s, first hook %.1f s, RSS %.0f MiB",
          name, mode, fhirMs / 1000, readyMs / 1000, firstHookMs / 1000, rss);
    }
    String token = bare ? null : run.tokens().accessToken();
    return new RunningServer(process, base, new Fhir(base + "/fhir", token));
  }

  /** Extracts a Spring Boot fat jar ({@code -Djarmode=tools extract}); returns the jar to start. */
  static Path extract(Path jar, Path destination) throws Exception {
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
}
