package org.stomacds.server.security;

import static org.stomacds.server.security.HostileBodies.BAD;
import static org.stomacds.server.security.HostileBodies.CREATED;
import static org.stomacds.server.security.HostileBodies.FHIR_XML;
import static org.stomacds.server.security.HostileBodies.NUMBERS;
import static org.stomacds.server.security.HostileBytes.*;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Row 2 of issue 13: absurd numbers in every resource type, search, hook, feedback and $check. */
final class NumberBodies extends CorpusPart {

  @Override
  void build() {
    numbersInResources();
    numbersInSearches();
    numbersInHooks();
  }

  /** Where a decimal (or integer) can stand in each resource type we store. */
  private static final List<String[]> DECIMAL_PLACES =
      List.of(
          new String[] {
            "Observation",
            "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"valueQuantity\":{\"value\":N}}"
          },
          new String[] {
            "Observation",
            "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"referenceRange\":[{\"low\":{\"value\":N}}]}"
          },
          new String[] {
            "Observation",
            "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"valueInteger\":N}"
          },
          new String[] {
            "Claim",
            "{\"resourceType\":\"Claim\",\"status\":\"active\",\"use\":\"claim\","
                + "\"item\":[{\"sequence\":1,\"productOrService\":{\"text\":\"x\"},"
                + "\"unitPrice\":{\"value\":N,\"currency\":\"USD\"}}]}"
          },
          new String[] {
            "Claim",
            "{\"resourceType\":\"Claim\",\"status\":\"active\",\"use\":\"claim\","
                + "\"item\":[{\"sequence\":1,\"productOrService\":{\"text\":\"x\"},\"factor\":N}]}"
          },
          new String[] {
            "Procedure",
            "{\"resourceType\":\"Procedure\",\"status\":\"completed\",\"subject\":{\"reference\":"
                + "\"Patient/hb\"},\"extension\":[{\"url\":\"http://x\",\"valueDecimal\":N}]}"
          },
          new String[] {
            "Location",
            "{\"resourceType\":\"Location\",\"position\":{\"longitude\":N,\"latitude\":1}}"
          },
          new String[] {
            "Coverage",
            "{\"resourceType\":\"Coverage\",\"status\":\"active\",\"beneficiary\":{\"reference\":"
                + "\"Patient/hb\"},\"payor\":[{\"reference\":\"Organization/o\"}],"
                + "\"costToBeneficiary\":[{\"valueMoney\":{\"value\":N}}]}"
          });

  private void numbersInResources() {
    for (String number : NUMBERS) {
      String label = label(number);
      for (String[] place : DECIMAL_PLACES) {
        fhir("number " + label + " in " + place[0], "POST", "/fhir/" + place[0], place[1], number);
      }
      String first = DECIMAL_PLACES.get(0)[1];
      fhir("number " + label + " as a string", "POST", "/fhir/Observation", first, q(number));
      fhir(
          "number " + label + " in $validate",
          "POST",
          "/fhir/Observation/$validate",
          first,
          number);
      fhir(
          "number " + label + " in $check",
          "POST",
          "/fhir/Claim/$check",
          DECIMAL_PLACES.get(3)[1],
          number);
      fhir(
          "number " + label + " in a transaction",
          "POST",
          "/fhir",
          "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
              + first
              + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}",
          number);
      if (number.length() < 100) {
        add(
            "number " + label + " in XML",
            "POST",
            "/fhir/Observation",
            FHIR_XML,
            ("<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><code><text"
                    + " value=\"x\"/></code><valueQuantity><value value=\""
                    + number
                    + "\"/></valueQuantity></Observation>")
                .getBytes(StandardCharsets.UTF_8),
            BAD);
      }
    }
    add(
        "number 10^6 digits in XML",
        "POST",
        "/fhir/Observation",
        FHIR_XML,
        ("<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><code><text"
                + " value=\"x\"/></code><valueQuantity><value value=\""
                + "9".repeat(1_000_000)
                + "\"/></valueQuantity></Observation>")
            .getBytes(StandardCharsets.UTF_8),
        BAD);
    // Ordinary numbers still go through.
    fhir(
        "number 98.6 accepted",
        "POST",
        "/fhir/Observation",
        DECIMAL_PLACES.get(0)[1],
        "98.6",
        CREATED);
    fhir(
        "number 1.5e3 accepted",
        "POST",
        "/fhir/Observation",
        DECIMAL_PLACES.get(0)[1],
        "1.5e3",
        CREATED);
  }

  private void numbersInSearches() {
    for (String number : NUMBERS.subList(0, 6)) {
      String e = java.net.URLEncoder.encode(number, StandardCharsets.UTF_8);
      for (String query :
          List.of(
              "/fhir/Observation?value-quantity=" + e,
              "/fhir/Observation?value-quantity=ge" + e,
              "/fhir/Observation?value-quantity=" + e + "%7Chttp://unitsofmeasure.org%7Cmg",
              "/fhir/Observation?component-value-quantity=lt" + e,
              "/fhir/RiskAssessment?probability=" + e)) {
        add(
            "search " + label(number) + " " + query.replaceAll("\\?.*", ""),
            "GET",
            query,
            null,
            null,
            BAD);
      }
    }
    add(
        "search 98.6 accepted",
        "GET",
        "/fhir/Observation?value-quantity=98.6",
        null,
        null,
        CREATED);
  }

  private void numbersInHooks() {
    String orderSign = template("order-sign.json");
    String feedback = template("feedback.json");
    for (String number : NUMBERS) {
      String label = label(number);
      cds(
          "hook draft order " + label,
          "/cds-services/cpt-44405-order-sign",
          orderSign.replaceFirst(
              "\"status\": \"draft\",",
              "\"status\": \"draft\", \"quantityQuantity\": {\"value\": " + number + "},"));
      cds(
          "hook prefetch " + label,
          "/cds-services/cpt-44405-order-sign",
          orderSign.replaceFirst(
              "\"birthDate\": \"1960-04-01\"",
              "\"birthDate\": \"1960-04-01\", \"extension\": [{\"url\": \"http://x\", \"valueDecimal\": "
                  + number
                  + "}]"));
      cds(
          "feedback " + label,
          "/cds-services/cpt-44405-order-sign/feedback",
          feedback.replaceFirst("\"outcome\"", "\"n\": " + number + ", \"outcome\""));
    }
  }
}
