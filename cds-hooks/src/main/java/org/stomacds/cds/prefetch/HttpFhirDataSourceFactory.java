package org.stomacds.cds.prefetch;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.stomacds.casedata.FhirDataSource;

/** The real {@link RemoteFhirDataSourceFactory}: java.net.http with one shared client. */
public final class HttpFhirDataSourceFactory implements RemoteFhirDataSourceFactory {

  private final HttpClient http;
  private final FhirContext fhir;
  private final Duration requestTimeout;

  public HttpFhirDataSourceFactory(
      FhirContext fhir, Duration connectTimeout, Duration requestTimeout) {
    this.fhir = fhir;
    this.requestTimeout = requestTimeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public FhirDataSource create(URI fhirServer, String bearerToken) {
    return new RemoteFhirDataSource(
        http, fhir, fhirServer, null, bearerToken, requestTimeout, false);
  }

  @Override
  public FhirDataSource create(URI fhirServer, URI advertisedBase, String bearerToken) {
    return new RemoteFhirDataSource(
        http, fhir, fhirServer, advertisedBase, bearerToken, requestTimeout, false);
  }

  @Override
  public FhirDataSource ownServer(URI dialBase, URI advertisedBase, String bearerToken) {
    return new RemoteFhirDataSource(
        http, fhir, dialBase, advertisedBase, bearerToken, requestTimeout, true);
  }
}
