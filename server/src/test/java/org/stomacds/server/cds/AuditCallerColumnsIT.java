package org.stomacds.server.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.cds.store.AuditRepository;
import org.stomacds.cds.store.AuditRepository.Caller;
import org.stomacds.cds.store.StomacdsSchema;
import org.stomacds.server.support.TestDatabases;

/**
 * Who called, in the audit rows (migration V4), on both databases the application runs on: our
 * schema migrated as at start-up, rows written and read back through JDBC. On the PostgreSQL of
 * {@code .ci/start-postgres}; skipped, saying why, without it.
 */
class AuditCallerColumnsIT {

  @Test
  void recordsIssuerSubjectAndTenantOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    recordsTheCaller(h2);
  }

  @Test
  void recordsIssuerSubjectAndTenantOnPostgres() {
    Map<String, String> settings = TestDatabases.postgres();
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setUrl(settings.get("spring.datasource.url"));
    postgres.setUser(settings.get("spring.datasource.username"));
    postgres.setPassword(settings.get("spring.datasource.password"));
    recordsTheCaller(postgres);
  }

  private static void recordsTheCaller(DataSource dataSource) {
    StomacdsSchema.flyway(dataSource).migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    AuditRepository audit = new AuditRepository(jdbc);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String longSubject = "client-" + "x".repeat(300);

    audit.record(invocation(run + "-ehr", new Caller("https://ehr.example.org", "epic-1", "h-7")));
    audit.record(
        invocation(run + "-sandbox", new Caller("https://sandbox.cds-hooks.org", null, null)));
    audit.record(invocation(run + "-demo", null));
    audit.record(
        invocation(run + "-long", new Caller("https://ehr.example.org", longSubject, null)));

    assertThat(caller(jdbc, run + "-ehr"))
        .containsExactly("https://ehr.example.org", "epic-1", "h-7");
    // The subject absent: the issuer says the call was authenticated, the subject that it had none.
    assertThat(caller(jdbc, run + "-sandbox"))
        .containsExactly("https://sandbox.cds-hooks.org", null, null);
    assertThat(caller(jdbc, run + "-demo")).containsExactly(null, null, null);
    assertThat(caller(jdbc, run + "-long").get(1)).hasSize(255).startsWith("client-xxx");
  }

  private static AuditRepository.Invocation invocation(String hookInstance, Caller caller) {
    return new AuditRepository.Invocation(
        caller,
        hookInstance,
        "cpt-44405-order-sign",
        "order-sign",
        200,
        null,
        List.of("order-documentation-checklist"),
        List.of(UUID.randomUUID().toString()),
        "2024.07.1",
        Instant.now(),
        12);
  }

  private static List<String> caller(JdbcTemplate jdbc, String hookInstance) {
    return jdbc.queryForObject(
        "SELECT caller_issuer, caller_subject, caller_tenant FROM \"stomacds\".invocation_audit"
            + " WHERE hook_instance = ?",
        (rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)),
        hookInstance);
  }
}
