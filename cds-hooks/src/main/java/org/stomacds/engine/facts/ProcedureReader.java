package org.stomacds.engine.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;

/**
 * Reads a Procedure of the subject code into {@link ProcedureFacts}: status, times, performers, its
 * documentation, setting, coverage and the global periods it falls in. Each Procedure is read once
 * per extraction, whether asked about directly or through a claim.
 */
final class ProcedureReader {

  private final ResourceIndex index;
  private final DocumentationReader documentation;
  private final SettingReader settings;
  private final CaseCoverages coverages;
  private final ProviderKeys providers;
  private final PriorProcedureReader priors;
  private final Map<Procedure, ProcedureFacts> read = new IdentityHashMap<>();

  ProcedureReader(
      ResourceIndex index,
      DocumentationReader documentation,
      SettingReader settings,
      CaseCoverages coverages,
      ProviderKeys providers,
      PriorProcedureReader priors) {
    this.index = index;
    this.documentation = documentation;
    this.settings = settings;
    this.coverages = coverages;
    this.providers = providers;
    this.priors = priors;
  }

  ProcedureFacts of(Procedure procedure) {
    ProcedureFacts facts = read.get(procedure);
    if (facts == null) {
      facts = read(procedure);
      read.put(procedure, facts);
    }
    return facts;
  }

  private ProcedureFacts read(Procedure procedure) {
    String patient = ResourceIndex.key(procedure.getSubject());
    LocalDate date = FhirValues.day(procedure.getPerformed());
    Instant start = null;
    Instant end = null;
    if (procedure.hasPerformedPeriod()) {
      Period period = procedure.getPerformedPeriod();
      start = FhirValues.instant(period.getStartElement());
      end = FhirValues.instant(period.getEndElement());
    } else if (procedure.hasPerformedDateTimeType()) {
      start = FhirValues.instant(procedure.getPerformedDateTimeType());
    }
    Encounter encounter = index.resolve(procedure.getEncounter(), procedure, Encounter.class);
    Set<String> performers = providers.performers(procedure);
    return new ProcedureFacts(
        ResourceIndex.ref(procedure),
        procedure.getStatus() == null ? null : procedure.getStatus().toCode(),
        date,
        start,
        end,
        ResourceIndex.key(procedure.getEncounter()),
        performers,
        documentation.of(procedure),
        settings.ofEncounter(encounter),
        coverages.ofPatient(patient),
        priors.covering(date, patient));
  }
}
