package org.stomacds.casedata;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/**
 * Where the resources of a case are read from: a client's FHIR server, or this application's own
 * store ({@link LocalFhirStore}). Implementations are thread-safe: the {@link CaseAssembler} calls
 * them in parallel.
 */
public interface FhirDataSource {

  /**
   * Reads one resource.
   *
   * @param reference a relative reference, {@code Type/id}
   * @return the resource, or empty when the server says it does not exist (404, 410)
   * @throws FhirDataUnavailableException when the answer cannot be had (error, timeout, refused)
   */
  Optional<Resource> read(String reference);

  /**
   * Runs a search.
   *
   * @param relativeQuery a search relative to the FHIR base, {@code Type?param=value&...}
   * @return every resource the search returned (matches and includes; outcome entries left out)
   * @throws FhirDataUnavailableException when the answer cannot be had
   */
  List<Resource> search(String relativeQuery);

  /**
   * The relative reference ({@code Binary/123}) of an absolute URL that lies under this source's
   * FHIR base, as a note attachment's {@code url} may be written; empty for a URL elsewhere (which
   * is then not fetched: the source's token must not leave its base) or when the source has no base
   * to compare with.
   */
  default Optional<String> relativeUrl(String absoluteUrl) {
    return Optional.empty();
  }

  /** A source that answers nothing: every call fails with the given reason. */
  static FhirDataSource unavailable(String reason) {
    return new FhirDataSource() {
      @Override
      public Optional<Resource> read(String reference) {
        throw new FhirDataUnavailableException(reason);
      }

      @Override
      public List<Resource> search(String relativeQuery) {
        throw new FhirDataUnavailableException(reason);
      }
    };
  }
}
