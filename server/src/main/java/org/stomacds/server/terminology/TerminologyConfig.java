package org.stomacds.server.terminology;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stomacds.engine.terminology.Terminology;
import org.stomacds.server.fhir.FhirServerCustomizer;

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

  /** {@code $subsumes} without a system: 400 saying what to send, not HAPI's 500. */
  @Bean
  FhirServerCustomizer subsumesWithoutCodes() {
    return server -> server.registerInterceptor(new SubsumesWithoutCodes());
  }
}
