package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stomacds.engine.documentation.DocumentationElement;

/** Input that must not hang, throw or blow up: empty, huge, and built to make regexes backtrack. */
class PathologicalInputTest {

  /**
   * A guard against a hang (catastrophic backtracking takes minutes to hours on these inputs), not
   * a speed target: how fast the reader is is measured by the JMH benchmark beside its baseline
   * (docs/BENCHMARKS.md). A 1 MB note reads in about 1 s of CPU on a quiet machine and twice that
   * on a loaded CI machine, so the guard leaves ten times that.
   */
  private static final Duration BOUND = Duration.ofSeconds(20);

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\n\n\t", ".", "::::", "-", "\u0000\u0001", "\uD83D\uDE00"})
  void readsNothingFromEmptyOrMeaninglessInput(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.mentions()).isEmpty();
    for (DocumentationElement e : DocumentationElement.values()) {
      assertThat(r.documents(e)).isFalse();
    }
    assertThat(r.balloonDiametersMm()).isEmpty();
    assertThat(r.distinctStrictureCount()).isZero();
  }

  @Test
  void readsAOneMegabyteNote() {
    String note =
        "Colonoscopy via the colostomy. The stricture was dilated to 15 mm x3 for 60 seconds."
            + " No complications. Sedation start 09:12, end 09:38.\n";
    String big = note.repeat(1_000_000 / note.length() + 1);
    long cpu = cpuNanos(() -> assertThat(Notes.read(big).balloonDiametersMm()).containsExactly(15));
    assertThat(Duration.ofNanos(cpu)).isLessThan(BOUND);
  }

  @Test
  void readsA200KilobyteRunOfDigitsSpacesAndHyphensQuickly() {
    StringBuilder sb = new StringBuilder();
    Random random = new Random(44405);
    String[] parts = {"1", "18", "-", " ", "-19-", "0912", ":", "  ", "5", ".", "x"};
    while (sb.length() < 200_000) {
      sb.append(parts[random.nextInt(parts.length)]);
    }
    String adversarial = sb.append(" mm").toString();
    long cpu = cpuNanos(() -> Notes.read(adversarial));
    assertThat(Duration.ofNanos(cpu)).isLessThan(BOUND);
  }

  @Test
  void readsLongRunsOfOneCharacterQuickly() {
    for (String run :
        new String[] {
          "1-".repeat(100_000),
          "1 " + " ".repeat(200_000) + "1",
          "a".repeat(200_000),
          "no ".repeat(70_000) + "bleeding",
          "through the ".repeat(20_000) + "stoma",
          "<".repeat(200_000)
        }) {
      long cpu = cpuNanos(() -> Notes.read(run));
      assertThat(Duration.ofNanos(cpu)).as("run of %.10s", run).isLessThan(BOUND);
      long html = cpuNanos(() -> NoteReader.htmlToText(run));
      assertThat(Duration.ofNanos(html)).isLessThan(BOUND);
    }
  }

  @Test
  void readsHtmlThatNeverClosesItsTags() {
    String html = "<p <b <i ".repeat(50_000) + "<!-- never closed";
    long cpu = cpuNanos(() -> NoteReader.htmlToText(html));
    assertThat(Duration.ofNanos(cpu)).isLessThan(BOUND);
  }

  @Test
  void readsDeeplyNestedHtmlQuickly() {
    for (String html :
        new String[] {
          "<div><b><i>".repeat(20_000) + "Dilated to 15 mm",
          "<table><tr><td>".repeat(10_000) + "Balloon 15 mm",
          "<ul><li>".repeat(20_000) + "Resume diet"
        }) {
      String[] text = new String[1];
      long cpu = cpuNanos(() -> text[0] = NoteReader.htmlToText(html));
      assertThat(Duration.ofNanos(cpu)).as("html %.20s", html).isLessThan(BOUND);
      assertThat(text[0]).endsWith(html.substring(html.lastIndexOf('>') + 1));
    }
  }

  private static long cpuNanos(Runnable r) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long start = mx.getCurrentThreadCpuTime();
    r.run();
    return mx.getCurrentThreadCpuTime() - start;
  }
}
