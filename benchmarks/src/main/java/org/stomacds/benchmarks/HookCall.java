package org.stomacds.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * One hook request of the corpus, ready to send: its body with a fresh {@code hookInstance} put in
 * at send time (every call is a new hook instance, as the spec wants).
 *
 * @param caseName the fixture case it was made from
 * @param serviceId the service called
 * @param prefetched whether the body carries the full prefetch
 * @param fhirParts the FHIR resources inside the body as JSON text (draft orders, prefetch values):
 *     what HAPI's parser must parse at the least (the floor)
 */
public record HookCall(
    String caseName,
    String serviceId,
    boolean prefetched,
    byte[] before,
    byte[] after,
    java.util.List<String> fhirParts) {

  static final String MARKER = "@@hookInstance@@";

  static HookCall of(
      String caseName,
      String serviceId,
      boolean prefetched,
      String body,
      java.util.List<String> fhirParts) {
    int at = body.indexOf(MARKER);
    if (at < 0 || body.indexOf(MARKER, at + 1) >= 0) {
      throw new IllegalArgumentException(caseName + ": the body must hold one hookInstance marker");
    }
    return new HookCall(
        caseName,
        serviceId,
        prefetched,
        body.substring(0, at).getBytes(StandardCharsets.UTF_8),
        body.substring(at + MARKER.length()).getBytes(StandardCharsets.UTF_8),
        java.util.List.copyOf(fhirParts));
  }

  byte[] body(String hookInstance) {
    byte[] id = hookInstance.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[before.length + id.length + after.length];
    System.arraycopy(before, 0, out, 0, before.length);
    System.arraycopy(id, 0, out, before.length, id.length);
    System.arraycopy(after, 0, out, before.length + id.length, after.length);
    return out;
  }

  public int size() {
    return before.length + after.length + 36;
  }
}
