package org.stomacds.engine.narrative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.narrative.corpus.CorpusNote.Gold;

/**
 * The reader's contract: the reading corpus under {@code fixtures/notes/} (a development part and a
 * test part, most of it written blind), scored per element, and held by a ratchet: the F1 of each
 * element on each part may never fall below the figure committed in {@code
 * fixtures/notes/scores.tsv}. Run with {@code -Dstomacds.notes.record=true} to rewrite that file
 * and {@code docs/NOTE-READING.md} from this run (do that when a score rises, and commit both).
 */
class NoteCorpusScoreTest {

  static final Path ROOT = Path.of("..", "fixtures", "notes");
  static final Path RATCHET = ROOT.resolve("scores.tsv");
  static final Path REPORT = Path.of("..", "docs", "NOTE-READING.md");
  static final List<String> PARTS = List.of("dev", "test");

  private static final NoteReader READER = new NoteReader();

  @Test
  void everyGoldenSpanIsQuotedVerbatimFromItsNote() {
    List<String> bad = new ArrayList<>();
    for (String part : PARTS) {
      for (CorpusNote note : CorpusNote.load(ROOT, part)) {
        for (Map.Entry<DocumentationElement, Gold> e : note.gold().entrySet()) {
          String span = e.getValue().span();
          if (span != null && !quotes(note, span)) {
            bad.add(part + "/" + note.id() + " " + e.getKey().id() + ": '" + span + "'");
          }
        }
      }
    }
    assertThat(bad).as("golden spans not found in their notes").isEmpty();
  }

  @Test
  void noElementScoresBelowItsCommittedFigure() throws IOException {
    Map<String, ReadingScore> scores = new LinkedHashMap<>();
    for (String part : PARTS) {
      scores.put(part, ReadingScore.of(part, CorpusNote.load(ROOT, part), READER));
    }
    String report = NoteReadingReport.render(scores);
    System.out.println(report);
    if (Boolean.getBoolean("stomacds.notes.record")) {
      Files.writeString(RATCHET, ratchet(scores));
      Files.writeString(REPORT, report);
    }
    Map<String, Double> committed = readRatchet();
    List<String> drops = new ArrayList<>();
    scores.forEach(
        (part, score) ->
            score.counts.forEach(
                (element, c) -> {
                  Double floor = committed.get(part + "\t" + element.id());
                  if (floor != null && floor3(c.f1()) < floor) {
                    drops.add(
                        String.format(
                            Locale.ROOT,
                            "%s %s: F1 %.3f, committed %.3f",
                            part,
                            element.id(),
                            c.f1(),
                            floor));
                  }
                }));
    assertThat(drops).as("scores below the committed ratchet (%s)", RATCHET).isEmpty();
  }

  /** Whitespace runs count as one space: HTML notes lose their layout when read as text. */
  /**
   * Whether the span is the note's own words: in the text a browser shows (entities decoded, dashes
   * as written) or, for HTML, in the text as the reader reads it, where table cells and blocks are
   * kept apart (a browser shows adjacent cells apart too; the raw text nodes run them together).
   */
  private static boolean quotes(CorpusNote note, String span) {
    String quoted = normalise(span);
    return normalise(note.visibleText()).contains(quoted)
        || normalise(note.text()).contains(quoted);
  }

  static String normalise(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  private static String ratchet(Map<String, ReadingScore> scores) {
    StringBuilder out = new StringBuilder("# part\telement\tF1 (floor, 3 decimals)\n");
    scores.forEach(
        (part, score) ->
            score.counts.forEach(
                (element, c) ->
                    out.append(part)
                        .append('\t')
                        .append(element.id())
                        .append('\t')
                        .append(String.format(Locale.ROOT, "%.3f", floor3(c.f1())))
                        .append('\n')));
    return out.toString();
  }

  private static Map<String, Double> readRatchet() throws IOException {
    Map<String, Double> committed = new LinkedHashMap<>();
    if (!Files.exists(RATCHET)) {
      return committed;
    }
    for (String line : Files.readAllLines(RATCHET)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      committed.put(f[0] + "\t" + f[1], Double.parseDouble(f[2]));
    }
    return committed;
  }

  static double floor3(double v) {
    return Math.floor(v * 1000 + 1e-9) / 1000;
  }
}
