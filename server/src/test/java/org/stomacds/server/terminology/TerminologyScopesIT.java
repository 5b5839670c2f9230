package org.stomacds.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On the secured application, each terminology operation needs read on the type it is called on
 * (README, "FHIR API: access tokens and SMART scopes"), and a caller without it learns nothing
 * about our terminology: the 403 comes before any check of what the call names.
 */
class TerminologyScopesIT extends TerminologyCalls {

  /** Each operation, by the type whose read it needs. */
  private static final Map<String, List<String>> CALLS =
      Map.of(
          "ValueSet",
          List.of(
              query("/fhir/ValueSet/$expand", "url", SUPPORTING, "count", "1"),
              query("/fhir/ValueSet/cpt-44405-supporting-diagnoses/$expand", "count", "1"),
              query(
                  "/fhir/ValueSet/$validate-code",
                  "url",
                  SUPPORTING,
                  "system",
                  ICD10,
                  "code",
                  "K94.03"),
              query("/fhir/ValueSet", "url", SUPPORTING)),
          "CodeSystem",
          List.of(
              query("/fhir/CodeSystem/$lookup", "system", CPT, "code", "44405"),
              query("/fhir/CodeSystem/$validate-code", "url", CPT, "code", "44405"),
              query(
                  "/fhir/CodeSystem/$subsumes", "system", ICD10, "codeA", "K94", "codeB", "K94.0"),
              query("/fhir/CodeSystem", "url", CPT)));

  @Test
  void readOnTheTypeAllowsItsOperations() {
    CALLS.forEach(
        (type, paths) -> {
          for (String path : paths) {
            assertThat(callWith(path, "system/" + type + ".read").status()).as(path).isEqualTo(200);
            assertThat(callWith(path, "user/" + type + ".rs").status()).as(path).isEqualTo(200);
            assertThat(callWith(path, "system/*.read").status()).as(path).isEqualTo(200);
          }
        });
  }

  @Test
  void readOnAnotherTypeOrNoTokenDoesNot() {
    CALLS.forEach(
        (type, paths) -> {
          String other = type.equals("ValueSet") ? "CodeSystem" : "ValueSet";
          for (String path : paths) {
            assertThat(callWith(path, "system/" + other + ".read").status())
                .as(path)
                .isEqualTo(403);
            assertThat(callWith(path, "system/Claim.read").status()).as(path).isEqualTo(403);
            assertThat(get(path, "Authorization", "Bearer not-a-token").status())
                .as(path)
                .isEqualTo(401);
          }
        });
  }

  @Test
  void aCallerWithoutTheScopeIsRefusedBeforeAnythingAboutTheTerminologyIsSaid() {
    // Unknown value set, unknown code system, a flat system for $subsumes, a language we do not
    // hold: each would be a 4xx naming what we hold; without the scope it is the bare 403.
    for (String path :
        List.of(
            query("/fhir/ValueSet/$expand", "url", "https://example.org/ValueSet/none"),
            query("/fhir/CodeSystem/$lookup", "system", "http://example.org/none", "code", "1"),
            query("/fhir/CodeSystem/$subsumes", "system", CPT, "codeA", "44388", "codeB", "44405"),
            query("/fhir/ValueSet/$expand", "url", SUPPORTING, "displayLanguage", "de"))) {
      Answer refused = callWith(path, "system/Claim.read");
      assertThat(refused.status()).as(path).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("example.org").doesNotContain("en only");
    }
  }
}
