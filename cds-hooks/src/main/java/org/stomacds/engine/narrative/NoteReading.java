package org.stomacds.engine.narrative;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * What one procedure note documents: a mention (with the note's own words) per element, and the
 * values the rules need. Immutable.
 *
 * <p>Sizes are read in millimetres ("1 cm" is 10). The integer views round half up ("16.5" gives
 * 17); the exact values are kept in {@link #balloonDiametersMmExact()}. When a note states a value
 * more than once (an inflation count, a duration, a lumen), the first statement in note order is
 * the one returned.
 */
public final class NoteReading {

  static final NoteReading EMPTY = new Builder().build();

  private final List<ElementMention> mentions;
  private final Map<DocumentationElement, ElementMention> best;
  private final List<Double> balloonExact;
  private final List<Integer> balloon;
  private final Integer inflationCount;
  private final Integer inflationSeconds;
  private final Integer sedationMinutes;
  private final LocalTime sedationStart;
  private final LocalTime sedationStop;
  private final SedationType sedationType;
  private final ExamExtent extent;
  private final String incompleteReason;
  private final boolean discontinued;
  private final DiscontinuedAt discontinuedAt;
  private final boolean complicationsOccurred;
  private final int distinctStrictures;
  private final Double preLumen;
  private final Double postLumen;

  private NoteReading(Builder b) {
    this.mentions = List.copyOf(b.mentions);
    Map<DocumentationElement, ElementMention> chosen = new EnumMap<>(DocumentationElement.class);
    for (ElementMention m : mentions) {
      ElementMention current = chosen.get(m.element());
      if (current == null || (current.negated() && !m.negated())) {
        chosen.put(m.element(), m);
      }
    }
    // A value's own evidence (the sentence that decided the extent, say) beats the first mention.
    for (Map.Entry<DocumentationElement, ElementMention> e : b.preferred.entrySet()) {
      ElementMention current = chosen.get(e.getKey());
      if (current == null || current.negated() || !e.getValue().negated()) {
        chosen.put(e.getKey(), e.getValue());
      }
    }
    this.best = Collections.unmodifiableMap(chosen);
    this.balloonExact = List.copyOf(new LinkedHashSet<>(b.balloon));
    List<Integer> rounded = new ArrayList<>();
    for (double d : balloonExact) {
      int r = (int) Math.round(d);
      if (!rounded.contains(r)) {
        rounded.add(r);
      }
    }
    this.balloon = List.copyOf(rounded);
    this.inflationCount = b.inflationCount;
    this.inflationSeconds = b.inflationSeconds;
    this.sedationMinutes = b.sedationMinutes;
    this.sedationStart = b.sedationStart;
    this.sedationStop = b.sedationStop;
    this.sedationType = b.sedationType;
    this.extent = b.extent;
    this.incompleteReason = b.incompleteReason;
    this.discontinued = b.discontinued;
    this.discontinuedAt = b.discontinuedAt;
    this.complicationsOccurred = b.complicationsOccurred;
    this.distinctStrictures = b.distinctStrictures;
    this.preLumen = b.preLumen;
    this.postLumen = b.postLumen;
  }

  /** The best mention of the element: a documenting one wins over a negated one. */
  public Optional<ElementMention> mention(DocumentationElement e) {
    return Optional.ofNullable(best.get(e));
  }

  /** Whether the note documents the element (mentioned and not negated). */
  public boolean documents(DocumentationElement e) {
    ElementMention m = best.get(e);
    return m != null && !m.negated();
  }

  /** Every mention, in note order. */
  public List<ElementMention> mentions() {
    return mentions;
  }

  /** Every balloon diameter stated, in millimetres, rounded half up, first statement first. */
  public List<Integer> balloonDiametersMm() {
    return balloon;
  }

  /** Every balloon diameter stated, in millimetres, as written ("16.5" stays 16.5). */
  public List<Double> balloonDiametersMmExact() {
    return balloonExact;
  }

  public OptionalInt maxBalloonDiameterMm() {
    return balloon.stream().mapToInt(Integer::intValue).max();
  }

  public OptionalInt inflationCount() {
    return optional(inflationCount);
  }

  /** How long each inflation was held, in seconds. */
  public OptionalInt inflationDurationSeconds() {
    return optional(inflationSeconds);
  }

  /** Intraservice sedation minutes: as stated, else from the start and stop times. */
  public OptionalInt sedationIntraserviceMinutes() {
    return optional(sedationMinutes);
  }

  public Optional<LocalTime> sedationStart() {
    return Optional.ofNullable(sedationStart);
  }

  public Optional<LocalTime> sedationStop() {
    return Optional.ofNullable(sedationStop);
  }

  public Optional<SedationType> sedationType() {
    return Optional.ofNullable(sedationType);
  }

  public Optional<ExamExtent> extent() {
    return Optional.ofNullable(extent);
  }

  /** Why the exam was incomplete, in the note's words, when it says. */
  public Optional<String> incompleteReason() {
    return Optional.ofNullable(incompleteReason);
  }

  /** Whether the note says the procedure was stopped (aborted, discontinued, cancelled). */
  public boolean procedureDiscontinued() {
    return discontinued;
  }

  /** When a stopped procedure was stopped, when the note says or shows it. */
  public Optional<DiscontinuedAt> discontinuedAt() {
    return Optional.ofNullable(discontinuedAt);
  }

  /** Whether a complication happened (bleeding, a tear, a perforation...). */
  public boolean complicationsOccurred() {
    return complicationsOccurred;
  }

  /** How many distinct strictures the note describes (0 when it names none). */
  public int distinctStrictureCount() {
    return distinctStrictures;
  }

  public boolean fluoroscopyUsed() {
    return documents(DocumentationElement.FLUOROSCOPY);
  }

  /** The lumen before dilation in millimetres, rounded half up, when a size is stated. */
  public OptionalInt preDilationLumenMm() {
    return preLumen == null ? OptionalInt.empty() : OptionalInt.of((int) Math.round(preLumen));
  }

  /** The lumen after dilation in millimetres, rounded half up, when a size is stated. */
  public OptionalInt postDilationLumenMm() {
    return postLumen == null ? OptionalInt.empty() : OptionalInt.of((int) Math.round(postLumen));
  }

  private static OptionalInt optional(Integer v) {
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  @Override
  public String toString() {
    // Element ids and values only: a note is PHI and must not end up in logs through toString.
    StringBuilder sb = new StringBuilder("NoteReading[");
    for (DocumentationElement e : DocumentationElement.values()) {
      ElementMention m = best.get(e);
      if (m != null) {
        sb.append(e.id()).append(m.negated() ? "=negated " : "=documented ");
      }
    }
    sb.append("balloon=").append(balloonExact);
    sb.append(" extent=").append(extent).append(" sedation=").append(sedationType);
    return sb.append(']').toString();
  }

  /** Collects a reading; used by the reader only. */
  static final class Builder {
    final List<ElementMention> mentions = new ArrayList<>();
    final Map<DocumentationElement, ElementMention> preferred =
        new EnumMap<>(DocumentationElement.class);
    final List<Double> balloon = new ArrayList<>();
    Integer inflationCount;
    Integer inflationSeconds;
    Integer sedationMinutes;
    LocalTime sedationStart;
    LocalTime sedationStop;
    SedationType sedationType;
    ExamExtent extent;
    String incompleteReason;
    boolean discontinued;
    DiscontinuedAt discontinuedAt;
    boolean complicationsOccurred;
    int distinctStrictures;
    Double preLumen;
    Double postLumen;

    NoteReading build() {
      mentions.sort(
          (a, b) ->
              a.start() != b.start()
                  ? Integer.compare(a.start(), b.start())
                  : a.element().compareTo(b.element()));
      return new NoteReading(this);
    }
  }
}
