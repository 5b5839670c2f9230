package org.stomacds.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The suite's command line, as picocli reads it ({@code benchmarks/run --help}). Paths given are
 * taken from the working directory, which {@code benchmarks/run} makes the repository root; the
 * defaults are under the repository.
 */
@Command(
    name = "benchmarks/run",
    usageHelpWidth = 100,
    sortOptions = false,
    headerHeading = "%n",
    header = {
      "The stomacds benchmark suite: builds the server and the benchmarks (tests skipped), runs",
      "every part against servers it starts itself, prints the table and writes the report.%n"
    },
    customSynopsis = {"benchmarks/run [--quick] [--skip PART[,PART...]] [options]"},
    optionListHeading = "%n",
    footerHeading = "%n",
    footer = {
      "Parts, in order: " + SuiteOptions.PART_NAMES + ".",
      "MVN_ARGS=-o benchmarks/run builds offline. Run it on a quiet machine."
    })
public final class SuiteOptions {

  /** The parts of the suite, in the order they run; each can be left out with {@code --skip}. */
  static final String PART_NAMES = "rules, startup, writes, floor, load, growth, soak";

  public static final List<String> PARTS = List.of(PART_NAMES.split(", "));

  private final Path repository;

  @Option(
      names = "--cases",
      paramLabel = "DIR",
      description = "the fixture cases (default: fixtures/cases)")
  private Path cases;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "where the report is written (default: docs/BENCHMARKS.md)")
  private Path out;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description =
          "logs, keys, data directories and AppCDS archives (default: benchmarks/target/run)")
  private Path work;

  @Option(
      names = "--quick",
      description = "every part shortened: a smoke run, figures indicative only")
  private boolean quick;

  @Option(
      names = "--skip",
      paramLabel = "PART",
      split = ",",
      description = "leave these parts out (" + PART_NAMES + ")")
  private Set<String> skip = new TreeSet<>();

  @Option(names = "--jfr", description = "the servers record a JFR profile into the work folder")
  private boolean jfr;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "this text")
  private boolean help;

  /**
   * @param repository the repository root, where the defaults are
   */
  SuiteOptions(Path repository) {
    this.repository = repository.toAbsolutePath();
  }

  /** The parts named by {@code --skip} that the suite does not have. */
  Set<String> unknownParts() {
    Set<String> unknown = new TreeSet<>(skip);
    unknown.removeAll(PARTS);
    return unknown;
  }

  public Path repository() {
    return repository;
  }

  public Path cases() {
    return cases == null ? repository.resolve("fixtures/cases") : cases.toAbsolutePath();
  }

  public Path out() {
    return out == null ? repository.resolve("docs/BENCHMARKS.md") : out.toAbsolutePath();
  }

  public Path work() {
    return work == null ? repository.resolve("benchmarks/target/run") : work.toAbsolutePath();
  }

  public boolean quick() {
    return quick;
  }

  public boolean jfr() {
    return jfr;
  }

  /** Whether {@code --skip} leaves this part out. */
  public boolean skips(String part) {
    return skip.contains(part);
  }

  /**
   * The server's newest fat jar under {@code server/target}, as {@code benchmarks/run} builds it.
   */
  Path serverJar() throws IOException {
    Path dir = repository.resolve("server/target");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(dir + " is missing: build with benchmarks/run");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("server-"))
          .filter(p -> p.getFileName().toString().endsWith(".jar"))
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("no server-*.jar in " + dir));
    }
  }

  /** The bare HAPI JPA server's fat jar ({@code mvn -Pbenchmarks package}). */
  Path bareJar() {
    Path jar = repository.resolve("benchmarks/target/benchmarks-bare-hapi.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build with benchmarks/run");
    }
    return jar;
  }
}
