package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Reads an order (a ServiceRequest for the subject code) into {@link OrderFacts}: its reasons, the
 * day it is for, its coverage, the ABN and authorization on file and the setting it names. Made per
 * extraction.
 */
final class OrderReader {

  private final ResourceIndex index;
  private final LocalDate today;
  private final CaseCoverages coverages;
  private final SettingReader settings;
  private final AdministrativeReader administrative;

  /**
   * @param today the day an order with no planned or authored date is taken to be for
   */
  OrderReader(
      ResourceIndex index,
      LocalDate today,
      CaseCoverages coverages,
      SettingReader settings,
      AdministrativeReader administrative) {
    this.index = index;
    this.today = today;
    this.coverages = coverages;
    this.settings = settings;
    this.administrative = administrative;
  }

  OrderFacts read(ServiceRequest request) {
    String ref = ResourceIndex.ref(request);
    String patient = ResourceIndex.key(request.getSubject());
    List<Diagnosis> reasons = new ArrayList<>(2);
    for (int i = 0; i < request.getReasonCode().size(); i++) {
      DiagnosisCodes.read(
          request.getReasonCode().get(i), ref, "ServiceRequest.reasonCode[" + i + "]", 0, reasons);
    }
    for (Reference reason : request.getReasonReference()) {
      Condition condition = index.resolve(reason, request, Condition.class);
      if (condition != null) {
        DiagnosisCodes.read(
            condition.getCode(), ResourceIndex.ref(condition), "Condition.code", 0, reasons);
      }
    }
    boolean stated = request.hasReasonCode() || request.hasReasonReference();
    LocalDate date = FhirValues.day(request.getOccurrence());
    if (date == null) {
      date = FhirValues.day(request.getAuthoredOnElement());
    }
    if (date == null) {
      date = today;
    }
    CoverageFacts coverage = null;
    for (Reference insurance : request.getInsurance()) {
      Coverage found = index.resolve(insurance, request, Coverage.class);
      if (found != null) {
        coverage = coverages.of(found);
        break;
      }
    }
    if (coverage == null) {
      coverage = coverages.ofPatient(patient);
    }
    SettingFacts setting =
        settings.ofOrderLocation(
            request.getLocationCode(), request.getLocationReference(), request);
    return new OrderFacts(
        ref,
        date,
        reasons,
        stated,
        coverage,
        administrative.abnForOrder(patient),
        administrative.authorizationForOrder(patient),
        setting);
  }
}
