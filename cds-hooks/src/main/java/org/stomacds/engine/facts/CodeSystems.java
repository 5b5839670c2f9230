package org.stomacds.engine.facts;

import java.util.Set;

/** The code systems the facts read, and how their codes are compared. */
public final class CodeSystems {

  public static final String CPT = "http://www.ama-assn.org/go/cpt";
  public static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String PLACE_OF_SERVICE =
      "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
  public static final String DOCUMENTATION_ELEMENT =
      "https://stomacds.org/fhir/CodeSystem/documentation-element";
  public static final String ADMINISTRATIVE_DOCUMENT =
      "https://stomacds.org/fhir/CodeSystem/administrative-document";
  public static final String DOCUMENTATION_EXTENSION =
      "https://stomacds.org/fhir/StructureDefinition/documentation-element";
  public static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
  public static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  public static final String V3_ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
  public static final String NPI = "http://hl7.org/fhir/sid/us-npi";

  private static final Set<String> HCPCS_ALIASES =
      Set.of(
          HCPCS,
          "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
          "urn:oid:2.16.840.1.113883.6.285");
  private static final Set<String> ICD10CM_ALIASES =
      Set.of(ICD10CM, "urn:oid:2.16.840.1.113883.6.90");
  private static final Set<String> POS_ALIASES =
      Set.of(
          PLACE_OF_SERVICE,
          "http://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set",
          "urn:oid:2.16.840.1.113883.6.50");
  private static final Set<String> CPT_ALIASES = Set.of(CPT, "urn:oid:2.16.840.1.113883.6.12");

  private CodeSystems() {}

  /** The canonical url of a system we read (HCPCS, ICD-10-CM and POS aliases folded). */
  public static String canonical(String system) {
    if (system == null) {
      return null;
    }
    if (CPT_ALIASES.contains(system)) {
      return CPT;
    }
    if (HCPCS_ALIASES.contains(system)) {
      return HCPCS;
    }
    if (ICD10CM_ALIASES.contains(system)) {
      return ICD10CM;
    }
    if (POS_ALIASES.contains(system)) {
      return PLACE_OF_SERVICE;
    }
    return system;
  }

  /** CPT or HCPCS (codes of the two never collide, so a service or modifier is its code). */
  public static boolean isProcedureCodeSystem(String system) {
    String canonical = canonical(system);
    return CPT.equals(canonical) || HCPCS.equals(canonical);
  }

  /** The system a modifier belongs to: two digits and P1–P6 are CPT, the rest HCPCS Level II. */
  public static String modifierSystem(String modifier) {
    boolean cpt =
        modifier.length() == 2
            && ((Character.isDigit(modifier.charAt(0)) && Character.isDigit(modifier.charAt(1)))
                || (modifier.charAt(0) == 'P' && Character.isDigit(modifier.charAt(1))));
    return cpt ? CPT : HCPCS;
  }

  /** The system a service code belongs to: five digits or four and a letter are CPT. */
  public static String serviceSystem(String code) {
    return !code.isEmpty() && Character.isDigit(code.charAt(0)) ? CPT : HCPCS;
  }

  /** ICD-10-CM codes with the dot (K9403 becomes K94.03); other text is upper-cased. */
  public static String normalizeIcd10(String code) {
    String value = code.strip().toUpperCase(java.util.Locale.ROOT);
    if (value.length() > 3 && value.indexOf('.') < 0) {
      return value.substring(0, 3) + "." + value.substring(3);
    }
    return value;
  }
}
