package org.stomacds.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stomacds.server.crash.CallJournal.Call;
import org.stomacds.server.support.TestDatabases;

/**
 * Two replicas on one PostgreSQL behind HAProxy, under steady load through the balancer (hook calls
 * with JWTs, Procedure, Claim and transaction writes, feedback): one replica is killed with SIGKILL
 * and started again, then the other is stopped with SIGTERM and started again, as an operations
 * team rolls out a release one replica at a time (each replica has then been replaced once: the
 * killed one came back on the release, so the roll ends with the survivor). Nothing acknowledged
 * may be lost; each write's DetectedIssues exist once; nothing is left pending; a JWT used on one
 * replica is refused on the other; feedback counts once; only calls in flight at the kill may fail,
 * and none during the rolling restart.
 */
class ReplicaFailoverIT {

  private static final int WRITERS = 2;
  private static final long STEADY_MS = 6_000;

  /**
   * Short stale-after and sweep so the survivor finishes the killed replica's claimed evaluations
   * within the test; the drain of the shipped deployment (deploy/compose.yaml), longer than the
   * shipped balancer needs to see readiness go down (two checks 2 s apart). Two cores carry the
   * load, the balancer, the survivor and a replica starting: a hook's fetch from the FHIR server
   * may take longer than the production 3 s, which would fail the call for slowness, not for the
   * failover this test is about.
   */
  private static final Map<String, String> SETTINGS =
      Map.of(
          "stomacds.checks.stale-after", "10s",
          "stomacds.checks.sweep-interval", "2s",
          "stomacds.shutdown.drain", "5s",
          "stomacds.cds.fetch-timeout", "15s");

  @TempDir Path dir;

  private final Ledger ledger = new Ledger();
  private final CallJournal journal = new CallJournal();
  private final String run = "replica" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void twoReplicasLoseNothingAcknowledgedThroughAKillAndARollingRestart() throws Exception {
    LoadBalancer.assumeInstalled();
    CrashDatabase postgres = CrashDatabase.postgres(TestDatabases.freshPostgres("stomacds_" + run));
    int[] ports = {ChildServer.freePort(), ChildServer.freePort()};
    ChildServer[] replicas = new ChildServer[2];
    try (LoadBalancer balancer =
        LoadBalancer.start(ChildServer.freePort(), List.of(ports[0], ports[1]), dir)) {
      Replicas fleet = new Replicas(postgres, balancer.baseUrl(), ports, replicas, dir);
      // One after the other: the first creates the schema, the second finds it.
      fleet.start(0);
      fleet.start(1);
      String orderCase = run + "-order";
      ReplicaChecks.storeOrderCase(balancer.baseUrl(), orderCase);

      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = startWriters(balancer.baseUrl(), orderCase, stop);
      Thread.sleep(STEADY_MS);
      awaitACallInFlight();
      long killedAt = System.nanoTime();
      replicas[0].kill();
      long diedAt = System.nanoTime();
      Thread.sleep(STEADY_MS);
      long restartStarted = System.nanoTime();
      fleet.start(0);
      fleet.awaitInRotation();
      long rollingFrom = System.nanoTime();
      replicas[1].stop();
      fleet.start(1);
      fleet.awaitInRotation();
      long rollingTo = System.nanoTime();
      Thread.sleep(STEADY_MS / 2);
      stop.set(true);
      for (Thread writer : writers) {
        writer.join(TimeUnit.SECONDS.toMillis(90));
      }

      report(killedAt, restartStarted, rollingFrom, rollingTo);
      assertOnlyCallsInFlightAtTheKillFailed(killedAt, diedAt);
      assertNoCallFailedDuringTheRollingRestart(rollingFrom, rollingTo);

      LedgerChecks.verifyThroughTheApi(balancer.baseUrl(), ledger, run, "two replicas");
      try (Connection connection = postgres.connect(dir)) {
        Replicas.awaitNothingPending(connection, ledger);
        LedgerChecks.verifyRows(connection, ledger);
        ReplicaChecks.assertEachWritesIssuesOnce(balancer.baseUrl(), ledger);
        ReplicaChecks.assertJwtRefusedOnTheOtherReplica(balancer.baseUrl(), replicas, orderCase);
        ReplicaChecks.assertFeedbackCountedOnceAcrossReplicas(
            balancer.baseUrl(), replicas, orderCase, connection);
      }
      ReplicaChecks.assertNoWriteCheckFailed(List.of(fleet.log(0), fleet.log(1)));
      System.out.printf("replica test: %s; 0 lost, 0 duplicated, 0 pending%n", ledger.summary());
    } finally {
      for (ChildServer replica : replicas) {
        if (replica != null) {
          replica.close();
        }
      }
    }
  }

  /**
   * The writers trickle, so at a random moment no call may be open: the kill waits (5 s at most)
   * for one, so that what a kill does to a call in flight is tested, not only what it does between
   * calls.
   */
  private void awaitACallInFlight() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (journal.inFlight() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
  }

  private List<Thread> startWriters(String base, String orderCase, AtomicBoolean stop) {
    AtomicInteger sequence = new AtomicInteger();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      Thread writer =
          new Thread(
              new CrashWriter(base, run, sequence, stop, ledger, journal, orderCase),
              "replica-writer-" + w);
      writer.start();
      writers.add(writer);
    }
    return writers;
  }

  /**
   * A call may fail for the kill if it overlapped the kill (sent before the process was gone,
   * answered after SIGKILL was sent), or if it got no HTTP answer at all and was sent while the
   * balancer could still be holding a connection to the dead replica (its detection time, two
   * checks 2 s apart). Anything else that failed is a failure of the fleet.
   */
  private void assertOnlyCallsInFlightAtTheKillFailed(long killedAt, long diedAt) {
    long detection = TimeUnit.SECONDS.toNanos(4);
    List<Call> failed = journal.calls().stream().filter(c -> !ok(c)).toList();
    List<Call> notInFlight =
        failed.stream()
            .filter(c -> !(c.startNanos() <= diedAt && c.endNanos() >= killedAt))
            .filter(
                c ->
                    !(c.status() < 0
                        && c.startNanos() <= diedAt + detection
                        && c.endNanos() >= killedAt))
            .toList();
    assertThat(notInFlight)
        .as(
            "failed calls that were not in flight when the replica was killed (kill sent at %d,"
                + " process gone at %d)",
            killedAt, diedAt)
        .isEmpty();
  }

  private void assertNoCallFailedDuringTheRollingRestart(long from, long to) {
    assertThat(journal.between(from, to).stream().filter(c -> !ok(c)).toList())
        .as("calls that failed during the rolling restart")
        .isEmpty();
    assertThat(journal.between(from, to)).as("calls during the rolling restart").isNotEmpty();
  }

  private static boolean ok(Call call) {
    return call.status() >= 200 && call.status() < 300;
  }

  private void report(long killedAt, long restartStarted, long rollingFrom, long rollingTo) {
    List<Call> calls = journal.calls();
    long inFlight = calls.stream().filter(c -> c.inFlightAt(killedAt)).count();
    long failedAtKill = calls.stream().filter(c -> !ok(c) && c.inFlightAt(killedAt)).count();
    List<Call> rolling = journal.between(rollingFrom, rollingTo);
    Map<String, Long> byReplica = new java.util.TreeMap<>();
    calls.forEach(c -> byReplica.merge(c.servedBy(), 1L, Long::sum));
    System.out.printf(
        "replica test: %d calls through the balancer, served by %s%n"
            + "replica test: kill -9 of %s: %d calls in flight, %d failed (%.1f%% of all calls);"
            + " restarted and back in rotation %.1f s after the kill%n"
            + "replica test: rolling restart (%.1f s): %d calls, %d failed%n"
            + "replica test: latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        calls.size(),
        byReplica,
        LoadBalancer.name(0),
        inFlight,
        failedAtKill,
        100.0 * failedAtKill / Math.max(1, calls.size()),
        (rollingFrom - killedAt) / 1e9,
        (rollingTo - rollingFrom) / 1e9,
        rolling.size(),
        rolling.stream().filter(c -> !ok(c)).count(),
        percentile(calls, 0.50),
        percentile(calls, 0.99),
        percentile(calls, 1.0));
  }

  private static double percentile(List<Call> calls, double p) {
    long[] millis =
        calls.stream()
            .mapToLong(c -> (c.endNanos() - c.startNanos()) / 1_000_000)
            .sorted()
            .toArray();
    if (millis.length == 0) {
      return 0;
    }
    return millis[Math.min(millis.length - 1, (int) Math.ceil(p * millis.length) - 1)];
  }

  /** Starting replicas on their fixed ports and waiting for the balancer to route to them. */
  private record Replicas(
      CrashDatabase database,
      String publicBaseUrl,
      int[] ports,
      ChildServer[] replicas,
      Path root) {

    /** Each replica keeps its own data directory (its Lucene index) across restarts. */
    void start(int r) throws Exception {
      Path data = Files.createDirectories(root.resolve(LoadBalancer.name(r)));
      replicas[r] =
          ChildServer.startOn(
              ports[r],
              publicBaseUrl,
              database.profiles(),
              database.environment(),
              SETTINGS,
              data,
              data.resolve("application.log"));
    }

    Path log(int r) {
      return root.resolve(LoadBalancer.name(r)).resolve("application.log");
    }

    /** The shipped balancer marks a replica up after two passing checks 2 s apart. */
    void awaitInRotation() throws InterruptedException {
      Thread.sleep(5_000);
    }

    static void awaitNothingPending(Connection connection, Ledger ledger) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (System.nanoTime() < deadline && ReplicaChecks.pending(connection, ledger) > 0) {
        Thread.sleep(500);
      }
    }
  }
}
