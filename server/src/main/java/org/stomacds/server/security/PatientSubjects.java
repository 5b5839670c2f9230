package org.stomacds.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Whose a resource is, for {@code patient/} scopes: the patient its <em>primary</em> patient
 * reference names ({@code Claim.patient}, {@code Procedure.subject}, {@code Coverage.beneficiary},
 * the Patient itself), never a side reference that merely puts it in a patient's compartment
 * ({@code Claim.payee}, {@code Procedure.performer}). Which search parameter that is comes from
 * {@code security/patient-subjects.properties} and a default rule stated there.
 */
final class PatientSubjects {

  /** The parameter name for "the resource is the Patient itself". */
  static final String SELF = "_id";

  private static final String NOBODY = "-";

  private final FhirContext fhir;
  private final ISearchParamExtractor extractor;
  private final Properties overrides;
  private final Map<String, Optional<String>> primary = new ConcurrentHashMap<>();

  PatientSubjects(FhirContext fhir, ISearchParamExtractor extractor) {
    this(fhir, extractor, load());
  }

  PatientSubjects(FhirContext fhir, ISearchParamExtractor extractor, Properties overrides) {
    this.fhir = fhir;
    this.extractor = extractor;
    this.overrides = overrides;
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in =
        PatientSubjects.class.getResourceAsStream("/security/patient-subjects.properties")) {
      if (in == null) {
        throw new IllegalStateException("security/patient-subjects.properties is missing");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /**
   * The search parameter naming the patient a resource of this type belongs to ({@value #SELF} for
   * Patient), or empty when no patient owns resources of this type.
   */
  Optional<String> primaryParameter(String type) {
    return primary.computeIfAbsent(type, this::choose);
  }

  private Optional<String> choose(String type) {
    String configured = overrides.getProperty(type);
    if (configured != null) {
      return configured.equals(NOBODY) ? Optional.empty() : Optional.of(configured.trim());
    }
    RuntimeResourceDefinition definition = definition(type);
    if (definition == null) {
      return Optional.empty();
    }
    RuntimeSearchParam patient = definition.getSearchParam("patient");
    if (patient != null && patient.getParamType() == RestSearchParameterTypeEnum.REFERENCE) {
      return Optional.of("patient");
    }
    for (String name : List.of("subject", "beneficiary")) {
      RuntimeSearchParam param = definition.getSearchParam(name);
      if (param != null && inPatientCompartment(param)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the resource belongs to this patient: every patient its primary parameter names is this
   * one, and it names at least one.
   */
  boolean belongsTo(IBaseResource resource, String patientId) {
    String type = fhir.getResourceType(resource);
    Optional<String> param = primaryParameter(type);
    if (param.isEmpty()) {
      return false;
    }
    if (param.get().equals(SELF)) {
      IIdType id = resource.getIdElement();
      return id != null && patientId.equals(id.getIdPart());
    }
    List<String> patients = references(resource, type, param.get(), false);
    return !patients.isEmpty() && patients.stream().allMatch(patientId::equals);
  }

  /**
   * A patient other than this one the resource references through any Patient-compartment parameter
   * (so a write would put it into that patient's compartment), if any.
   */
  Optional<String> otherPatient(IBaseResource resource, String patientId) {
    String type = fhir.getResourceType(resource);
    RuntimeResourceDefinition definition = definition(type);
    if (definition == null) {
      return Optional.empty();
    }
    for (RuntimeSearchParam param : definition.getSearchParams()) {
      if (param.getParamType() != RestSearchParameterTypeEnum.REFERENCE
          || !inPatientCompartment(param)) {
        continue;
      }
      for (String other : references(resource, type, param.getName(), true)) {
        if (!other.equals(patientId)) {
          return Optional.of(param.getName());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The ids of the patients the parameter's paths reference; with {@code patientsOnly} false, a
   * reference to anything but a Patient counts as a patient id nobody has ("").
   */
  private List<String> references(
      IBaseResource resource, String type, String paramName, boolean patientsOnly) {
    RuntimeResourceDefinition definition = definition(type);
    RuntimeSearchParam param = definition == null ? null : definition.getSearchParam(paramName);
    List<String> ids = new ArrayList<>();
    if (param == null) {
      return ids;
    }
    for (String path : param.getPathsSplitForResourceType(type)) {
      for (IBase value : extractor.extractValues(path, resource)) {
        if (!(value instanceof IBaseReference reference)) {
          continue;
        }
        IIdType target = reference.getReferenceElement();
        boolean patient = target != null && "Patient".equals(target.getResourceType());
        if (patient && target.hasIdPart()) {
          ids.add(target.getIdPart());
        } else if (!patientsOnly && (target == null || !target.isEmpty())) {
          ids.add("");
        }
      }
    }
    return ids;
  }

  private static boolean inPatientCompartment(RuntimeSearchParam param) {
    return param.getProvidesMembershipInCompartments() != null
        && param.getProvidesMembershipInCompartments().contains("Patient");
  }

  private RuntimeResourceDefinition definition(String type) {
    try {
      return fhir.getResourceDefinition(type);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
