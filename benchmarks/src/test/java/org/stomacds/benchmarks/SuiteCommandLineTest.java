package org.stomacds.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The suite's command line, read without building or starting anything. */
class SuiteCommandLineTest {

  @TempDir Path repository;

  private SuiteOptions parse(String... args) {
    SuiteOptions options = new SuiteOptions(repository);
    new CommandLine(options).parseArgs(args);
    return options;
  }

  private record Run(int status, String out, String err) {}

  private Run suite(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Suite.execute(args, repository, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void defaultsAreUnderTheRepository() {
    SuiteOptions options = parse();

    assertThat(options.cases()).isEqualTo(repository.resolve("fixtures/cases"));
    assertThat(options.out()).isEqualTo(repository.resolve("docs/BENCHMARKS.md"));
    assertThat(options.work()).isEqualTo(repository.resolve("benchmarks/target/run"));
    assertThat(options.quick()).isFalse();
    assertThat(options.jfr()).isFalse();
    assertThat(SuiteOptions.PARTS).noneMatch(options::skips);
  }

  @Test
  void readsEveryOption() {
    SuiteOptions options =
        parse(
            "--cases",
            "/tmp/cases",
            "--out",
            "/tmp/b.md",
            "--work",
            "/tmp/work",
            "--quick",
            "--jfr",
            "--skip",
            "soak,rules",
            "--skip",
            "growth");

    assertThat(options.cases()).isEqualTo(Path.of("/tmp/cases"));
    assertThat(options.out()).isEqualTo(Path.of("/tmp/b.md"));
    assertThat(options.work()).isEqualTo(Path.of("/tmp/work"));
    assertThat(options.quick()).isTrue();
    assertThat(options.jfr()).isTrue();
    assertThat(SuiteOptions.PARTS)
        .filteredOn(options::skips)
        .containsExactly("rules", "growth", "soak");
    assertThat(options.unknownParts()).isEmpty();
  }

  @Test
  void helpListsEveryOptionAndPart() {
    Run run = suite("--help");

    assertThat(run.status()).isZero();
    assertThat(options(run.out()))
        .containsExactlyInAnyOrder(
            "--cases", "--out", "--work", "--quick", "--skip", "--jfr", "--help");
    assertThat(run.out()).contains("rules, startup, writes, floor, load, growth, soak");
  }

  @Test
  void theRunScriptNamesOnlyOptionsTheSuiteHas() throws IOException {
    String script = Files.readString(Path.of("run"));

    assertThat(options(suite("--help").out())).containsAll(options(script));
  }

  @Test
  void exitsWith2NamingAnUnknownOption() {
    Run run = suite("--quick", "--colour");

    assertThat(run.err()).startsWith("error: Unknown option: '--colour'").contains("try --help");
    assertThat(run.status()).isEqualTo(2);
  }

  @Test
  void exitsWith2NamingAPartTheSuiteDoesNotHave() {
    Run run = suite("--skip", "rules,sock");

    assertThat(run.err()).startsWith("error: --skip: no part sock");
    assertThat(run.status()).isEqualTo(2);
  }

  @Test
  void exitsWith2WithoutTouchingTheWorkFolderWhenTheServerIsNotBuilt() throws IOException {
    Path work = Files.createDirectories(repository.resolve("work"));
    Files.writeString(work.resolve("kept.log"), "from an earlier run");

    Run run = suite("--work", work.toString());

    assertThat(run.err()).startsWith("error: ").contains("server/target is missing");
    assertThat(run.err()).doesNotContain("\tat ");
    assertThat(run.status()).isEqualTo(2);
    assertThat(work.resolve("kept.log")).exists();
  }

  private static java.util.Set<String> options(String text) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(text);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }
}
