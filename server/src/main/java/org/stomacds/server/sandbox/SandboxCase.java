package org.stomacds.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What the sandbox page is told about fixture cases. */
final class SandboxCase {

  private SandboxCase() {}

  /**
   * The case list.
   *
   * @param fhirServer the FHIR base a hook request names so the service reads our own store
   * @param sharedStore whether a call with neither prefetch nor {@code fhirServer} reads our store
   * @param cases every case of the library, by name
   */
  record Listing(String fhirServer, boolean sharedStore, List<Summary> cases) {}

  /**
   * One case in the list.
   *
   * @param name the folder name, which says the outcome
   * @param outcome {@code pass}, {@code info}, {@code warn} or {@code error} (the name's prefix)
   * @param description one sentence
   * @param payer the name of the case's payer Organization, or null
   * @param hooks the hooks its requests call, in order
   */
  record Summary(
      String name, String outcome, String description, String payer, List<String> hooks) {}

  /**
   * One case, whole.
   *
   * @param name the folder name
   * @param description one sentence
   * @param readme the case's README (Markdown)
   * @param bundle its transaction Bundle
   * @param requests its hook requests, in the order the case sends them
   * @param needsOwnStoreOff the case expects a deployment whose callers do not share its store
   * @param knownEngineIssue what the engine is known to get wrong here, or null
   */
  record Detail(
      String name,
      String description,
      String readme,
      JsonNode bundle,
      List<Request> requests,
      boolean needsOwnStoreOff,
      String knownEngineIssue) {}

  /**
   * One request of a case.
   *
   * @param file the template's file name
   * @param service the CDS service it is posted to
   * @param hook that service's hook, or null for an id the catalogue does not know
   * @param template the request template as text (it may be deliberately malformed JSON)
   * @param expectedStatus the HTTP status the case expects
   * @param expectedError for an error status, the expected {@code error} code
   * @param expectedCards for 200, the cards the case expects (rule and indicator)
   */
  record Request(
      String file,
      String service,
      String hook,
      String template,
      int expectedStatus,
      String expectedError,
      List<ExpectedCard> expectedCards) {}

  /** A card the case expects: its rule and indicator. */
  record ExpectedCard(String rule, String indicator) {}
}
