package org.stomacds.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the suite ran on: written at the top of the report. */
public record Machine(
    int cores,
    long memoryMiB,
    String cpuModel,
    String java,
    String os,
    String commit,
    boolean dirty,
    String date) {

  static Machine describe(Path repository) {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        memInfoKiB("MemTotal") / 1024,
        readCpuModel(),
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        git(repository, "rev-parse", "--short=12", "HEAD"),
        !git(repository, "status", "--porcelain", "--untracked-files=no").isBlank(),
        OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  /** The 1, 5 and 15 minute load averages, as /proc/loadavg says them. */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The 1-minute load average. */
  static double load1() {
    try {
      return Double.parseDouble(loadAverage().split(" ")[0]);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * Waits (up to 30 s, so a busy shared machine cannot stretch the suite past its time budget) for
   * other work on the machine to calm down; the load is recorded with each part either way.
   */
  static void waitUntilQuiet() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (load1() > Runtime.getRuntime().availableProcessors() * 0.75
        && System.nanoTime() < deadline) {
      Thread.sleep(2000);
    }
  }

  private static long memInfoKiB(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith(key + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // reported as 0
    }
    return 0;
  }

  private static String readCpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // unknown below
    }
    return "unknown";
  }

  private static String git(Path repository, String... args) {
    try {
      Process p =
          new ProcessBuilder(concat(List.of("git", "-C", repository.toString()), List.of(args)))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
