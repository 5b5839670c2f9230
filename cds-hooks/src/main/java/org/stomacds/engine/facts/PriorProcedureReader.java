package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Procedure;

/**
 * The patient's earlier procedures whose global surgical period covers a date of service (the
 * global-period rules ask whether a 44405 falls inside another procedure's package).
 */
final class PriorProcedureReader {

  private final ResourceIndex index;
  private final FactExtractor.GlobalDays globalDays;
  private final ProviderKeys providers;

  PriorProcedureReader(
      ResourceIndex index, FactExtractor.GlobalDays globalDays, ProviderKeys providers) {
    this.index = index;
    this.globalDays = globalDays;
    this.providers = providers;
  }

  /** Completed procedures of the patient before {@code date} whose global period covers it. */
  List<PriorProcedure> covering(LocalDate date, String patient) {
    if (date == null) {
      return List.of();
    }
    List<PriorProcedure> prior = new ArrayList<>(0);
    for (Procedure procedure : index.procedures) {
      if (procedure.getStatus() != Procedure.ProcedureStatus.COMPLETED) {
        continue;
      }
      String code = FhirValues.procedureCode(procedure.getCode());
      LocalDate performed = FhirValues.day(procedure.getPerformed());
      if (code == null || performed == null || !performed.isBefore(date)) {
        continue;
      }
      String subject = ResourceIndex.key(procedure.getSubject());
      if (patient != null && subject != null && !patient.equals(subject)) {
        continue;
      }
      int days = globalDays.of(code);
      if (days <= 0 || date.isAfter(performed.plusDays(days))) {
        continue;
      }
      prior.add(
          new PriorProcedure(
              ResourceIndex.ref(procedure),
              code,
              performed,
              days,
              providers.performers(procedure)));
    }
    return prior;
  }
}
