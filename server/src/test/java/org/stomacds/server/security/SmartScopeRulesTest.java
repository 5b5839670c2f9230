package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which HAPI rules a token's scopes become (the IT checks HAPI enforces them). */
class SmartScopeRulesTest {

  final SmartScopeRules rules =
      new SmartScopeRules(
          FhirContext.forR4Cached(),
          java.util.stream.Stream.concat(
                  SmartScopeRules.BUILT_IN_OPERATIONS.stream(),
                  java.util.stream.Stream.of(
                      new FhirOperationScope("$check", FhirOperationScope.Access.READ)))
              .toList());

  private List<String> names(String... scopes) {
    return SmartScopeRules.names(rules.rules(List.of(scopes), Optional.empty()));
  }

  @Test
  void withoutScopesOnlyMetadataIsAllowed() {
    assertThat(names()).containsExactly("metadata", "transaction", "no scope allows this");
  }

  @Test
  void readScopesAllowReadsAndTheReadOperationsOfTheirType() {
    assertThat(names("system/CodeSystem.read"))
        .contains("read CodeSystem", "$lookup", "$expand", "$check")
        .doesNotContain("write CodeSystem", "patch");
  }

  @Test
  void updateWithoutCreateRefusesCreatesFirst() {
    assertThat(names("system/Claim.u"))
        .startsWith("metadata", "update-only Claim")
        .contains("update Claim", "patch");
    assertThat(names("system/Claim.u", "system/*.c")).doesNotContain("update-only Claim");
  }

  @Test
  void patientScopesNeedAPatientAndIgnoreUnknownTypes() {
    assertThat(names("patient/Procedure.rs")).doesNotContain("read patient Procedure");
    assertThat(
            SmartScopeRules.names(rules.rules(List.of("patient/Procedure.rs"), Optional.of("p1"))))
        .contains("read patient Procedure");
    assertThat(names("system/Spaceship.read")).doesNotContain("read Spaceship");
  }
}
