package org.stomacds.cds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.cds.security.JtiReplayCache;

/**
 * Two calls with one token, each recording its first use in its own call's transaction, the second
 * while the first is still open: on H2 and on PostgreSQL the primary key decides, the second call
 * writes nothing and is told it was replayed; when the first rolls back, the second is recorded.
 */
class CallRecordsRaceTest {

  private static final String ISS = "https://ehr.example.org";
  private static final Instant UNTIL = Instant.now().plusSeconds(3600);

  static Stream<String> databases() {
    return FeedbackPerCardTest.databases();
  }

  /** Two calls racing: the first holds its transaction open after its token's insert. */
  private static final class Race implements AutoCloseable {
    final FeedbackPerCardTest.Database db;
    final JdbcTemplate jdbc;
    final CallRecords records;
    final JtiReplayCache cache;
    final String jti = UUID.randomUUID().toString();
    final CountDownLatch firstInserted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final ExecutorService pool = Executors.newFixedThreadPool(2);

    Race(String kind) {
      db = FeedbackPerCardTest.open(kind);
      DataSource dataSource = db.dataSource();
      StomacdsSchema.flyway(dataSource).migrate();
      jdbc = new JdbcTemplate(dataSource);
      records =
          new CallRecords(dataSource, new AuditRepository(jdbc), new CardIssuanceRepository(jdbc));
      cache = new JtiReplayCache(jdbc, Clock.systemUTC());
    }

    /** The first call: records its token, then waits, its transaction open, until released. */
    Future<?> first(boolean thenFail) {
      FirstUse held =
          () -> {
            boolean recorded = cache.pending(ISS, jti, UNTIL).record();
            firstInserted.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            if (thenFail) {
              throw new IllegalStateException("the first call's rows could not be written");
            }
            return recorded;
          };
      return pool.submit(() -> records.record(invocation(), null, held));
    }

    Future<?> second() throws InterruptedException {
      assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> second =
          pool.submit(() -> records.record(invocation(), null, cache.pending(ISS, jti, UNTIL)));
      Thread.sleep(300); // let it reach its insert while the first transaction is open
      release.countDown();
      return second;
    }

    int rows(String table) {
      return jdbc.queryForObject("SELECT COUNT(*) FROM \"stomacds\"." + table, Integer.class);
    }

    @Override
    public void close() {
      pool.shutdownNow();
      db.close();
    }
  }

  private static AuditRepository.Invocation invocation() {
    return new AuditRepository.Invocation(
        new AuditRepository.Caller(ISS, "ehr-client", null),
        UUID.randomUUID().toString(),
        "cpt-44405-order-sign",
        "order-sign",
        200,
        null,
        List.of(),
        List.of(),
        "test-pack",
        Instant.now(),
        5);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theSecondCallWithATokenIsRefusedAndWritesNothing(String kind) throws Exception {
    try (Race race = new Race(kind)) {
      Future<?> first = race.first(false);
      Future<?> second = race.second();

      first.get(20, TimeUnit.SECONDS);
      assertThatThrownBy(() -> second.get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(FirstUse.Replayed.class);
      assertThat(race.rows("jwt_replay")).isEqualTo(1);
      assertThat(race.rows("invocation_audit")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void whenTheFirstCallRollsBackTheSecondIsRecorded(String kind) throws Exception {
    try (Race race = new Race(kind)) {
      Future<?> first = race.first(true);
      Future<?> second = race.second();

      assertThatThrownBy(() -> first.get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalStateException.class);
      second.get(20, TimeUnit.SECONDS);
      assertThat(race.rows("jwt_replay")).isEqualTo(1);
      assertThat(race.rows("invocation_audit")).isEqualTo(1);
    }
  }
}
