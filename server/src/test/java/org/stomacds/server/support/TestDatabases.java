package org.stomacds.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the integration tests use: {@code .ci/start-postgres} starts one on loopback and
 * prints the variables read here. Without them the PostgreSQL tests are skipped, saying why.
 */
public final class TestDatabases {

  private TestDatabases() {}

  /**
   * Settings for a new, empty database of its own on the test PostgreSQL (created by the admin
   * role, owned by the test role), for a test whose figures must not include what other tests left
   * behind (their pending write checks, their patients' records).
   */
  public static Map<String, String> freshPostgres(String name) {
    Map<String, String> shared = postgres();
    String url = shared.get("spring.datasource.url");
    String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    try (Connection connection =
            DriverManager.getConnection(
                admin, "postgres", System.getenv("STOMACDS_TEST_PG_ADMIN_PASSWORD"));
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE \""
              + name
              + "\" OWNER \""
              + shared.get("spring.datasource.username")
              + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the test database " + name, e);
    }
    Map<String, String> fresh = new java.util.HashMap<>(shared);
    fresh.put("spring.datasource.url", url.substring(0, url.lastIndexOf('/') + 1) + name);
    return Map.copyOf(fresh);
  }

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
