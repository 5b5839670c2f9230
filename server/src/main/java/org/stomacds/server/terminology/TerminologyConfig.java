package org.stomacds.server.terminology;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stomacds.engine.terminology.Terminology;

/** The one terminology source, read once: the rule engine and the FHIR server share it. */
@Configuration
class TerminologyConfig {

  @Bean
  Terminology terminology(FhirContext fhirContext) {
    return Terminology.loadDefault(fhirContext);
  }
}
