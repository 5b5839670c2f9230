package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stomacds.server.security.SmartScope.Permission;
import org.stomacds.server.security.TokenGrants.Reach;

class TokenGrantsTest {

  @Test
  void theWidestScopeOnATypeWins() {
    TokenGrants grants =
        new TokenGrants(
            List.of("patient/Claim.cruds", "system/Claim.rs", "patient/*.r", "openid"),
            Optional.of("a"));
    assertThat(grants.readReach("Claim")).isEqualTo(Reach.ALL);
    assertThat(grants.reach("Claim", Permission.CREATE)).isEqualTo(Reach.PATIENT);
    assertThat(grants.readReach("Procedure")).isEqualTo(Reach.PATIENT);
    assertThat(grants.reach("Procedure", Permission.DELETE)).isEqualTo(Reach.NONE);
  }

  @Test
  void aPatientScopeWithoutAPatientReachesNothing() {
    TokenGrants grants = new TokenGrants(List.of("patient/Claim.rs"), Optional.empty());
    assertThat(grants.readReach("Claim")).isEqualTo(Reach.NONE);
  }
}
