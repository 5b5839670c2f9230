package org.stomacds.engine.narrative.corpus;

import java.util.Locale;
import java.util.Map;

/**
 * {@code docs/NOTE-READING.md}: the corpus scores per part and element, and the dev misreadings.
 */
final class NoteReadingReport {

  private NoteReadingReport() {}

  static String render(Map<String, ReadingScore> scores) {
    StringBuilder out = new StringBuilder();
    out.append("# How well the note reader reads\n\n");
    out.append(
        "Written by `NoteCorpusScoreTest` (`mvn -pl cds-hooks test -Dtest=NoteCorpusScoreTest"
            + " -Dstomacds.notes.record=true`) from the reading corpus under `fixtures/notes/`"
            + " (its README says how the notes were written and how they are scored). An element"
            + " counts as documented when its golden status is `present`; `absent` and `negated`"
            + " are negatives; `uncertain` is counted apart. A reading with the wrong value (another"
            + " balloon size, count, duration or lumen, an incomplete exam read as complete) counts"
            + " as a false positive and a false negative. `fixtures/notes/scores.tsv` holds each F1"
            + " as a floor the build enforces.\n\n");
    scores.forEach(
        (part, score) -> {
          out.append(String.format(Locale.ROOT, "## Part `%s`: %d notes\n\n", part, score.notes));
          out.append(
              "| element | support | precision | recall | F1 | wrong value | uncertain (not scored) |\n");
          out.append("|---|---:|---:|---:|---:|---:|---:|\n");
          score.counts.forEach(
              (element, c) ->
                  out.append(
                      String.format(
                          Locale.ROOT,
                          "| %s | %d | %.3f | %.3f | %.3f | %d | %d |\n",
                          element.id(),
                          c.support(),
                          c.precision(),
                          c.recall(),
                          c.f1(),
                          c.wrongValue,
                          c.uncertain)));
          out.append(
              String.format(
                  Locale.ROOT,
                  "\nNotes documenting every element: %d; read as missing one or more: %d.\n\n",
                  score.cleanNotes,
                  score.cleanNotesWithFalseGap));
          if (part.equals("dev") && !score.misses.isEmpty()) {
            out.append("Misreadings (development part only):\n\n");
            for (ReadingScore.Miss m : score.misses) {
              out.append(
                  String.format(
                      "- `%s` %s: expected %s, read %s\n",
                      m.note(), m.element().id(), m.expected(), m.read()));
            }
            out.append('\n');
          }
        });
    return out.toString();
  }
}
