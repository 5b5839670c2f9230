package org.stomacds.server.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node side of the page tests and of the JavaScript FHIR client test: {@code src/test/e2e} (its
 * {@code package.json} pins playwright-core and fhir-kit-client; {@code npm ci} there installs
 * them), the machine's Node 20+ and Debian's Chromium. Says what is missing, so a test can skip
 * with a message that names it.
 */
final class NodeTools {

  static final Path E2E = Path.of("src", "test", "e2e").toAbsolutePath();
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /**
   * Set (to anything but {@code 0}) where the page tests must run, as {@code .ci/run} does: there a
   * missing tool fails the test instead of skipping it, so CI never passes without the browser
   * test.
   */
  static final String REQUIRED_ENV = "STOMACDS_E2E_REQUIRED";

  private NodeTools() {}

  /**
   * Skips the calling test when something it needs is missing, naming it; fails instead where
   * {@link #REQUIRED_ENV} says the page tests are required.
   */
  static void requireOrSkip(List<String> missing, String what) {
    if (missing.isEmpty()) {
      return;
    }
    String required = System.getenv(REQUIRED_ENV);
    String message = what + ": missing " + missing;
    if (required != null && !required.isBlank() && !required.equals("0")) {
      throw new AssertionError(
          message + " (" + REQUIRED_ENV + " is set, so this cannot be skipped)");
    }
    org.junit.jupiter.api.Assumptions.abort(message + " (skipped)");
  }

  /** What the unit tests of the page scripts need that is not here (empty: all is here). */
  static List<String> missingForUnitTests() {
    List<String> missing = new ArrayList<>();
    nodeProblem().ifPresent(missing::add);
    return missing;
  }

  /** What the browser test needs that is not here (empty: all is here). */
  static List<String> missingForBrowser() {
    List<String> missing = missingForUnitTests();
    if (!Files.isRegularFile(E2E.resolve("node_modules/playwright-core/package.json"))) {
      missing.add(
          "playwright-core in "
              + E2E.resolve("node_modules")
              + " (run: npm ci --prefix server/src/test/e2e)");
    }
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM + " (run: apt-get install -y chromium)");
    }
    return missing;
  }

  /** What the fhir-kit-client test needs that is not here (empty: all is here). */
  static List<String> missingForFhirKitClient() {
    List<String> missing = missingForUnitTests();
    if (!Files.isRegularFile(E2E.resolve("node_modules/fhir-kit-client/package.json"))) {
      missing.add(
          "fhir-kit-client in "
              + E2E.resolve("node_modules")
              + " (run: npm ci --prefix server/src/test/e2e)");
    }
    return missing;
  }

  private static java.util.Optional<String> nodeProblem() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return java.util.Optional.of("a working node on the PATH (node --version failed)");
      }
      Matcher major = Pattern.compile("v(\\d+)\\.").matcher(version.trim());
      if (!major.find() || Integer.parseInt(major.group(1)) < 20) {
        return java.util.Optional.of("node 20 or later on the PATH (found " + version.trim() + ")");
      }
      return java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.of("node (20 or later) on the PATH");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.of("node: interrupted while asking its version");
    }
  }

  /**
   * Runs a command in {@code src/test/e2e}, its output merged and kept.
   *
   * @return the exit status and the output
   */
  static Result run(List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    return run(command, Map.of(), timeoutSeconds);
  }

  /**
   * Runs a command in {@code src/test/e2e} with these environment variables added (secrets such as
   * tokens go here, never on the command line), and without {@code DEBUG}, which would make
   * libraries log requests and their headers.
   *
   * @return the exit status and the output
   */
  static Result run(List<String> command, Map<String, String> environment, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("stomacds-node-", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(E2E.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().remove("DEBUG");
      builder.environment().remove("NODE_DEBUG");
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return new Result(-1, Files.readString(log) + "\n(killed after " + timeoutSeconds + " s)");
      }
      return new Result(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** A finished command. */
  record Result(int exitCode, String output) {}
}
