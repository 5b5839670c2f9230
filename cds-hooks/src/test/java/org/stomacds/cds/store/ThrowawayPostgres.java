package org.stomacds.cds.store;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database of its own on the PostgreSQL that {@code .ci/start-postgres} starts (the variables it
 * prints), created empty for one test and dropped after it, so our migrations run from the start
 * without touching the database the integration tests share. Skips the test when none is set up.
 */
final class ThrowawayPostgres implements FeedbackPerCardTest.Database {

  private final PGSimpleDataSource admin;
  private final PGSimpleDataSource dataSource;
  private final String name;

  private ThrowawayPostgres(PGSimpleDataSource admin, PGSimpleDataSource dataSource, String name) {
    this.admin = admin;
    this.dataSource = dataSource;
    this.name = name;
  }

  static ThrowawayPostgres create() {
    String url = System.getenv("STOMACDS_TEST_PG_URL");
    String adminPassword = System.getenv("STOMACDS_TEST_PG_ADMIN_PASSWORD");
    Assumptions.assumeTrue(
        url != null && !url.isBlank() && adminPassword != null,
        "PostgreSQL tests need STOMACDS_TEST_PG_URL (run: eval \"$(.ci/start-postgres)\")");
    String server = url.substring(0, url.lastIndexOf('/') + 1);
    String name = "feedback_" + UUID.randomUUID().toString().replace("-", "");
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(server + "postgres");
    admin.setUser("postgres");
    admin.setPassword(adminPassword);
    String user = System.getenv("STOMACDS_TEST_PG_USER");
    new JdbcTemplate(admin).execute("CREATE DATABASE " + name + " OWNER " + user);
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setURL(server + name);
    db.setUser(user);
    db.setPassword(System.getenv("STOMACDS_TEST_PG_PASSWORD"));
    return new ThrowawayPostgres(admin, db, name);
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    new JdbcTemplate(admin).execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }
}
