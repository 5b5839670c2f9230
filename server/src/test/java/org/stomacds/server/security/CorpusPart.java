package org.stomacds.server.security;

import static org.stomacds.server.security.HostileBodies.BAD;
import static org.stomacds.server.security.HostileBodies.FHIR_JSON;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A part of the {@link HostileBodiesIT} corpus: adds its cases, each with the statuses it may get.
 */
abstract class CorpusPart {

  private final List<HostileBodies.Case> cases = new ArrayList<>();

  abstract void build();

  List<HostileBodies.Case> cases() {
    build();
    return cases;
  }

  void fhir(String name, String method, String path, String template, String number) {
    fhir(name, method, path, template, number, BAD);
  }

  void fhir(
      String name,
      String method,
      String path,
      String template,
      String number,
      Set<Integer> expected) {
    add(
        name,
        method,
        path,
        FHIR_JSON,
        template.replace("N", number).getBytes(StandardCharsets.UTF_8),
        expected);
  }

  void fhirBody(String name, String path, String body, Set<Integer> expected) {
    add(name, "POST", path, FHIR_JSON, body.getBytes(StandardCharsets.UTF_8), expected);
  }

  void cds(String name, String path, String body) {
    cds(name, path, body, BAD);
  }

  void cds(String name, String path, String body, Set<Integer> expected) {
    add(name, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), expected);
  }

  void add(
      String name, String method, String path, String type, byte[] body, Set<Integer> expected) {
    add(name, method, path, type, null, body, expected);
  }

  void add(
      String name,
      String method,
      String path,
      String type,
      String encoding,
      byte[] body,
      Set<Integer> expected) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    if (type != null) {
      headers.put("Content-Type", type);
    }
    if (encoding != null) {
      headers.put("Content-Encoding", encoding);
    }
    cases.add(new HostileBodies.Case(name, method, path, headers, body, expected));
  }
}
