package org.stomacds.cds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.cds.card.RenderedCards;
import org.stomacds.cds.wire.Coding;
import org.stomacds.cds.wire.Feedback;

/**
 * Feedback is kept per card in the database, so replicas sharing it agree: the unique key on the
 * card, an insert and a conditional update, no memory. Also the V5 migration of rows stored before,
 * when one card could have several.
 */
class FeedbackPerCardTest {

  private static final String REASONS = "https://stomacds.org/fhir/CodeSystem/override-reason";

  /** A fresh, empty database of one kind; dropped when closed. */
  interface Database extends AutoCloseable {
    DataSource dataSource();

    @Override
    void close();
  }

  static Stream<String> databases() {
    return Stream.of("H2", "PostgreSQL");
  }

  static Database open(String kind) {
    if (kind.equals("H2")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:feedback-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      return new Database() {
        @Override
        public DataSource dataSource() {
          return h2;
        }

        @Override
        public void close() {
          new JdbcTemplate(h2).execute("SHUTDOWN");
        }
      };
    }
    return ThrowawayPostgres.create();
  }

  private static Feedback overridden(String card, String reason, int minute) {
    return new Feedback(
        card,
        "overridden",
        List.of(),
        new Coding(REASONS, reason, null),
        null,
        OffsetDateTime.of(2026, 11, 20, 10, minute, 0, 0, ZoneOffset.UTC));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void replicasRacingOnOneCardLeaveOneRowHoldingTheLatestFeedback(String kind) throws Exception {
    try (Database database = open(kind)) {
      race(database.dataSource());
    }
  }

  private static void race(DataSource db) throws Exception {
    StomacdsSchema.flyway(db).migrate();
    CardIssuanceRepository issuance = new CardIssuanceRepository(new JdbcTemplate(db));
    String card = UUID.randomUUID().toString();
    issuance.recordIssued(
        "svc",
        UUID.randomUUID().toString(),
        "v1",
        Instant.now(),
        List.of(new RenderedCards.Issued(card, "rule-a", List.of())));
    CardIssuanceRepository.IssuedCard issued = issuance.find(card).orElseThrow();
    // Two replicas: each its own repository over the shared database.
    List<FeedbackRepository> replicas =
        List.of(
            new FeedbackRepository(new JdbcTemplate(db)),
            new FeedbackRepository(new JdbcTemplate(db)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<FeedbackRepository.Result>> results = new ArrayList<>();
    try {
      for (int minute = 0; minute < 40; minute++) {
        int m = minute;
        Callable<FeedbackRepository.Result> task =
            () ->
                replicas
                    .get(m % 2)
                    .store(overridden(card, "reason-" + m, m), issued, Instant.now());
        results.add(pool.submit(task));
        // The same feedback again, from the other replica.
        results.add(
            pool.submit(
                () ->
                    replicas
                        .get((m + 1) % 2)
                        .store(overridden(card, "reason-" + m, m), issued, Instant.now())));
      }
      for (Future<FeedbackRepository.Result> r : results) {
        r.get();
      }
    } finally {
      pool.shutdownNow();
    }

    JdbcTemplate jdbc = new JdbcTemplate(db);
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT override_reason_code FROM \"stomacds\".card_feedback WHERE card_uuid = ?",
            card);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).values()).containsExactly("reason-39");
    assertThat(results.stream().filter(r -> get(r) == FeedbackRepository.Result.STORED)).hasSize(1);
    assertThat(new FeedbackRepository(jdbc).summary("svc"))
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.issued()).isEqualTo(1);
              assertThat(rule.overridden()).isEqualTo(1);
              assertThat(rule.overrideReasons()).hasSize(1);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void migrationKeepsTheLatestFeedbackOfEachCardStoredBefore(String kind) {
    try (Database database = open(kind)) {
      migrate(database.dataSource());
    }
  }

  private static void migrate(DataSource db) {
    Flyway.configure()
        .dataSource(db)
        .schemas(StomacdsSchema.SCHEMA)
        .defaultSchema(StomacdsSchema.SCHEMA)
        .createSchemas(true)
        .table("flyway_schema_history")
        .locations(StomacdsSchema.LOCATION)
        .target("3")
        .load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(db);
    String a = issue(jdbc);
    String b = issue(jdbc);
    String c = issue(jdbc);
    feedbackRow(jdbc, a, "first", "2026-11-20T10:00:00Z");
    feedbackRow(jdbc, a, "latest", "2026-11-20T10:05:00Z");
    feedbackRow(jdbc, a, "between", "2026-11-20T10:03:00Z");
    feedbackRow(jdbc, b, "same-time-first", "2026-11-20T10:00:00Z");
    feedbackRow(jdbc, b, "same-time-last", "2026-11-20T10:00:00Z");
    feedbackRow(jdbc, c, "only", "2026-11-20T10:00:00Z");

    StomacdsSchema.flyway(db).migrate();

    assertThat(
            jdbc.queryForList(
                "SELECT override_reason_code FROM \"stomacds\".card_feedback ORDER BY id",
                String.class))
        .containsExactlyInAnyOrder("latest", "same-time-last", "only");
    assertThat(new CardIssuanceRepository(jdbc).find(a).orElseThrow().suggestions()).isEmpty();
  }

  private static Object get(Future<FeedbackRepository.Result> result) {
    try {
      return result.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String issue(JdbcTemplate jdbc) {
    String uuid = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO \"stomacds\".card_issuance (card_uuid, service_id, rule_id, hook_instance,"
            + " pack_version, issued_at) VALUES (?, 'svc', 'rule-a', ?, 'v1', ?)",
        uuid,
        UUID.randomUUID().toString(),
        OffsetDateTime.now(ZoneOffset.UTC));
    return uuid;
  }

  private static void feedbackRow(JdbcTemplate jdbc, String card, String reason, String at) {
    jdbc.update(
        "INSERT INTO \"stomacds\".card_feedback (feedback_key, card_uuid, service_id, rule_id,"
            + " outcome, override_reason_system, override_reason_code, accepted_suggestions,"
            + " outcome_at, received_at) VALUES (?, ?, 'svc', 'rule-a', 'overridden', ?, ?, 0, ?, ?)",
        UUID.randomUUID().toString(),
        card,
        REASONS,
        reason,
        Instant.parse(at).atOffset(ZoneOffset.UTC),
        OffsetDateTime.now(ZoneOffset.UTC));
  }
}
