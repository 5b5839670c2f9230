package org.stomacds.server.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.term.api.ITermReadSvc;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stomacds.engine.terminology.Terminology;
import org.stomacds.server.fhir.FhirServerCustomizer;
import org.stomacds.server.fhir.PerRequest;

/** The one terminology source, read once: the rule engine and the FHIR server share it. */
@Configuration
class TerminologyConfig {

  @Bean
  Terminology terminology(FhirContext fhirContext) {
    return Terminology.loadDefault(fhirContext);
  }

  /**
   * {@code $lookup} of an unknown code names the code and system (HAPI's message names neither).
   */
  @Bean
  FhirServerCustomizer lookupNotFoundMessage() {
    return server -> server.registerInterceptor(new LookupNotFound());
  }

  /**
   * The terminology operations as FHIR R4 defines them, where HAPI answers otherwise: checks before
   * HAPI answers, additions to its answers (README, "Terminology API").
   */
  @Bean
  FhirServerCustomizer terminologyOperations(
      Terminology terminology,
      ITermReadSvc termReadSvc,
      IValidationSupport validationSupport,
      DaoRegistry daoRegistry,
      JpaStorageSettings storageSettings) {
    List<String> hierarchical =
        terminology.resources().stream()
            .filter(r -> r instanceof CodeSystem cs && TerminologyTargets.hierarchical(cs))
            .map(r -> ((CodeSystem) r).getUrl())
            .toList();
    // What the checks found a call asks, for the answer; forgotten when the request completes.
    PerRequest<TerminologyRequestChecks.Asked> questions = new PerRequest<>();
    TerminologyRequestChecks checks =
        new TerminologyRequestChecks(
            questions,
            new TerminologyTargets(termReadSvc, validationSupport, daoRegistry),
            DisplayLanguages.of(terminology.resources()),
            hierarchical);
    return server -> {
      server.registerInterceptor(questions);
      server.registerInterceptor(checks);
      server.registerInterceptor(
          new TerminologyAnswers(
              questions,
              new FilteredTotals(daoRegistry, storageSettings.getPreExpandValueSetsMaxCount())));
    };
  }
}
