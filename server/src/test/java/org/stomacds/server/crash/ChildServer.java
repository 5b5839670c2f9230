package org.stomacds.server.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.stomacds.server.StomaCdsApplication;
import org.stomacds.server.support.Readiness;
import org.stomacds.server.support.TestTokens;

/**
 * The application in a JVM of its own (the test classpath, {@code java -cp}), so a test can kill it
 * with SIGKILL ({@link Process#destroyForcibly()}) as a crash would, then start it again on the
 * same database. Its output goes to a log file, printed when it fails to start.
 */
final class ChildServer implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private ChildServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the application and waits until it is ready.
   *
   * @param profiles the Spring profiles besides the test issuers ({@code postgres}, or none for the
   *     embedded default)
   * @param environment environment variables of the child (database credentials go here, as in
   *     production, never on the command line)
   * @param settings {@code --key=value} settings
   * @param dataDir the data directory (the embedded database and the Lucene index), kept across
   *     restarts
   */
  static ChildServer start(
      List<String> profiles,
      Map<String, String> environment,
      Map<String, String> settings,
      Path dataDir,
      Path log) {
    int port = freePort();
    return startOn(port, "http://127.0.0.1:" + port, profiles, environment, settings, dataDir, log);
  }

  /**
   * Starts the application on a given port (a replica behind a load balancer, started again on the
   * port the balancer knows), with the public base URL its clients call: the balancer's, which is
   * the audience of their JWTs and the {@code fhirServer} of their hook calls.
   */
  static ChildServer startOn(
      int port,
      String publicBaseUrl,
      List<String> profiles,
      Map<String, String> environment,
      Map<String, String> settings,
      Path dataDir,
      Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    // The client compiler only and the serial collector: these tests start servers again and again
    // on two shared cores, and what they check is what survives, not how fast the code runs once
    // warm; JIT and GC threads would only take CPU from the other replica and the writers.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StomaCdsApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    List<String> active = new ArrayList<>(profiles);
    active.add(TestTokens.PROFILE);
    command.add("--spring.profiles.active=" + String.join(",", active));
    command.add("--stomacds.fhir.data-dir=" + dataDir);
    // Tokens name the address the test calls: the audience of a CDS Hooks JWT, and our own store
    // as the fhirServer of a hook call.
    command.add("--stomacds.public-base-url=" + publicBaseUrl);
    command.add("--stomacds.cds.security.allowed-fhir-servers[0]=http://127.0.0.1:*");
    settings.forEach((key, value) -> command.add("--" + key + "=" + value));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      ChildServer child = new ChildServer(builder.start(), port, log);
      child.awaitReady(Duration.ofMinutes(6));
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: no shutdown hook, no graceful shutdown, nothing flushed that was not already. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /**
   * SIGTERM: the graceful shutdown a service manager asks for (in-flight calls finish, the database
   * is closed, so the embedded one's file can be opened by the test afterwards).
   */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      throw new IllegalStateException("the application did not stop in 60 s:\n" + tail());
    }
  }

  private void awaitReady(Duration timeout) {
    try {
      Readiness.await(baseUrl(), timeout, process::isAlive, () -> ":\n" + tail());
    } catch (IllegalStateException notReady) {
      process.destroyForcibly();
      throw notReady;
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
