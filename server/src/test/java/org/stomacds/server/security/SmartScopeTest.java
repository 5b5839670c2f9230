package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stomacds.server.security.SmartScope.Context;
import org.stomacds.server.security.SmartScope.Permission;

class SmartScopeTest {

  @Test
  void readsV1Scopes() {
    assertThat(SmartScope.parse("user/*.read"))
        .contains(new SmartScope(Context.USER, "*", Set.of(Permission.READ, Permission.SEARCH)));
    assertThat(SmartScope.parse("system/Claim.write"))
        .contains(
            new SmartScope(
                Context.SYSTEM,
                "Claim",
                Set.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE)));
    assertThat(SmartScope.parse("patient/Observation.*").orElseThrow().permissions())
        .containsExactlyInAnyOrder(Permission.values());
  }

  @Test
  void readsV2Scopes() {
    assertThat(SmartScope.parse("patient/Procedure.rs"))
        .contains(
            new SmartScope(
                Context.PATIENT, "Procedure", Set.of(Permission.READ, Permission.SEARCH)));
    assertThat(SmartScope.parse("system/Claim.cruds").orElseThrow().permissions())
        .containsExactlyInAnyOrder(Permission.values());
    assertThat(SmartScope.parse("system/Claim.cu").orElseThrow().permissions())
        .containsExactlyInAnyOrder(Permission.CREATE, Permission.UPDATE);
    assertThat(SmartScope.parse("system/Claim.d").orElseThrow().writes()).isFalse();
  }

  @Test
  void grantsNothingForScopesItCannotEnforceOrDoesNotKnow() {
    assertThat(SmartScope.parse("patient/Observation.rs?category=laboratory")).isEmpty();
    assertThat(SmartScope.parse("system/Claim.sr")).isEmpty(); // letters out of order
    assertThat(SmartScope.parse("system/Claim.")).isEmpty();
    assertThat(SmartScope.parse("system/claim.read")).isEmpty();
    assertThat(SmartScope.parse("admin/*.read")).isEmpty();
    assertThat(SmartScope.parse("openid")).isEmpty();
    assertThat(SmartScope.parse("launch/patient")).isEmpty();
    assertThat(SmartScope.parse(null)).isEmpty();
  }
}
