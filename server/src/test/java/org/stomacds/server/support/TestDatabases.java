package org.stomacds.server.support;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the integration tests use: {@code .ci/start-postgres} starts one on loopback and
 * prints the variables read here. Without them the PostgreSQL tests are skipped, saying why.
 */
public final class TestDatabases {

  private TestDatabases() {}

  /** Command-line settings for the {@code postgres} profile; skips the test when none is set up. */
  public static Map<String, String> postgres() {
    String url = System.getenv("STOMACDS_TEST_PG_URL");
    Assumptions.assumeTrue(
        url != null && !url.isBlank(),
        "PostgreSQL tests need STOMACDS_TEST_PG_URL (run: eval \"$(.ci/start-postgres)\")");
    return Map.of(
        "spring.profiles.active",
        "postgres",
        "spring.datasource.url",
        url,
        "spring.datasource.username",
        System.getenv("STOMACDS_TEST_PG_USER"),
        "spring.datasource.password",
        System.getenv("STOMACDS_TEST_PG_PASSWORD"));
  }
}
