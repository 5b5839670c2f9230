package org.stomacds.benchmarks.growth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.stomacds.benchmarks.Bundles;
import org.stomacds.benchmarks.Fhir;

/** Makes a case bigger, so the growth of cost with claim lines, history and the note shows. */
final class BundleGrowth {

  private static final String CPT = "http://www.ama-assn.org/go/cpt";

  /** Other services a 44405 claim plausibly carries (CPT, our words: none of them is 44405). */
  private static final String[] OTHER_CODES = {
    "99152", "99153", "88305", "74270", "45378", "44388", "99213", "36415", "81001", "85025"
  };

  private BundleGrowth() {}

  /** The bundle's Claim gets {@code lines} lines: its own first line, then others. */
  static void claimLines(ObjectNode bundle, int lines) {
    ObjectNode claim = resource(bundle, "Claim");
    ArrayNode items = (ArrayNode) claim.path("item");
    ObjectNode first = (ObjectNode) items.get(0);
    items.removeAll();
    items.add(first);
    for (int i = 1; i < lines; i++) {
      ObjectNode line = first.deepCopy();
      line.put("sequence", i + 1);
      line.remove("modifier");
      ObjectNode coding = Fhir.JSON.createObjectNode();
      coding.put("system", CPT).put("code", OTHER_CODES[(i - 1) % OTHER_CODES.length]);
      line.putObject("productOrService").putArray("coding").add(coding);
      items.add(line);
    }
  }

  /**
   * The bundle's patient gets {@code count} earlier encounters, each with a procedure (a
   * colonoscopy, an office visit, a diagnostic colonoscopy through the stoma, in turn), one a week
   * going back from a year before the case's procedure.
   */
  static void priorEncounters(ObjectNode bundle, int count) {
    ObjectNode procedure = resource(bundle, "Procedure");
    ObjectNode patient = resource(bundle, "Patient");
    String patientRef = "Patient/" + patient.path("id").asText();
    String performed =
        procedure
            .path("performedDateTime")
            .asText(procedure.path("performedPeriod").path("start").asText("2026-01-01"));
    LocalDate last = LocalDate.parse(performed.substring(0, 10)).minusYears(1);
    ArrayNode entries = (ArrayNode) bundle.path("entry");
    String id = patient.path("id").asText();
    String[] codes = {"45378", "99213", "44388"};
    for (int i = 0; i < count; i++) {
      String date = last.minusWeeks(i).toString();
      String encounterId = id + "-prior-enc-" + i;
      ObjectNode encounter = Fhir.JSON.createObjectNode();
      encounter.put("resourceType", "Encounter").put("id", encounterId).put("status", "finished");
      encounter
          .putObject("class")
          .put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
          .put("code", "AMB");
      encounter.putObject("subject").put("reference", patientRef);
      encounter.putObject("period").put("start", date).put("end", date);
      add(entries, encounter);
      ObjectNode prior = Fhir.JSON.createObjectNode();
      prior
          .put("resourceType", "Procedure")
          .put("id", id + "-prior-proc-" + i)
          .put("status", "completed");
      ObjectNode code = prior.putObject("code");
      code.putArray("coding").addObject().put("system", CPT).put("code", codes[i % codes.length]);
      prior.putObject("subject").put("reference", patientRef);
      prior.putObject("encounter").put("reference", "Encounter/" + encounterId);
      prior.put("performedDateTime", date);
      add(entries, prior);
    }
  }

  /**
   * The bundle's procedure note grows to at least {@code kib} KiB: nursing-record lines appended
   * after the operative text (routine observations, no procedure detail), as an export of the whole
   * encounter's documentation carries them.
   */
  static void noteLength(ObjectNode bundle, int kib) {
    ObjectNode attachment =
        (ObjectNode)
            resource(bundle, "DocumentReference").path("content").path(0).path("attachment");
    StringBuilder text =
        new StringBuilder(
            new String(
                Base64.getDecoder().decode(attachment.path("data").asText()),
                StandardCharsets.UTF_8));
    text.append("\n\nNursing record\n");
    for (int i = 0; text.length() < kib * 1024; i++) {
      text.append(
          String.format(
              "%02d:%02d Observations recorded: heart rate 76, blood pressure 124/78, respiratory"
                  + " rate 14, SpO2 98%% on room air, pain 1/10. Patient resting, call bell in"
                  + " reach.%n",
              8 + (i / 12) % 12, (i * 5) % 60));
    }
    attachment.put(
        "data",
        Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static void add(ArrayNode entries, ObjectNode resource) {
    ObjectNode entry = entries.addObject();
    entry.set("resource", resource);
    entry.putObject("request").put("method", "PUT").put("url", Bundles.reference(resource));
  }

  private static ObjectNode resource(ObjectNode bundle, String type) {
    for (JsonNode entry : bundle.path("entry")) {
      if (type.equals(entry.path("resource").path("resourceType").asText())) {
        return (ObjectNode) entry.path("resource");
      }
    }
    throw new IllegalStateException("the growth base case has no " + type);
  }
}
