package org.stomacds.cds.prefetch;

import java.net.URI;
import org.stomacds.casedata.FhirDataSource;

/** Makes the {@link FhirDataSource} that reads a client's FHIR server for one hook call. */
@FunctionalInterface
public interface RemoteFhirDataSourceFactory {

  /**
   * @param fhirServer the client's FHIR base, already allowed by {@link FhirServerPolicy}, in the
   *     canonical form it compared
   * @param bearerToken the client's access token for this call, or null
   */
  FhirDataSource create(URI fhirServer, String bearerToken);

  /**
   * A source for a server that writes another base into its links than the one we call (our own
   * server, called on loopback, writes its public URL): links under {@code advertisedBase} are
   * followed under {@code fhirServer}.
   */
  default FhirDataSource create(URI fhirServer, URI advertisedBase, String bearerToken) {
    return create(fhirServer, bearerToken);
  }

  /**
   * A source for our own {@code /fhir}, dialled on loopback ({@code dialBase}) and writing its
   * public base ({@code advertisedBase}) into its links, as {@link #create(URI, URI, String)}; its
   * searches are paged by offset, which HAPI's JPA server answers from the query alone, rather than
   * by a stored search (one {@code HFJ_SEARCH} row and its results written per search).
   */
  default FhirDataSource ownServer(URI dialBase, URI advertisedBase, String bearerToken) {
    return create(dialBase, advertisedBase, bearerToken);
  }
}
