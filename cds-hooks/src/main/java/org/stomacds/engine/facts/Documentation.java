package org.stomacds.engine.facts;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Evidence;

/**
 * What the documentation of a procedure says, from its structured elements, our extension, devices,
 * Observations and template answers, and its notes. Each documented element keeps the evidence it
 * was found in, and each measured value where it was stated.
 */
public final class Documentation {

  /** Documentation of a case that has none. */
  public static final Documentation NONE = new Builder().build();

  private final Map<DocumentationElement, List<Evidence>> documented;
  private final Map<DocumentationElement, List<Evidence>> mentionedOnly;
  private final List<UnreadableNote> unreadableNotes;
  private final List<String> sources;
  private final List<StatedValue> stated;
  private final int textsRead;
  private final Integer balloonDiameterMm;
  private final Integer inflationCount;
  private final Integer inflationDurationSeconds;
  private final Integer sedationMinutes;
  private final Integer preDilationLumenMm;
  private final Integer postDilationLumenMm;
  private final SedationKind sedationKind;
  private final ExamExtent extent;
  private final String incompleteReason;
  private final Discontinuation discontinuation;
  private final boolean complicationsOccurred;
  private final int distinctStrictures;
  private final boolean fluoroscopyUsed;
  private final Map<String, List<Evidence>> cues;
  private final PerformedService service;

  private Documentation(Builder b) {
    this.documented = Collections.unmodifiableMap(new EnumMap<>(b.documented));
    this.mentionedOnly = Collections.unmodifiableMap(new EnumMap<>(b.mentionedOnly));
    this.unreadableNotes = List.copyOf(b.unreadableNotes);
    this.sources = List.copyOf(b.sources);
    this.stated = List.copyOf(b.stated);
    this.textsRead = b.textsRead;
    this.balloonDiameterMm = b.balloonDiameterMm;
    this.inflationCount = b.inflationCount;
    this.inflationDurationSeconds = b.inflationDurationSeconds;
    this.sedationMinutes = b.sedationMinutes;
    this.preDilationLumenMm = b.preDilationLumenMm;
    this.postDilationLumenMm = b.postDilationLumenMm;
    this.sedationKind = b.sedationKind;
    this.extent = b.extent;
    this.incompleteReason = b.incompleteReason;
    this.discontinuation = b.discontinuation;
    this.complicationsOccurred = b.complicationsOccurred;
    this.distinctStrictures = b.distinctStrictures;
    this.fluoroscopyUsed = b.fluoroscopyUsed;
    this.cues = Map.copyOf(b.cues);
    this.service = b.service;
  }

  /** Whether the element is documented (a negated mention such as "size not recorded" is not). */
  public boolean documents(DocumentationElement element) {
    return documented.containsKey(element);
  }

  /** Where the element is documented; empty when it is not. */
  public List<Evidence> evidence(DocumentationElement element) {
    return documented.getOrDefault(element, List.of());
  }

  /** A mention that documents nothing ("balloon size not recorded"), when that is all there is. */
  public List<Evidence> mentionedWithoutDocumenting(DocumentationElement element) {
    return mentionedOnly.getOrDefault(element, List.of());
  }

  /** Notes that could not be read (PDF, images) and have no readable alternative. */
  public List<UnreadableNote> unreadableNotes() {
    return unreadableNotes;
  }

  /** The resources the documentation was read from (Procedure, DocumentReferences, ...). */
  public List<String> sources() {
    return sources;
  }

  /**
   * Every value stated for a measured element (sizes, counts, durations), structured and from
   * notes, in reading order: structured sources first. Empty when none.
   */
  public List<StatedValue> statedValues(DocumentationElement element) {
    List<StatedValue> out = new java.util.ArrayList<>(2);
    for (StatedValue value : stated) {
      if (value.element() == element) {
        out.add(value);
      }
    }
    return out;
  }

  /** How many note texts were read. */
  public int textsRead() {
    return textsRead;
  }

  /** Whether anything at all documents the procedure (a note, or a structured element). */
  public boolean any() {
    return textsRead > 0 || !documented.isEmpty() || !unreadableNotes.isEmpty();
  }

  public OptionalInt balloonDiameterMm() {
    return optional(balloonDiameterMm);
  }

  public OptionalInt inflationCount() {
    return optional(inflationCount);
  }

  public OptionalInt inflationDurationSeconds() {
    return optional(inflationDurationSeconds);
  }

  /** Intraservice time of moderate sedation, in minutes. */
  public OptionalInt sedationMinutes() {
    return optional(sedationMinutes);
  }

  public OptionalInt preDilationLumenMm() {
    return optional(preDilationLumenMm);
  }

  public OptionalInt postDilationLumenMm() {
    return optional(postDilationLumenMm);
  }

  public Optional<SedationKind> sedationKind() {
    return Optional.ofNullable(sedationKind);
  }

  public Optional<ExamExtent> extent() {
    return Optional.ofNullable(extent);
  }

  public Optional<String> incompleteReason() {
    return Optional.ofNullable(incompleteReason);
  }

  public Optional<Discontinuation> discontinuation() {
    return Optional.ofNullable(discontinuation);
  }

  public boolean complicationsOccurred() {
    return complicationsOccurred;
  }

  /** How many distinct strictures or sites the documentation describes (0 when it does not say). */
  public int distinctStrictures() {
    return distinctStrictures;
  }

  public boolean fluoroscopyUsed() {
    return fluoroscopyUsed;
  }

  /**
   * Where the documentation states a fact of what was done, as {@code fact=value} of {@code
   * narrative/service-facts.yaml} (such as {@code lesion=biopsied-then-removed}); empty when it
   * does not.
   */
  public List<Evidence> cue(String id) {
    return cues.getOrDefault(id, List.of());
  }

  /** What was done, as far as it decides the code (route, anatomy, dilation, stent...). */
  public PerformedService service() {
    return service;
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  /** Collects documentation from several sources; the first value found for a measure is kept. */
  static final class Builder {
    private final EnumMap<DocumentationElement, List<Evidence>> documented =
        new EnumMap<>(DocumentationElement.class);
    private final EnumMap<DocumentationElement, List<Evidence>> mentionedOnly =
        new EnumMap<>(DocumentationElement.class);
    private final List<UnreadableNote> unreadableNotes = new java.util.ArrayList<>(0);
    private final List<String> sources = new java.util.ArrayList<>(2);
    private final List<StatedValue> stated = new java.util.ArrayList<>(2);
    private int textsRead;
    private Integer balloonDiameterMm;
    private Integer inflationCount;
    private Integer inflationDurationSeconds;
    private Integer sedationMinutes;
    private Integer preDilationLumenMm;
    private Integer postDilationLumenMm;
    private SedationKind sedationKind;
    private ExamExtent extent;
    private String incompleteReason;
    private Discontinuation discontinuation;
    private boolean complicationsOccurred;
    private int distinctStrictures;
    private boolean fluoroscopyUsed;
    private final Map<String, List<Evidence>> cues = new java.util.LinkedHashMap<>(0);

    Builder cue(String id, Evidence evidence) {
      cues.computeIfAbsent(id, k -> new java.util.ArrayList<>(1)).add(evidence);
      return this;
    }

    private PerformedService service = PerformedService.UNKNOWN;

    Builder documented(DocumentationElement element, Evidence evidence) {
      List<Evidence> list = documented.computeIfAbsent(element, e -> new java.util.ArrayList<>(1));
      if (!list.contains(evidence)) {
        list.add(evidence);
      }
      mentionedOnly.remove(element);
      return this;
    }

    Builder mentionedOnly(DocumentationElement element, Evidence evidence) {
      if (!documented.containsKey(element)) {
        mentionedOnly.computeIfAbsent(element, e -> new java.util.ArrayList<>(1)).add(evidence);
      }
      return this;
    }

    Builder unreadable(UnreadableNote note) {
      unreadableNotes.add(note);
      return this;
    }

    Builder source(String resource) {
      if (resource != null && !sources.contains(resource)) {
        sources.add(resource);
      }
      return this;
    }

    /** A value stated for a measured element; the same value from the same place is kept once. */
    Builder stated(StatedValue value) {
      if (!stated.contains(value)) {
        stated.add(value);
      }
      return this;
    }

    Builder textRead() {
      textsRead++;
      return this;
    }

    Builder balloonDiameterMm(int value) {
      if (balloonDiameterMm == null || value > balloonDiameterMm) {
        balloonDiameterMm = value;
      }
      return this;
    }

    Builder inflationCount(int value) {
      if (inflationCount == null) {
        inflationCount = value;
      }
      return this;
    }

    Builder inflationDurationSeconds(int value) {
      if (inflationDurationSeconds == null) {
        inflationDurationSeconds = value;
      }
      return this;
    }

    Builder sedationMinutes(int value) {
      if (sedationMinutes == null) {
        sedationMinutes = value;
      }
      return this;
    }

    Builder preDilationLumenMm(int value) {
      if (preDilationLumenMm == null) {
        preDilationLumenMm = value;
      }
      return this;
    }

    Builder postDilationLumenMm(int value) {
      if (postDilationLumenMm == null) {
        postDilationLumenMm = value;
      }
      return this;
    }

    Builder sedationKind(SedationKind value) {
      if (sedationKind == null || value == SedationKind.MAC_OR_ANESTHESIA) {
        sedationKind = value;
      }
      return this;
    }

    /** An incomplete exam anywhere wins: a note that says so is what a payer reads. */
    Builder extent(ExamExtent value) {
      if (extent == null || value == ExamExtent.INCOMPLETE) {
        extent = value;
      }
      return this;
    }

    Builder incompleteReason(String value) {
      if (incompleteReason == null) {
        incompleteReason = value;
      }
      return this;
    }

    Builder discontinuation(Discontinuation value) {
      if (discontinuation == null) {
        discontinuation = value;
      }
      return this;
    }

    Builder complicationsOccurred() {
      complicationsOccurred = true;
      return this;
    }

    Builder distinctStrictures(int value) {
      distinctStrictures = Math.max(distinctStrictures, value);
      return this;
    }

    Builder fluoroscopyUsed() {
      fluoroscopyUsed = true;
      return this;
    }

    /** What another source says was done; what is already known is kept. */
    Builder service(PerformedService value) {
      service = service.or(value);
      return this;
    }

    Documentation build() {
      return new Documentation(this);
    }
  }
}
