package org.stomacds.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.cds.store.StomacdsSchema;

class JtiReplayCacheTest {

  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  private static JdbcTemplate database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:replay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    StomacdsSchema.flyway(h2).migrate();
    return new JdbcTemplate(h2);
  }

  @Test
  void ofManyReplicasRacingToAcceptOneTokenExactlyOneWins() throws Exception {
    JdbcTemplate jdbc = database();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    List<JtiReplayCache> replicas = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      replicas.add(new JtiReplayCache(jdbc, clock));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 20; round++) {
        String jti = "jti-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (JtiReplayCache replica : replicas) {
          Callable<Boolean> accept =
              () -> {
                start.await();
                return replica.firstUse("https://ehr.example.org", jti, NOW.plusSeconds(3600));
              };
          results.add(pool.submit(accept));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
          winners += result.get() ? 1 : 0;
        }
        assertThat(winners).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void purgesRowsWhoseTimeIsUpAndKeepsTheOthers() {
    JdbcTemplate jdbc = database();
    JtiReplayCache early = new JtiReplayCache(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    early.firstUse("iss", "short", NOW.plus(Duration.ofMinutes(5)));
    early.firstUse("iss", "long", NOW.plus(Duration.ofHours(2)));

    JtiReplayCache later =
        new JtiReplayCache(jdbc, Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));
    assertThat(later.purgeExpired()).isEqualTo(1);
    assertThat(later.firstUse("iss", "short", NOW.plus(Duration.ofHours(2)))).isTrue();
    assertThat(later.firstUse("iss", "long", NOW.plus(Duration.ofHours(2)))).isFalse();
  }

  @Test
  void aCheckedFirstUseIsRememberedOnlyOnceRecordedAndOnlyOnce() {
    JdbcTemplate jdbc = database();
    JtiReplayCache cache = new JtiReplayCache(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

    PendingFirstUse pending = cache.pending("iss", "later", NOW.plusSeconds(3600));
    assertThat(pending.usedBefore()).isFalse();
    assertThat(pending.usedBefore()).isFalse(); // checking and pending write nothing
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"stomacds\".jwt_replay", Integer.class))
        .isZero();

    assertThat(pending.record()).isTrue();
    assertThat(cache.pending("iss", "later", NOW.plusSeconds(3600)).usedBefore()).isTrue();
    assertThat(pending.usedBefore()).isTrue();
    assertThat(cache.pending("iss", "later", NOW.plusSeconds(3600)).record()).isFalse();
    assertThat(cache.firstUse("iss", "later", NOW.plusSeconds(3600))).isFalse();
    assertThat(cache.pending("other-iss", "later", NOW.plusSeconds(3600)).usedBefore()).isFalse();
  }

  @Test
  void aPendingFirstUseIsTakenOnce() {
    PendingFirstUse pending =
        new JtiReplayCache(database(), Clock.systemUTC()).pending("iss", "j", NOW);

    assertThat(pending.takeUnlessTaken()).isTrue();
    assertThat(pending.takeUnlessTaken()).isFalse();
    assertThat(pending.toString()).doesNotContain(JtiReplayCache.key("iss", "j"));
  }

  @Test
  void keysAreFixedLengthWhateverTheJtiAndDoNotCollideAcrossTheSeparator() {
    assertThat(JtiReplayCache.key("iss", "x".repeat(256))).hasSize(64);
    assertThat(JtiReplayCache.key("ab", "c")).isNotEqualTo(JtiReplayCache.key("a", "bc"));
  }
}
