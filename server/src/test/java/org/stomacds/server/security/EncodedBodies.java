package org.stomacds.server.security;

import static org.stomacds.server.security.HostileBodies.BAD;
import static org.stomacds.server.security.HostileBodies.CREATED;
import static org.stomacds.server.security.HostileBodies.FHIR_JSON;
import static org.stomacds.server.security.HostileBodies.FHIR_XML;
import static org.stomacds.server.security.HostileBodies.TOO_LARGE;
import static org.stomacds.server.security.HostileBytes.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Row 3 of issue 13: compressed bodies, bombs and unknown codings, on every door. */
final class EncodedBodies extends CorpusPart {

  @Override
  void build() {
    compressed();
  }

  private void compressed() {
    byte[] patient = patient("hb-gzip").getBytes(StandardCharsets.UTF_8);
    byte[] padded = padded(15 << 20);
    add("gzip patient", "POST", "/fhir/Patient", FHIR_JSON, "gzip", gzip(patient), CREATED);
    add("x-gzip patient", "POST", "/fhir/Patient", FHIR_JSON, "x-gzip", gzip(patient), CREATED);
    add(
        "deflate patient",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "deflate",
        deflate(patient, false),
        CREATED);
    add(
        "raw deflate patient",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "deflate",
        deflate(patient, true),
        CREATED);
    add(
        "gzip, gzip patient",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "gzip, gzip",
        gzip(gzip(patient)),
        CREATED);
    add("identity patient", "POST", "/fhir/Patient", FHIR_JSON, "identity", patient, CREATED);
    add("gzip to 15 MB", "POST", "/fhir/Patient", FHIR_JSON, "gzip", gzip(padded), TOO_LARGE);
    add(
        "deflate to 15 MB",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "deflate",
        deflate(padded, false),
        TOO_LARGE);
    add(
        "gzip, gzip to 15 MB",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "gzip, gzip",
        gzip(gzip(padded)),
        TOO_LARGE);
    add("gzip to 2 GiB", "POST", "/fhir/Patient", FHIR_JSON, "gzip", gibibyteBomb(2048), TOO_LARGE);
    add(
        "gzip to 15 MB on $validate",
        "POST",
        "/fhir/Patient/$validate",
        FHIR_JSON,
        "gzip",
        gzip(padded),
        TOO_LARGE);
    add(
        "gzip to 15 MB in a transaction",
        "POST",
        "/fhir",
        FHIR_JSON,
        "gzip",
        gzip(padded),
        TOO_LARGE);
    add(
        "gzip to 15 MB as XML",
        "POST",
        "/fhir/Patient",
        FHIR_XML,
        "gzip",
        gzip(paddedXml(15 << 20)),
        TOO_LARGE);
    add("gzip header, plain body", "POST", "/fhir/Patient", FHIR_JSON, "gzip", patient, BAD);
    add(
        "deflate header, garbage",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "deflate",
        "garbage".getBytes(StandardCharsets.UTF_8),
        BAD);
    add(
        "five layers",
        "POST",
        "/fhir/Patient",
        FHIR_JSON,
        "gzip,gzip,gzip,gzip,gzip",
        patient,
        Set.of(415));
    for (String unknown : List.of("br", "compress", "zstd", "bogus", "gzip, br", "x-\u00e9")) {
      add(
          "unknown encoding " + unknown,
          "POST",
          "/fhir/Patient",
          FHIR_JSON,
          unknown,
          patient,
          Set.of(415));
      add(
          "unknown encoding " + unknown + " on a hook",
          "POST",
          "/cds-services/cpt-44405-order-sign",
          "application/json",
          unknown,
          patient,
          Set.of(415));
    }
    byte[] hook = template("order-sign.json").getBytes(StandardCharsets.UTF_8);
    add(
        "gzip hook call",
        "POST",
        "/cds-services/cpt-44405-order-sign",
        "application/json",
        "gzip",
        gzip(hook),
        Set.of(200));
    add(
        "gzip hook to 15 MB",
        "POST",
        "/cds-services/cpt-44405-order-sign",
        "application/json",
        "gzip",
        gzip(padded),
        TOO_LARGE);
    add(
        "gzip feedback to 15 MB",
        "POST",
        "/cds-services/cpt-44405-order-sign/feedback",
        "application/json",
        "gzip",
        gzip(padded),
        TOO_LARGE);
    add(
        "gzip hook to 2 GiB",
        "POST",
        "/cds-services/cpt-44405-order-sign",
        "application/json",
        "gzip",
        gibibyteBomb(2048),
        TOO_LARGE);
    add(
        "gzip to 15 MB elsewhere",
        "POST",
        "/api/sandbox/cases",
        "application/json",
        "gzip",
        gzip(padded),
        TOO_LARGE);
  }
}
