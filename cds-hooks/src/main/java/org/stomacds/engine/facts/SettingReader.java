package org.stomacds.engine.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.engine.findings.Evidence;

/**
 * Tells the setting of an encounter or an order: office, ASC, hospital outpatient, inpatient or
 * emergency.
 *
 * <ul>
 *   <li>{@code Encounter.class} IMP/ACUTE/NONAC is an inpatient stay whatever the location says.
 *   <li>A Location (or an order's {@code locationCode}) typed with a CMS place of service code says
 *       it directly (11 office, 24 ASC, 19/22 hospital outpatient, 21 inpatient, 23 emergency).
 *   <li>A Location typed with an HL7 RoleCode of a hospital (HOSP, GACH, HU, ...) is hospital
 *       outpatient unless the encounter class says emergency; PROFF (a provider's office) is an
 *       office.
 *   <li>{@code Encounter.class} EMER is emergency; OBSENC and SS (observation, short stay) are
 *       hospital outpatient. AMB alone does not tell an office from a hospital department.
 * </ul>
 */
final class SettingReader {

  private static final Set<String> INPATIENT_CLASSES = Set.of("IMP", "ACUTE", "NONAC");
  private static final Set<String> HOSPITAL_OUTPATIENT_CLASSES = Set.of("OBSENC", "SS");
  private static final Set<String> HOSPITAL_ROLES =
      Set.of(
          "HOSP", "GACH", "MHSP", "PSYCHF", "RH", "HU", "CHR", "ER", "ETU", "ICU", "CCU", "HRAD",
          "HUSCS", "INLAB", "OUTLAB", "PEDU", "RHU");
  private static final Set<String> OFFICE_ROLES = Set.of("PROFF");

  private final ResourceIndex index;

  SettingReader(ResourceIndex index) {
    this.index = index;
  }

  SettingFacts ofEncounter(Encounter encounter) {
    if (encounter == null) {
      return SettingFacts.UNKNOWN;
    }
    String ref = ResourceIndex.ref(encounter);
    String encounterClass = encounter.hasClass_() ? encounter.getClass_().getCode() : null;
    List<Evidence> evidence = new ArrayList<>(2);
    if (encounterClass != null && INPATIENT_CLASSES.contains(encounterClass)) {
      evidence.add(new Evidence(ref, "Encounter.class", encounterClass));
      return new SettingFacts(Setting.INPATIENT, evidence);
    }
    boolean hospital = false;
    boolean office = false;
    for (int i = 0; i < encounter.getLocation().size(); i++) {
      Reference reference = encounter.getLocation().get(i).getLocation();
      Location location = index.resolve(reference, encounter, Location.class);
      if (location == null) {
        continue;
      }
      String locationRef = ResourceIndex.ref(location);
      for (int t = 0; t < location.getType().size(); t++) {
        CodeableConcept type = location.getType().get(t);
        String path = "Location.type[" + t + "]";
        Setting direct = fromPlaceOfService(type);
        if (direct != Setting.UNKNOWN) {
          evidence.add(new Evidence(locationRef, path, FhirValues.words(type)));
          return new SettingFacts(direct, evidence);
        }
        for (Coding coding : type.getCoding()) {
          if (CodeSystems.V3_ROLE_CODE.equals(coding.getSystem()) && coding.hasCode()) {
            if (HOSPITAL_ROLES.contains(coding.getCode())) {
              hospital = true;
              evidence.add(new Evidence(locationRef, path, coding.getCode()));
            } else if (OFFICE_ROLES.contains(coding.getCode())) {
              office = true;
              evidence.add(new Evidence(locationRef, path, coding.getCode()));
            }
          }
        }
      }
    }
    if (encounterClass != null) {
      evidence.add(new Evidence(ref, "Encounter.class", encounterClass));
    }
    if ("EMER".equals(encounterClass)) {
      return new SettingFacts(Setting.EMERGENCY, evidence);
    }
    if (hospital
        || (encounterClass != null && HOSPITAL_OUTPATIENT_CLASSES.contains(encounterClass))) {
      return new SettingFacts(Setting.HOSPITAL_OUTPATIENT, evidence);
    }
    if (office) {
      return new SettingFacts(Setting.OFFICE, evidence);
    }
    return SettingFacts.UNKNOWN;
  }

  /** An order's site: {@code locationCode}, else the type of {@code locationReference}. */
  SettingFacts ofOrderLocation(
      List<CodeableConcept> codes, List<Reference> references, Resource order) {
    String ref = ResourceIndex.ref(order);
    for (int i = 0; i < codes.size(); i++) {
      SettingFacts setting = fromType(codes.get(i), ref, "ServiceRequest.locationCode[" + i + "]");
      if (setting.setting() != Setting.UNKNOWN) {
        return setting;
      }
    }
    for (Reference reference : references) {
      Location location = index.resolve(reference, order, Location.class);
      if (location == null) {
        continue;
      }
      for (int t = 0; t < location.getType().size(); t++) {
        SettingFacts setting =
            fromType(
                location.getType().get(t), ResourceIndex.ref(location), "Location.type[" + t + "]");
        if (setting.setting() != Setting.UNKNOWN) {
          return setting;
        }
      }
    }
    return SettingFacts.UNKNOWN;
  }

  /** A Location used as a claim's facility. */
  SettingFacts ofLocation(Location location) {
    if (location == null) {
      return SettingFacts.UNKNOWN;
    }
    for (int t = 0; t < location.getType().size(); t++) {
      SettingFacts setting =
          fromType(
              location.getType().get(t), ResourceIndex.ref(location), "Location.type[" + t + "]");
      if (setting.setting() != Setting.UNKNOWN) {
        return setting;
      }
    }
    return SettingFacts.UNKNOWN;
  }

  private static SettingFacts fromType(CodeableConcept type, String ref, String path) {
    Setting direct = fromPlaceOfService(type);
    if (direct != Setting.UNKNOWN) {
      return new SettingFacts(direct, List.of(new Evidence(ref, path, FhirValues.words(type))));
    }
    for (Coding coding : type.getCoding()) {
      if (CodeSystems.V3_ROLE_CODE.equals(coding.getSystem()) && coding.hasCode()) {
        if (HOSPITAL_ROLES.contains(coding.getCode())) {
          return new SettingFacts(
              Setting.HOSPITAL_OUTPATIENT, List.of(new Evidence(ref, path, coding.getCode())));
        }
        if (OFFICE_ROLES.contains(coding.getCode())) {
          return new SettingFacts(
              Setting.OFFICE, List.of(new Evidence(ref, path, coding.getCode())));
        }
      }
    }
    return SettingFacts.UNKNOWN;
  }

  static Setting fromPlaceOfService(CodeableConcept type) {
    for (Coding coding : type.getCoding()) {
      if (CodeSystems.PLACE_OF_SERVICE.equals(CodeSystems.canonical(coding.getSystem()))) {
        Setting setting = fromPlaceOfService(coding.getCode());
        if (setting != Setting.UNKNOWN) {
          return setting;
        }
      }
    }
    return Setting.UNKNOWN;
  }

  static Setting fromPlaceOfService(String code) {
    if (code == null) {
      return Setting.UNKNOWN;
    }
    for (Setting setting : Setting.values()) {
      if (setting.placesOfService().contains(code.strip())) {
        return setting;
      }
    }
    return Setting.UNKNOWN;
  }
}
