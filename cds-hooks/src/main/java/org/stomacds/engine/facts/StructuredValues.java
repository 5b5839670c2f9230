package org.stomacds.engine.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.findings.Evidence;

/**
 * What one recorded value of a documentation element documents, whatever its FHIR type: a Quantity
 * (UCUM units), an integer or decimal (the unit from the label), a string ("18 mm"), a coded or
 * boolean answer, a time or a period. Shared by our extension, Observations and template answers.
 *
 * <p>Plausible ranges keep numbers that are not the measure out: a balloon is 4 to 40 mm across, a
 * lumen at most 40 mm, a count 1 to 20, a hold 1 to 600 seconds.
 */
final class StructuredValues {

  private StructuredValues() {}

  /**
   * Sedation start and stop times read from separate entries, paired when both are seen: two
   * dateTimes, else two times of day (a dateTime and a bare time are not compared: the zone of the
   * bare time is unknown).
   */
  static final class SedationClock {
    private Instant startInstant;
    private Instant stopInstant;
    private LocalTime startTime;
    private LocalTime stopTime;
    private Evidence evidence;

    void start(Object time, Evidence where) {
      if (time instanceof Instant i && startInstant == null) {
        startInstant = i;
      } else if (time instanceof LocalTime t && startTime == null) {
        startTime = t;
      }
      if (evidence == null) {
        evidence = where;
      }
    }

    void stop(Object time) {
      if (time instanceof Instant i && stopInstant == null) {
        stopInstant = i;
      } else if (time instanceof LocalTime t && stopTime == null) {
        stopTime = t;
      }
    }

    /** Gives the builder the minutes between start and stop, when both are known. */
    void close(Documentation.Builder b) {
      long minutes = -1;
      if (startInstant != null && stopInstant != null && !stopInstant.isBefore(startInstant)) {
        minutes = java.time.Duration.between(startInstant, stopInstant).toMinutes();
      } else if (startTime != null && stopTime != null && !stopTime.isBefore(startTime)) {
        minutes = java.time.Duration.between(startTime, stopTime).toMinutes();
      }
      if (minutes >= 0) {
        b.sedationMinutes((int) minutes);
        b.stated(
            new StatedValue(DocumentationElement.SEDATION_TIMES, minutes, "min", evidence, false));
      }
    }
  }

  /**
   * Reads the values recorded for an element.
   *
   * @param match the element (and part, for sedation times)
   * @param values the values; empty reads as a mention that documents nothing
   * @param unitHint the unit the label names ("" when none)
   * @param evidence where the values are
   */
  static void read(
      DocumentationLabels.Match match,
      List<? extends Type> values,
      String unitHint,
      Evidence evidence,
      Documentation.Builder b,
      SedationClock clock) {
    DocumentationElement element = match.element();
    List<Type> present = new ArrayList<>(values.size());
    for (Type value : values) {
      if (value != null && !value.isEmpty()) {
        present.add(value);
      }
    }
    if (present.isEmpty()) {
      b.mentionedOnly(element, evidence);
      return;
    }
    boolean documented = false;
    for (Type value : present) {
      documented |= one(match, value, unitHint, evidence, b, clock);
    }
    if (documented) {
      b.documented(element, evidence);
    } else {
      b.mentionedOnly(element, evidence);
    }
  }

  /** One value; true when it documents the element. */
  private static boolean one(
      DocumentationLabels.Match match,
      Type value,
      String unitHint,
      Evidence evidence,
      Documentation.Builder b,
      SedationClock clock) {
    DocumentationElement element = match.element();
    String text = FhirValues.words(value).toLowerCase(Locale.ROOT).strip();
    Boolean bool = bool(value);
    switch (element) {
      case BALLOON_DIAMETER -> {
        boolean any = false;
        for (Amounts.Amount amount : amounts(value, unitHint)) {
          double mm = Amounts.millimetres(amount);
          if (mm >= 4 && mm <= 40) {
            b.balloonDiameterMm((int) Math.round(mm));
            b.stated(new StatedValue(element, round(mm), "mm", evidence, false));
            any = true;
          }
        }
        return any;
      }
      case INFLATION_COUNT -> {
        for (Amounts.Amount amount : amounts(value, "")) {
          int count = Amounts.count(amount);
          if (count >= 1 && count <= 20) {
            b.inflationCount(count);
            b.stated(new StatedValue(element, count, "count", evidence, false));
            return true;
          }
        }
        return false;
      }
      case INFLATION_DURATION -> {
        for (Amounts.Amount amount : amounts(value, unitHint)) {
          double seconds = Amounts.seconds(amount);
          if (seconds >= 1 && seconds <= 600) {
            b.inflationDurationSeconds((int) Math.round(seconds));
            b.stated(new StatedValue(element, round(seconds), "s", evidence, false));
            return true;
          }
        }
        return false;
      }
      case PRE_DILATION_LUMEN, POST_DILATION_LUMEN -> {
        for (Amounts.Amount amount : amounts(value, unitHint)) {
          double mm = Amounts.millimetres(amount);
          if (mm >= 0 && mm <= 40) {
            int rounded = (int) Math.round(mm);
            if (element == DocumentationElement.PRE_DILATION_LUMEN) {
              b.preDilationLumenMm(rounded);
            } else {
              b.postDilationLumenMm(rounded);
            }
            b.stated(new StatedValue(element, round(mm), "mm", evidence, false));
            break;
          }
        }
        return !text.isEmpty();
      }
      case SEDATION_TIMES -> {
        return sedationTime(match.part(), value, unitHint, evidence, b, clock);
      }
      case SEDATION_TYPE -> {
        SedationKind kind = sedationKind(text);
        if (kind != null) {
          b.sedationKind(kind);
        }
        return true;
      }
      case EXTENT_OF_EXAM -> {
        boolean incomplete =
            Boolean.FALSE.equals(bool)
                || text.contains("incomplete")
                || text.contains("not reached")
                || text.contains("discontinued");
        b.extent(incomplete ? ExamExtent.INCOMPLETE : ExamExtent.COMPLETE);
        return true;
      }
      case COMPLICATIONS -> {
        if (!Boolean.FALSE.equals(bool) && !isNone(text)) {
          b.complicationsOccurred();
        }
        return true;
      }
      case FLUOROSCOPY -> {
        if (!Boolean.FALSE.equals(bool) && !isNone(text)) {
          b.fluoroscopyUsed();
        }
        return true;
      }
      case DISTINCT_STRICTURE -> {
        int count = FhirValues.count(value);
        b.distinctStrictures(count > 0 ? count : (Boolean.FALSE.equals(bool) ? 1 : 2));
        return true;
      }
      case ROUTE_THROUGH_STOMA -> {
        // "Scope inserted through the stoma: No" says the route was not through the stoma.
        return !Boolean.FALSE.equals(bool) && !text.equals("no");
      }
      default -> {
        return !text.isEmpty();
      }
    }
  }

  private static boolean sedationTime(
      String part,
      Type value,
      String unitHint,
      Evidence evidence,
      Documentation.Builder b,
      SedationClock clock) {
    if (value instanceof Period period) {
      int minutes = FhirValues.minutes(period);
      if (minutes >= 0) {
        b.sedationMinutes(minutes);
        b.stated(
            new StatedValue(DocumentationElement.SEDATION_TIMES, minutes, "min", evidence, false));
      }
      return true;
    }
    if (part.equals("start") || part.equals("stop")) {
      Object time = time(value);
      if (time == null) {
        return false;
      }
      if (part.equals("start")) {
        clock.start(time, evidence);
      } else {
        clock.stop(time);
      }
      return true;
    }
    String hint = unitHint.isEmpty() && part.equals("minutes") ? "min" : unitHint;
    for (Amounts.Amount amount : amounts(value, hint)) {
      double minutes =
          value instanceof Quantity || !amount.unit().isEmpty()
              ? Amounts.minutes(amount)
              : amount.number();
      if (minutes >= 0 && minutes <= 600) {
        b.sedationMinutes((int) Math.round(minutes));
        b.stated(
            new StatedValue(
                DocumentationElement.SEDATION_TIMES, round(minutes), "min", evidence, false));
        return true;
      }
    }
    return false;
  }

  /** The amounts of a value; a bare number takes the label's unit. */
  static List<Amounts.Amount> amounts(Type value, String unitHint) {
    if (value instanceof Quantity quantity) {
      BigDecimal number = quantity.getValue();
      if (number == null) {
        return List.of();
      }
      String unit = Amounts.unit(quantity.hasCode() ? quantity.getCode() : quantity.getUnit());
      if (unit.isEmpty() && !quantity.hasCode() && !quantity.hasUnit()) {
        unit = unitHint;
      }
      return List.of(new Amounts.Amount(number.doubleValue(), unit));
    }
    if (value instanceof IntegerType integer && integer.getValue() != null) {
      return List.of(new Amounts.Amount(integer.getValue(), unitHint));
    }
    if (value instanceof DecimalType decimal && decimal.getValue() != null) {
      return List.of(new Amounts.Amount(decimal.getValue().doubleValue(), unitHint));
    }
    if (value instanceof StringType
        || value instanceof CodeableConcept
        || value instanceof Coding) {
      List<Amounts.Amount> out = new ArrayList<>();
      for (Amounts.Amount amount : Amounts.parse(FhirValues.words(value))) {
        out.add(amount.unit().isEmpty() ? new Amounts.Amount(amount.number(), unitHint) : amount);
      }
      return out;
    }
    return List.of();
  }

  /** An Instant (a dateTime with a time) or a LocalTime (a time, or "09:02" as text), or null. */
  private static Object time(Type value) {
    if (value instanceof BaseDateTimeType date) {
      return FhirValues.instant(date);
    }
    String text =
        value instanceof TimeType time ? time.getValue() : FhirValues.words(value).strip();
    if (text == null) {
      return null;
    }
    String t =
        text.length() == 4 && text.chars().allMatch(Character::isDigit)
            ? text.substring(0, 2) + ":" + text.substring(2)
            : text;
    try {
      return LocalTime.parse(t.length() == 4 ? "0" + t : t);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** true or false for a boolean, or a coded or written yes or no; else null. */
  static Boolean bool(Type value) {
    if (value instanceof BooleanType bool) {
      return bool.getValue();
    }
    if (value instanceof CodeableConcept
        || value instanceof Coding
        || value instanceof StringType) {
      String text = FhirValues.words(value).strip().toLowerCase(Locale.ROOT);
      if (text.equals("yes") || text.equals("y") || text.equals("true")) {
        return Boolean.TRUE;
      }
      if (text.equals("no") || text.equals("n") || text.equals("false")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }

  private static boolean isNone(String text) {
    return text.equals("none")
        || text.equals("no")
        || text.equals("n")
        || text.startsWith("no ")
        || text.startsWith("none ");
  }

  static SedationKind sedationKind(String text) {
    if (text.contains("moderate") || text.contains("conscious")) {
      return SedationKind.MODERATE;
    }
    if (text.contains("mac")
        || text.contains("monitored")
        || text.contains("general")
        || text.contains("anesthe")
        || text.contains("anaesthe")
        || text.contains("deep")) {
      return SedationKind.MAC_OR_ANESTHESIA;
    }
    if (text.equals("none") || text.startsWith("no ")) {
      return SedationKind.NONE;
    }
    return null;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
