package org.stomacds.server.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.stomacds.casedata.FhirDataUnavailableException;
import org.stomacds.casedata.LocalFhirStore;

/**
 * Reads this application's own FHIR store through HAPI's DAOs (no HTTP round trip): what the CDS
 * service uses when a hook's {@code fhirServer} is our own base URL, and what the write checks use
 * to gather a case.
 */
@Component
class JpaLocalFhirStore implements LocalFhirStore {

  /** A case never needs more; a search that returns more is cut here rather than paged forever. */
  private static final int MAX_RESULTS = 1000;

  private final DaoRegistry daoRegistry;
  private final MatchUrlService matchUrlService;
  private final FhirContext fhirContext;

  JpaLocalFhirStore(
      DaoRegistry daoRegistry, MatchUrlService matchUrlService, FhirContext fhirContext) {
    this.daoRegistry = daoRegistry;
    this.matchUrlService = matchUrlService;
    this.fhirContext = fhirContext;
  }

  @Override
  public Optional<Resource> read(String reference) {
    IdType id = new IdType(reference);
    if (!id.hasResourceType()
        || !id.hasIdPart()
        || !daoRegistry.isResourceTypeSupported(id.getResourceType())) {
      return Optional.empty();
    }
    try {
      IBaseResource resource =
          dao(id.getResourceType()).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
      return Optional.of((Resource) resource);
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    } catch (BaseServerResponseException e) {
      throw new FhirDataUnavailableException(
          "the local store could not read " + id.getResourceType() + ": " + e.getStatusCode(), e);
    }
  }

  @Override
  public List<Resource> search(String relativeQuery) {
    int question = relativeQuery.indexOf('?');
    String type = question < 0 ? relativeQuery : relativeQuery.substring(0, question);
    if (!daoRegistry.isResourceTypeSupported(type)) {
      throw new FhirDataUnavailableException("the local store has no resource type " + type);
    }
    try {
      RuntimeResourceDefinition definition = fhirContext.getResourceDefinition(type);
      SearchParameterMap map = matchUrlService.translateMatchUrl(relativeQuery, definition);
      map.setLoadSynchronousUpTo(MAX_RESULTS);
      IBundleProvider results = dao(type).search(map, new SystemRequestDetails());
      List<Resource> resources = new ArrayList<>();
      for (IBaseResource resource : results.getResources(0, MAX_RESULTS)) {
        resources.add((Resource) resource);
      }
      return resources;
    } catch (BaseServerResponseException e) {
      throw new FhirDataUnavailableException(
          "the local store could not search " + type + ": " + e.getStatusCode(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private IFhirResourceDao<IBaseResource> dao(String type) {
    return (IFhirResourceDao<IBaseResource>) daoRegistry.getResourceDao(type);
  }
}
