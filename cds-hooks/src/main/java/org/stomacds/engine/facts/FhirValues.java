package org.stomacds.engine.facts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/** Small readers of FHIR datatypes, shared by the fact readers. */
final class FhirValues {

  private FhirValues() {}

  /** The calendar day of a date or dateTime as written (no time-zone shift); null if partial. */
  static LocalDate day(BaseDateTimeType value) {
    if (value == null || !value.hasValue()) {
      return null;
    }
    String text = value.getValueAsString();
    if (text == null || text.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The first day of a date, dateTime or Period, or null. */
  static LocalDate day(Type value) {
    if (value instanceof BaseDateTimeType date) {
      return day(date);
    }
    if (value instanceof Period period) {
      return day(period.getStartElement());
    }
    return null;
  }

  static Instant instant(BaseDateTimeType value) {
    if (value == null || !value.hasValue() || value.getPrecision() == null) {
      return null;
    }
    return switch (value.getPrecision()) {
      case MINUTE, SECOND, MILLI -> value.getValue().toInstant();
      default -> null;
    };
  }

  /** Whole minutes of a period with both ends given as times, or -1. */
  static int minutes(Period period) {
    if (period == null) {
      return -1;
    }
    Instant start = instant(period.getStartElement());
    Instant end = instant(period.getEndElement());
    if (start == null || end == null || end.isBefore(start)) {
      return -1;
    }
    return (int) Duration.between(start, end).toMinutes();
  }

  /** The code of the first coding whose system is one of ours for procedures (or has none). */
  static String procedureCode(CodeableConcept concept) {
    if (concept == null) {
      return null;
    }
    for (Coding coding : concept.getCoding()) {
      // a client's "coding": [null] parses to a null element, and a code with only an extension
      // (a data-absent reason) has no value
      String code = coding == null ? null : coding.getCode();
      if (code != null
          && !code.isBlank()
          && (!coding.hasSystem() || CodeSystems.isProcedureCodeSystem(coding.getSystem()))) {
        return code.strip().toUpperCase(java.util.Locale.ROOT);
      }
    }
    return null;
  }

  static boolean hasCoding(CodeableConcept concept, String system, String code) {
    if (concept == null) {
      return false;
    }
    for (Coding coding : concept.getCoding()) {
      if (coding != null && system.equals(coding.getSystem()) && code.equals(coding.getCode())) {
        return true;
      }
    }
    return false;
  }

  static boolean hasCoding(List<CodeableConcept> concepts, String system, String code) {
    for (CodeableConcept concept : concepts) {
      if (hasCoding(concept, system, code)) {
        return true;
      }
    }
    return false;
  }

  /** What a person would read for a concept: its text, else a display, else a code. */
  static String words(CodeableConcept concept) {
    if (concept == null) {
      return "";
    }
    if (concept.hasText()) {
      return concept.getText();
    }
    for (Coding coding : concept.getCoding()) {
      if (coding.hasDisplay()) {
        return coding.getDisplay();
      }
    }
    for (Coding coding : concept.getCoding()) {
      if (coding.hasCode()) {
        return coding.getCode();
      }
    }
    return "";
  }

  /** A value as text for evidence ("18 mm", "true", "10:02–10:19"). */
  static String words(Type value) {
    if (value == null) {
      return "";
    }
    if (value instanceof CodeableConcept concept) {
      return words(concept);
    }
    if (value instanceof Coding coding) {
      return coding.hasDisplay() ? coding.getDisplay() : String.valueOf(coding.getCode());
    }
    if (value instanceof Quantity quantity) {
      String unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
      BigDecimal number = quantity.getValue();
      return (number == null ? "" : number.stripTrailingZeros().toPlainString())
          + (unit == null ? "" : " " + unit);
    }
    if (value instanceof Period period) {
      return period.getStartElement().getValueAsString()
          + " to "
          + period.getEndElement().getValueAsString();
    }
    if (value instanceof Reference reference) {
      return reference.hasDisplay() ? reference.getDisplay() : reference.getReference();
    }
    if (value instanceof PrimitiveType<?> primitive) {
      return primitive.getValueAsString();
    }
    return value.fhirType();
  }

  /** A whole number from an integer or a unit-less quantity, or -1. */
  static int count(Type value) {
    if (value instanceof IntegerType integer && integer.getValue() != null) {
      return integer.getValue();
    }
    if (value instanceof Quantity quantity && quantity.getValue() != null) {
      return quantity.getValue().intValue();
    }
    return -1;
  }
}
