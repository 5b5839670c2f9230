package org.stomacds.server.fhir;

import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * A feature that adds providers or interceptors to the FHIR server (write checks, {@code $check},
 * security) declares a bean of this type instead of editing the server's configuration.
 */
@FunctionalInterface
public interface FhirServerCustomizer {
  void customize(RestfulServer server);
}
