package org.stomacds.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The draft orders of the call an EHR makes most: orders signed every day in a hospital that none
 * of our packs is about (no 44405, 44381 or 45386): a CBC, a chest x-ray, a medication and a
 * gastroenterology consult, shaped as an EHR sends them (Epic's own order code beside the standard
 * one, category, reason, priority, a dose with its timing).
 */
final class OtherOrders {

  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final String EPIC_PROCEDURE_CODES = "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580";
  private static final String SNOMED = "http://snomed.info/sct";

  private OtherOrders() {}

  /**
   * The four orders as a draftOrders Bundle.
   *
   * @param prefix made into each order's id
   */
  static ObjectNode bundle(String prefix, String patient, String encounter, String user) {
    ArrayNode entries = Fhir.JSON.createArrayNode();
    entries.addObject().set("resource", cbc(prefix + "-cbc", patient, encounter, user));
    entries.addObject().set("resource", chestXray(prefix + "-cxr", patient, encounter, user));
    entries.addObject().set("resource", medication(prefix + "-med", patient, encounter, user));
    entries.addObject().set("resource", consult(prefix + "-consult", patient, encounter, user));
    ObjectNode bundle = Fhir.JSON.createObjectNode();
    bundle.put("resourceType", "Bundle").put("type", "collection").set("entry", entries);
    return bundle;
  }

  /** The id of the order an order-select call chooses (the chest x-ray). */
  static String selected(String prefix) {
    return "ServiceRequest/" + prefix + "-cxr";
  }

  static ObjectNode cbc(String id, String patient, String encounter, String user) {
    ObjectNode r = draft("ServiceRequest", id, patient, encounter, user);
    category(r, "108252007", "Laboratory procedure");
    code(r, "LAB100", "85025", "CBC with differential");
    r.put("priority", "routine");
    return r;
  }

  private static ObjectNode chestXray(String id, String patient, String encounter, String user) {
    ObjectNode r = draft("ServiceRequest", id, patient, encounter, user);
    category(r, "363679005", "Imaging");
    code(r, "IMG71046", "71046", "XR chest 2 views");
    r.putArray("reasonCode").addObject().put("text", "Cough and fever for 3 days");
    r.put("priority", "routine");
    return r;
  }

  private static ObjectNode consult(String id, String patient, String encounter, String user) {
    ObjectNode r = draft("ServiceRequest", id, patient, encounter, user);
    category(r, "306206005", "Referral to service");
    ObjectNode code = r.putObject("code");
    code.putArray("coding")
        .addObject()
        .put("system", SNOMED)
        .put("code", "306158004")
        .put("display", "Referral to gastroenterology service");
    code.put("text", "Consult to gastroenterology");
    r.putArray("reasonCode").addObject().put("text", "Iron deficiency anemia");
    return r;
  }

  static ObjectNode medication(String id, String patient, String encounter, String user) {
    ObjectNode r = draft("MedicationRequest", id, patient, encounter, user);
    ObjectNode med = r.putObject("medicationCodeableConcept");
    med.putArray("coding")
        .addObject()
        .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm")
        .put("code", "308182")
        .put("display", "amoxicillin 250 MG Oral Capsule");
    med.put("text", "Amoxicillin 250 mg capsule");
    ObjectNode dose = r.putArray("dosageInstruction").addObject();
    dose.put("text", "1 capsule by mouth 3 times a day for 7 days");
    dose.putObject("timing")
        .putObject("repeat")
        .put("frequency", 3)
        .put("period", 1)
        .put("periodUnit", "d");
    dose.putArray("doseAndRate")
        .addObject()
        .putObject("doseQuantity")
        .put("value", 1)
        .put("unit", "capsule");
    return r;
  }

  private static void category(ObjectNode r, String code, String display) {
    r.putArray("category")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", SNOMED)
        .put("code", code)
        .put("display", display);
  }

  private static void code(ObjectNode r, String epic, String cpt, String text) {
    ObjectNode code = r.putObject("code");
    ArrayNode codings = code.putArray("coding");
    codings.addObject().put("system", EPIC_PROCEDURE_CODES).put("code", epic);
    codings.addObject().put("system", CPT).put("code", cpt);
    code.put("text", text);
  }

  static ObjectNode draft(String type, String id, String patient, String encounter, String user) {
    ObjectNode r = Fhir.JSON.createObjectNode();
    r.put("resourceType", type).put("id", id).put("status", "draft").put("intent", "order");
    r.putObject("subject").put("reference", "Patient/" + patient);
    if (encounter != null) {
      r.putObject("encounter").put("reference", "Encounter/" + encounter);
    }
    if (user != null) {
      r.putObject("requester").put("reference", user);
    }
    r.put("authoredOn", "2026-12-07T09:30:00Z");
    return r;
  }
}
