package org.stomacds.server.security;

import static org.stomacds.server.security.HostileBodies.FHIR_XML;
import static org.stomacds.server.security.HostileBodies.TOO_LARGE;
import static org.stomacds.server.security.HostileBytes.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Row 9 of issue 13: wide arrays, many values and deep nesting, JSON and XML, $validate too. */
final class ShapeBodies extends CorpusPart {

  @Override
  void build() {
    wideAndDeep();
  }

  private void wideAndDeep() {
    for (int n : List.of(1_000_000, 200_000, 20_000)) {
      String names = "{\"given\":[" + "\"a\",".repeat(n - 1) + "\"a\"]}";
      String empties = "{},".repeat(n - 1) + "{}";
      fhirBody(
          "$validate " + n + " given names",
          "/fhir/Patient/$validate",
          "{\"resourceType\":\"Patient\",\"name\":[" + names + "]}",
          TOO_LARGE);
      fhirBody(
          "$validate " + n + " empty names",
          "/fhir/Patient/$validate",
          "{\"resourceType\":\"Patient\",\"name\":[" + empties + "]}",
          TOO_LARGE);
      fhirBody(
          "create " + n + " given names",
          "/fhir/Patient",
          "{\"resourceType\":\"Patient\",\"name\":[" + names + "]}",
          TOO_LARGE);
      fhirBody(
          "create " + n + " empty names",
          "/fhir/Patient",
          "{\"resourceType\":\"Patient\",\"name\":[" + empties + "]}",
          TOO_LARGE);
    }
    StringBuilder many = new StringBuilder("{\"resourceType\":\"Patient\",\"name\":[");
    for (int i = 0; i < 120; i++) {
      many.append(i == 0 ? "" : ",")
          .append("{\"given\":[")
          .append("\"\",".repeat(4_999))
          .append("\"\"]}");
    }
    fhirBody(
        "600k values in arrays under the length limit", "/fhir/Patient", many + "]}", TOO_LARGE);
    StringBuilder sixty = new StringBuilder("{\"resourceType\":\"Patient\",\"name\":[");
    for (int i = 0; i < 15; i++) {
      sixty
          .append(i == 0 ? "" : ",")
          .append("{\"given\":[")
          .append("\"\",".repeat(3_999))
          .append("\"\"]}");
    }
    fhirBody("$validate 60k values", "/fhir/Patient/$validate", sixty + "]}", TOO_LARGE);
    fhirBody(
        "$validate 2000 given names",
        "/fhir/Patient/$validate",
        "{\"resourceType\":\"Patient\",\"name\":[{\"given\":["
            + "\"a\",".repeat(1999)
            + "\"a\"]}]}",
        Set.of(200, 412, 422));
    for (int depth : List.of(150, 1_000, 100_000)) {
      String ext =
          "{\"url\":\"http://x\",\"extension\":[".repeat(depth)
              + "{\"url\":\"http://x\",\"valueString\":\"x\"}"
              + "]}".repeat(depth);
      fhirBody(
          "extension nesting " + depth,
          "/fhir/Patient",
          "{\"resourceType\":\"Patient\",\"extension\":[" + ext + "]}",
          TOO_LARGE);
      fhirBody(
          "$validate nesting " + depth,
          "/fhir/Patient/$validate",
          "{\"resourceType\":\"Patient\",\"extension\":[" + ext + "]}",
          TOO_LARGE);
      String xml =
          "<extension url=\"http://x\">".repeat(depth)
              + "<valueString value=\"x\"/>"
              + "</extension>".repeat(depth);
      add(
          "XML nesting " + depth,
          "POST",
          "/fhir/Patient",
          FHIR_XML,
          ("<Patient xmlns=\"http://hl7.org/fhir\">" + xml + "</Patient>")
              .getBytes(StandardCharsets.UTF_8),
          TOO_LARGE);
      cds(
          "hook nesting " + depth,
          "/cds-services/cpt-44405-order-sign",
          template("order-sign.json")
              .replaceFirst("\\{", "{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ","),
          TOO_LARGE);
    }
    add(
        "XML 20k names",
        "POST",
        "/fhir/Patient",
        FHIR_XML,
        ("<Patient xmlns=\"http://hl7.org/fhir\">"
                + "<name><given value=\"a\"/></name>".repeat(20_000)
                + "</Patient>")
            .getBytes(StandardCharsets.UTF_8),
        TOO_LARGE);
    add(
        "XML 20k given",
        "POST",
        "/fhir/Patient/$validate",
        FHIR_XML,
        ("<Patient xmlns=\"http://hl7.org/fhir\"><name>"
                + "<given value=\"a\"/>".repeat(20_000)
                + "</name></Patient>")
            .getBytes(StandardCharsets.UTF_8),
        TOO_LARGE);
    cds(
        "hook 20k selections",
        "/cds-services/cpt-44405-order-sign",
        template("order-sign.json")
            .replaceFirst(
                "\"context\": \\{",
                "\"context\": {\"selections\": [" + "\"x\",".repeat(19_999) + "\"x\"],"),
        TOO_LARGE);
  }
}
