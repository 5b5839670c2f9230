package org.stomacds.server.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The corpus of {@link HostileBodiesIT}: the rows 2, 3, 9 and 13 of issue 13 and the variants
 * around them, each with the statuses it may get.
 */
final class HostileBodies {

  /** One request and what it may be answered. */
  record Case(
      String name,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      Set<Integer> expected) {}

  static final String FHIR_JSON = "application/fhir+json";
  static final String FHIR_XML = "application/fhir+xml";
  static final Set<Integer> BAD = Set.of(400, 422);
  static final Set<Integer> TOO_LARGE = Set.of(413);
  static final Set<Integer> CREATED = Set.of(200, 201);

  /** Each spelling of an absurd number the issue names, and a few more. */
  static final List<String> NUMBERS =
      List.of(
          "1e999999999",
          "-1e-999999999",
          "1E+2147483647",
          "1e-2147483648",
          "0e999999999",
          "1E2147483648",
          "9".repeat(1_000_000));

  static List<Case> all() {
    List<Case> all = new ArrayList<>();
    all.addAll(new NumberBodies().cases());
    all.addAll(new EncodedBodies().cases());
    all.addAll(new ShapeBodies().cases());
    all.addAll(new Utf8Bodies().cases());
    return all;
  }

  private HostileBodies() {}
}
