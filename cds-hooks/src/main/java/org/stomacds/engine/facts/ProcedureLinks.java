package org.stomacds.engine.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * How other resources name a Procedure: by reference, by its encounter, by its order, or by a time
 * inside its performed period. The period is the one of {@code performedPeriod} (both ends with a
 * time), else the day of {@code performed[x]}.
 */
final class ProcedureLinks {

  /** Whether a time lies in the period: inside, outside, or not comparable (a time is missing). */
  enum Within {
    INSIDE,
    OUTSIDE,
    UNKNOWN
  }

  final String ref;
  final String encounter;
  final String subject;
  final List<String> orders = new ArrayList<>(1);
  private final Instant start;
  private final Instant end;
  private final LocalDate day;

  ProcedureLinks(Procedure procedure) {
    this.ref = ResourceIndex.ref(procedure);
    this.encounter = ResourceIndex.key(procedure.getEncounter());
    this.subject = ResourceIndex.key(procedure.getSubject());
    for (Reference order : procedure.getBasedOn()) {
      String key = ResourceIndex.key(order);
      if (key != null) {
        orders.add(key);
      }
    }
    Instant s = null;
    Instant e = null;
    if (procedure.hasPerformedPeriod()) {
      Period period = procedure.getPerformedPeriod();
      s = FhirValues.instant(period.getStartElement());
      e = FhirValues.instant(period.getEndElement());
    }
    this.start = s;
    this.end = s == null ? null : e;
    this.day = FhirValues.day(procedure.getPerformed());
  }

  /** Whether any of the references names the procedure. */
  boolean named(List<Reference> references) {
    return DocumentationReader.namesAny(references, ref);
  }

  /** Whether any of the references names the procedure or the order it carries out. */
  boolean namedOrOrdered(List<Reference> references) {
    return named(references) || DocumentationReader.namesAny(references, orders);
  }

  boolean sameEncounter(Reference reference) {
    return encounter != null && encounter.equals(ResourceIndex.key(reference));
  }

  boolean sameEncounter(List<Reference> references) {
    return DocumentationReader.namesAny(references, encounter);
  }

  boolean sameSubject(Reference reference) {
    return subject != null && subject.equals(ResourceIndex.key(reference));
  }

  /** Whether a dateTime, instant or period lies in the procedure's performed period. */
  Within within(Type time) {
    Instant at = null;
    LocalDate atDay = FhirValues.day(time);
    if (time instanceof BaseDateTimeType date) {
      at = FhirValues.instant(date);
    } else if (time instanceof Period period) {
      at = FhirValues.instant(period.getStartElement());
    }
    if (start != null && end != null && at != null) {
      return at.isBefore(start) || at.isAfter(end) ? Within.OUTSIDE : Within.INSIDE;
    }
    if (day != null && atDay != null) {
      return day.equals(atDay) ? Within.INSIDE : Within.OUTSIDE;
    }
    return Within.UNKNOWN;
  }
}
