package org.stomacds.engine.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The resources of one request, indexed for reference resolution ({@code Type/id}, absolute URLs,
 * {@code urn:uuid:} full URLs and {@code #contained} references). Built per request; never shared.
 */
final class ResourceIndex {

  private final Map<String, Resource> byKey = new HashMap<>();
  private final Map<Resource, Resource> containerOf = new IdentityHashMap<>();
  final List<Claim> claims = new ArrayList<>(1);
  final List<Procedure> procedures = new ArrayList<>(2);
  final List<ServiceRequest> serviceRequests = new ArrayList<>(1);
  final List<DocumentReference> documentReferences = new ArrayList<>(1);
  final List<Observation> observations = new ArrayList<>(0);
  final List<QuestionnaireResponse> questionnaireResponses = new ArrayList<>(0);
  final List<DiagnosticReport> diagnosticReports = new ArrayList<>(0);
  final List<Coverage> coverages = new ArrayList<>(1);
  final List<Condition> conditions = new ArrayList<>(1);
  final List<ClaimResponse> claimResponses = new ArrayList<>(0);

  ResourceIndex(List<? extends Resource> resources) {
    for (Resource resource : resources) {
      if (resource == null) {
        continue;
      }
      add(resource);
      if (resource instanceof DomainResource domain) {
        for (Resource contained : domain.getContained()) {
          containerOf.put(contained, resource);
        }
      }
    }
  }

  private void add(Resource resource) {
    String key = ref(resource);
    if (key != null) {
      byKey.putIfAbsent(key, resource);
    }
    String full = resource.getIdElement().getValue();
    if (full != null && !full.equals(key)) {
      byKey.putIfAbsent(full, resource);
    }
    if (resource instanceof Claim claim) {
      claims.add(claim);
    } else if (resource instanceof Procedure procedure) {
      procedures.add(procedure);
    } else if (resource instanceof ServiceRequest request) {
      serviceRequests.add(request);
    } else if (resource instanceof DocumentReference document) {
      documentReferences.add(document);
    } else if (resource instanceof Observation observation) {
      observations.add(observation);
    } else if (resource instanceof QuestionnaireResponse response) {
      questionnaireResponses.add(response);
    } else if (resource instanceof DiagnosticReport report) {
      diagnosticReports.add(report);
    } else if (resource instanceof Coverage coverage) {
      coverages.add(coverage);
    } else if (resource instanceof Condition condition) {
      conditions.add(condition);
    } else if (resource instanceof ClaimResponse response) {
      claimResponses.add(response);
    }
  }

  /**
   * The relative reference of a resource ({@code Procedure/123}), its {@code urn:uuid:} id when it
   * has only that, or null when it has no id.
   */
  static String ref(Resource resource) {
    if (resource == null) {
      return null;
    }
    String value = resource.getIdElement().getValue();
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.startsWith("urn:")) {
      return value;
    }
    String idPart = resource.getIdElement().getIdPart();
    if (idPart == null || idPart.isEmpty()) {
      return null;
    }
    if (idPart.startsWith("#")) {
      return null;
    }
    return resource.fhirType() + "/" + idPart;
  }

  /** A reference string in the form this index keys on: {@code Type/id}, or as given. */
  static String normalize(String reference) {
    if (reference == null || reference.isEmpty()) {
      return null;
    }
    if (reference.startsWith("urn:") || reference.startsWith("#")) {
      return reference;
    }
    String value = reference;
    int history = value.indexOf("/_history/");
    if (history >= 0) {
      value = value.substring(0, history);
    }
    int last = value.lastIndexOf('/');
    if (last <= 0) {
      return value;
    }
    int previous = value.lastIndexOf('/', last - 1);
    return value.substring(previous + 1);
  }

  /** The key of a reference as comparable text ({@code Encounter/1}), or null. */
  static String key(Reference reference) {
    if (reference == null) {
      return null;
    }
    if (reference.getResource() instanceof Resource resource) {
      String ref = ref(resource);
      if (ref != null) {
        return ref;
      }
    }
    return normalize(reference.getReference());
  }

  /** The resource a reference points at, looked up in {@code from}'s contained resources first. */
  Resource resolve(Reference reference, Resource from) {
    if (reference == null) {
      return null;
    }
    if (reference.getResource() instanceof Resource resource) {
      return resource;
    }
    String value = reference.getReference();
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.startsWith("#")) {
      Resource container = from;
      if (container != null && containerOf.containsKey(container)) {
        container = containerOf.get(container);
      }
      if (container instanceof DomainResource domain) {
        String id = value.substring(1);
        for (Resource contained : domain.getContained()) {
          String containedId = contained.getIdElement().getIdPart();
          if (containedId != null && (containedId.equals(id) || containedId.equals(value))) {
            return contained;
          }
        }
      }
      return null;
    }
    Resource found = byKey.get(normalize(value));
    return found != null ? found : byKey.get(value);
  }

  <T extends Resource> T resolve(Reference reference, Resource from, Class<T> type) {
    Resource resource = resolve(reference, from);
    return type.isInstance(resource) ? type.cast(resource) : null;
  }

  /** A Binary an attachment URL points at, if it is in the request. */
  Binary binary(String url, Resource from) {
    if (url == null) {
      return null;
    }
    return resolve(new Reference(url), from, Binary.class);
  }
}
