package org.stomacds.engine.narrative.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.narrative.ExamExtent;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.narrative.NoteReading;
import org.stomacds.engine.narrative.SedationType;
import org.stomacds.engine.narrative.corpus.CorpusNote.Gold;
import org.stomacds.engine.narrative.corpus.CorpusNote.Status;

/**
 * Scores the reader against one part of the corpus, per element. A note documents an element
 * (positive) when its golden status is {@code present}; {@code absent} and {@code negated} are
 * negatives; {@code uncertain} is left out of precision and recall and counted on its own. A
 * reading that finds the element but with another value than the note's (another balloon size, a
 * complete exam read as incomplete) is wrong twice: a false positive and a false negative.
 */
final class ReadingScore {

  /** Counts for one element. */
  static final class Counts {
    int tp;
    int fp;
    int fn;
    int tn;
    int uncertain;
    int wrongValue;

    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    int support() {
      return tp + fn;
    }
  }

  /** One misreading, for the development part's list. */
  record Miss(String note, DocumentationElement element, String expected, String read) {}

  final String part;
  final int notes;
  final Map<DocumentationElement, Counts> counts = new EnumMap<>(DocumentationElement.class);
  final List<Miss> misses = new ArrayList<>();

  /** Notes that document every element, and those of them read as missing one. */
  int cleanNotes;

  int cleanNotesWithFalseGap;

  private ReadingScore(String part, int notes) {
    this.part = part;
    this.notes = notes;
  }

  static ReadingScore of(String part, List<CorpusNote> notes, NoteReader reader) {
    ReadingScore score = new ReadingScore(part, notes.size());
    for (CorpusNote note : notes) {
      score.add(note, reader.read(note.text()));
    }
    return score;
  }

  private void add(CorpusNote note, NoteReading reading) {
    boolean clean = note.gold().values().stream().allMatch(g -> g.status() == Status.PRESENT);
    boolean falseGap = false;
    for (Map.Entry<DocumentationElement, Gold> e : note.gold().entrySet()) {
      DocumentationElement element = e.getKey();
      Gold gold = e.getValue();
      Counts c = counts.computeIfAbsent(element, k -> new Counts());
      boolean read = reading.documents(element);
      String readAs =
          read ? "present" : reading.mention(element).isPresent() ? "negated" : "absent";
      switch (gold.status()) {
        case UNCERTAIN -> c.uncertain++;
        case ABSENT, NEGATED -> {
          if (read) {
            c.fp++;
            misses.add(new Miss(note.id(), element, gold.status().name().toLowerCase(), readAs));
          } else {
            c.tn++;
          }
        }
        case PRESENT -> {
          if (!read) {
            c.fn++;
            falseGap = true;
            misses.add(new Miss(note.id(), element, "present", readAs));
          } else {
            Optional<String> wrong = wrongValue(element, gold, note, reading);
            if (wrong.isPresent()) {
              c.fp++;
              c.fn++;
              c.wrongValue++;
              falseGap = true;
              misses.add(new Miss(note.id(), element, describe(gold, note, element), wrong.get()));
            } else {
              c.tp++;
            }
          }
        }
      }
    }
    if (clean) {
      cleanNotes++;
      if (falseGap) {
        cleanNotesWithFalseGap++;
      }
    }
  }

  /** The value the reader read, where it differs from the note's; empty when it agrees. */
  private static Optional<String> wrongValue(
      DocumentationElement element, Gold gold, CorpusNote note, NoteReading reading) {
    Double expected = gold.number();
    return switch (element) {
      case BALLOON_DIAMETER -> {
        if (expected == null) {
          yield Optional.empty();
        }
        double max =
            reading.balloonDiametersMmExact().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(-1);
        yield Math.abs(max - expected) < 0.01
            ? Optional.empty()
            : Optional.of("balloon " + reading.balloonDiametersMmExact() + " mm");
      }
      case INFLATION_COUNT -> compare(expected, reading.inflationCount(), "count ");
      case INFLATION_DURATION -> compare(expected, reading.inflationDurationSeconds(), "seconds ");
      case PRE_DILATION_LUMEN -> compare(expected, reading.preDilationLumenMm(), "lumen mm ");
      case POST_DILATION_LUMEN -> compare(expected, reading.postDilationLumenMm(), "lumen mm ");
      case EXTENT_OF_EXAM -> {
        ExamExtent want =
            "complete".equals(note.exam()) ? ExamExtent.COMPLETE : ExamExtent.INCOMPLETE;
        Optional<ExamExtent> got = reading.extent();
        yield got.isPresent() && got.get() != want
            ? Optional.of("extent " + got.get())
            : Optional.empty();
      }
      case SEDATION_TYPE -> {
        SedationType want = sedation(gold.value());
        Optional<SedationType> got = reading.sedationType();
        yield want != null && got.isPresent() && got.get() != want
            ? Optional.of("sedation " + got.get())
            : Optional.empty();
      }
      case COMPLICATIONS -> {
        boolean none = "none".equalsIgnoreCase(String.valueOf(gold.value()));
        yield gold.value() != null && none == reading.complicationsOccurred()
            ? Optional.of(reading.complicationsOccurred() ? "complications occurred" : "none")
            : Optional.empty();
      }
      default -> Optional.empty();
    };
  }

  private static Optional<String> compare(Double expected, OptionalInt got, String label) {
    if (expected == null) {
      return Optional.empty();
    }
    if (got.isEmpty()) {
      return Optional.of(label + "not read");
    }
    return Math.round(expected) == got.getAsInt()
        ? Optional.empty()
        : Optional.of(label + got.getAsInt());
  }

  private static SedationType sedation(Object value) {
    return switch (String.valueOf(value).toLowerCase()) {
      case "moderate" -> SedationType.MODERATE;
      case "deep", "mac", "general" -> SedationType.MAC_OR_ANESTHESIA;
      case "none", "topical" -> SedationType.NONE;
      default -> null;
    };
  }

  private static String describe(Gold gold, CorpusNote note, DocumentationElement element) {
    if (element == DocumentationElement.EXTENT_OF_EXAM) {
      return "extent " + note.exam();
    }
    return "present"
        + (gold.value() == null
            ? ""
            : " " + gold.value() + (gold.unit() == null ? "" : " " + gold.unit()));
  }
}
