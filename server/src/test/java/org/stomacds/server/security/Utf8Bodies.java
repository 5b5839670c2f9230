package org.stomacds.server.security;

import static org.stomacds.server.security.HostileBodies.BAD;
import static org.stomacds.server.security.HostileBodies.CREATED;
import static org.stomacds.server.security.HostileBodies.FHIR_JSON;
import static org.stomacds.server.security.HostileBodies.FHIR_XML;
import static org.stomacds.server.security.HostileBytes.*;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Row 13 of issue 13: invalid UTF-8 in JSON, XML, hook and feedback bodies. */
final class Utf8Bodies extends CorpusPart {

  @Override
  void build() {
    invalidUtf8();
  }

  private void invalidUtf8() {
    List<byte[]> bad =
        List.of(
            new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});
    for (byte[] b : bad) {
      String label = hex(b);
      add(
          "utf8 " + label + " in family (JSON)",
          "POST",
          "/fhir/Patient",
          FHIR_JSON,
          splice("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Sm", b, "ith\"}]}"),
          BAD);
      add(
          "utf8 " + label + " in family (XML)",
          "POST",
          "/fhir/Patient",
          FHIR_XML,
          splice(
              "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"Sm",
              b,
              "ith\"/></name></Patient>"),
          BAD);
      add(
          "utf8 " + label + " with no content type",
          "POST",
          "/fhir/Patient",
          null,
          splice("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Sm", b, "ith\"}]}"),
          BAD);
      add(
          "utf8 " + label + " in a transaction",
          "POST",
          "/fhir",
          FHIR_JSON,
          splice(
              "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"",
              b,
              "\"}]},\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}"),
          BAD);
      String hook = template("order-sign.json");
      int at = hook.indexOf("1960-04-01");
      add(
          "utf8 " + label + " in a hook",
          "POST",
          "/cds-services/cpt-44405-order-sign",
          "application/json",
          splice(hook.substring(0, at), b, hook.substring(at)),
          BAD);
      String feedback = template("feedback.json");
      int c = feedback.indexOf("In the scanned");
      add(
          "utf8 " + label + " in feedback",
          "POST",
          "/cds-services/cpt-44405-order-sign/feedback",
          "application/json",
          splice(feedback.substring(0, c), b, feedback.substring(c)),
          BAD);
      add(
          "utf8 " + label + " in gzip",
          "POST",
          "/fhir/Patient",
          FHIR_JSON,
          "gzip",
          gzip(splice("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Sm", b, "ith\"}]}")),
          BAD);
    }
    // Boot's CharacterEncodingFilter forces every request to UTF-8 (server.servlet.encoding), so
    // HAPI reads a body declared Latin-1 as UTF-8 too: refused rather than stored with U+FFFD.
    add(
        "utf-8 accents accepted",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"M\u00fcller \ud83d\ude00\"}]}"
            .getBytes(StandardCharsets.UTF_8),
        CREATED);
    add(
        "latin-1 declared, read as UTF-8",
        "POST",
        "/fhir/Patient",
        FHIR_JSON + ";charset=ISO-8859-1",
        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"M\u00fcller\"}]}"
            .getBytes(StandardCharsets.ISO_8859_1),
        BAD);
  }
}
