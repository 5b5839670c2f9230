package org.stomacds.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The static AppCDS archive of a server: the first start records the classes it loads, from which
 * {@code java -Xshare:dump} writes the archive later starts use. A failure leaves no archive, and
 * the suite goes on without the AppCDS rows.
 */
final class AppCdsArchive {

  private final SuiteRun run;

  AppCdsArchive(SuiteRun run) {
    this.run = run;
  }

  /** Where a first start records its classes for this archive. */
  static Path classList(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".classlist");
  }

  /** Dumps the archive from the class list the server's first start recorded. */
  void dump(Path jar, Path archive) throws Exception {
    Path recorded = classList(archive);
    if (!Files.exists(recorded)) {
      run.results().notes.add("no class list for " + archive.getFileName() + ": no AppCDS archive");
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
                run.work().resolve("logs").resolve(archive.getFileName() + ".dump.log").toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(archive)) {
      p.destroyForcibly();
      Files.deleteIfExists(archive);
      run.results()
          .notes
          .add(
              "dumping the AppCDS archive "
                  + archive.getFileName()
                  + " failed (see logs/): no AppCDS rows");
    }
  }
}
