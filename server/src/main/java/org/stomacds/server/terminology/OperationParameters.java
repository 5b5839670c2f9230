package org.stomacds.server.terminology;

import java.util.Map;

/**
 * FHIR R4 parameters of the terminology operations that HAPI FHIR 8.8 accepts and then ignores. An
 * answer computed without them would look like an answer to the question asked, so they are refused
 * with a 400 naming them. Parameters the answer already satisfies (e.g. {@code excludeNested}:
 * expansions are flat unless {@code includeHierarchy} asks otherwise) are let through, and so are
 * names FHIR does not define (as FHIR asks of searches).
 */
final class OperationParameters {

  /** When a parameter is refused. */
  enum Refusal {
    /** Whatever its value. */
    ALWAYS,
    /** When its value is {@code true} (false or absent is what the server does anyway). */
    WHEN_TRUE
  }

  private static final Map<String, Map<String, Refusal>> REFUSED =
      Map.of(
          "ValueSet/$expand",
          Map.ofEntries(
              Map.entry("context", Refusal.ALWAYS),
              Map.entry("contextDirection", Refusal.ALWAYS),
              Map.entry("date", Refusal.ALWAYS),
              Map.entry("designation", Refusal.ALWAYS),
              Map.entry("exclude-system", Refusal.ALWAYS),
              Map.entry("system-version", Refusal.ALWAYS),
              Map.entry("check-system-version", Refusal.ALWAYS),
              Map.entry("force-system-version", Refusal.ALWAYS),
              Map.entry("activeOnly", Refusal.WHEN_TRUE),
              Map.entry("includeDefinition", Refusal.WHEN_TRUE)),
          "CodeSystem/$lookup",
          Map.of("date", Refusal.ALWAYS),
          "CodeSystem/$validate-code",
          Map.of("date", Refusal.ALWAYS, "codeSystem", Refusal.ALWAYS),
          "ValueSet/$validate-code",
          Map.of("date", Refusal.ALWAYS, "context", Refusal.ALWAYS, "valueSet", Refusal.ALWAYS));

  private OperationParameters() {}

  /**
   * Refuses the call when it carries a parameter this operation does not honour.
   *
   * @param operation e.g. {@code ValueSet/$expand}
   */
  static void requireHonoured(String operation, OperationInput input) {
    Map<String, Refusal> refused = REFUSED.getOrDefault(operation, Map.of());
    for (String name : input.names()) {
      Refusal refusal = refused.get(name);
      if (refusal == null) {
        continue;
      }
      if (refusal == Refusal.WHEN_TRUE
          && input.texts(name).stream().noneMatch(v -> v.strip().equalsIgnoreCase("true"))) {
        continue;
      }
      throw TerminologyErrors.notSupported(
          operation
              + ": parameter '"
              + name
              + "'"
              + (refusal == Refusal.WHEN_TRUE ? " = true" : "")
              + " is not supported by this server; leave it out (README, Terminology API)");
    }
  }
}
