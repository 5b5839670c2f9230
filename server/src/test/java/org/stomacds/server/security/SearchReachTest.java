package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchReachTest {

  private final SearchReach reach = new SearchReach(FhirContext.forR4Cached());

  private List<String> types(String type, String... keyValues) {
    Map<String, String[]> params = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], new String[] {keyValues[i + 1]});
    }
    return reach.reached(type, params).stream().map(SearchReach.Reached::type).toList();
  }

  @Test
  void plainParametersAndTypeModifiersReachNothing() {
    assertThat(types("Procedure", "code", "44405", "subject:Patient", "123", "status", "x"))
        .isEmpty();
    assertThat(types("Procedure", "_sort", "-date", "_count", "1", "_include", "Procedure:subject"))
        .isEmpty();
  }

  @Test
  void typedAndUntypedChainsReachEveryTypeOnTheirWay() {
    assertThat(types("Procedure", "subject:Patient.family", "x")).containsExactly("Patient");
    assertThat(types("Procedure", "subject:Patient.general-practitioner:Practitioner.family", "x"))
        .containsExactly("Patient", "Practitioner");
    // Untyped: every target of Procedure.subject that has a 'family' parameter.
    assertThat(types("Procedure", "subject.family", "x")).containsExactly("Patient");
    assertThat(types("Procedure", "subject.identifier", "x")).contains("Patient", "Group");
  }

  @Test
  void reverseChainsIncludesSortsAndListsReachTheirTypes() {
    assertThat(types("Patient", "_has:Claim:patient:status", "active")).containsExactly("Claim");
    assertThat(types("Patient", "_has:Procedure:subject:_has:Claim:procedure-udi:status", "x"))
        .containsExactly("Procedure", "Claim");
    assertThat(types("Patient", "_has:Claim:patient:provider:Practitioner.family", "x"))
        .containsExactly("Claim", "Practitioner");
    assertThat(types("Patient", "_revinclude", "Claim:patient")).containsExactly("Claim");
    assertThat(types("Patient", "_revinclude", "*")).containsExactly("*");
    assertThat(types("Procedure", "_include", "Procedure:subject:Patient"))
        .containsExactly("Patient");
    assertThat(types("Procedure", "_sort", "subject.family")).containsExactly("Patient");
    assertThat(types("Procedure", "_list", "List/1")).containsExactly("List");
  }

  @Test
  void whatCannotBePlacedReachesEverything() {
    assertThat(types("Procedure", "nosuch.family", "x")).containsExactly("*");
    assertThat(types("Procedure", "subject:NoSuchType.family", "x")).containsExactly("*");
    assertThat(types("Patient", "_has:NoSuch:patient:status", "x")).containsExactly("*");
  }

  @Test
  void includesAreMarkedAsShownNotAsCriteria() {
    assertThat(
            reach.reached("Patient", Map.of("_revinclude", new String[] {"Claim:patient"})).get(0))
        .extracting(SearchReach.Reached::criterion)
        .isEqualTo(false);
  }
}
