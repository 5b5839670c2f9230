package org.stomacds.cds.prefetch;

import java.net.URI;
import org.stomacds.casedata.FhirDataSource;

/** Makes the {@link FhirDataSource} that reads a client's FHIR server for one hook call. */
@FunctionalInterface
public interface RemoteFhirDataSourceFactory {

  /**
   * @param fhirServer the client's FHIR base, already allowed by {@link FhirServerPolicy}
   * @param bearerToken the client's access token for this call, or null
   */
  FhirDataSource create(URI fhirServer, String bearerToken);
}
