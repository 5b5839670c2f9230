package org.stomacds.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crash test, one mechanism for every database: writers stream every kind of write at the
 * application in a JVM of its own ({@link CrashWriter}); at a random moment it is killed with
 * SIGKILL and started again on the same data, several times; then every acknowledged write must be
 * there, no transaction half applied, every write check cut off by a crash finished, and the
 * terminology index usable.
 */
final class CrashScenario {

  static final int WRITERS = 3;

  /** Acknowledged writes to wait for before a kill may come, and the kill's random delay after. */
  static final int WRITES_BEFORE_KILL = 12;

  static final int MAX_KILL_DELAY_MS = 3000;

  /**
   * Evaluations the dead instance had claimed count as abandoned after stale-after; kept short here
   * so the test need not wait the production five minutes.
   */
  private static final Map<String, String> SETTINGS =
      Map.of("stomacds.checks.stale-after", "10s", "stomacds.checks.sweep-interval", "2s");

  private final CrashDatabase database;
  private final Path dataDir;
  private final Path log;
  private final Ledger ledger = new Ledger();
  private final String run = "crash" + UUID.randomUUID().toString().substring(0, 8);

  CrashScenario(CrashDatabase database, Path dataDir, Path log) {
    this.database = database;
    this.dataDir = dataDir;
    this.log = log;
  }

  /** Runs {@code kills} crash-and-restart cycles, then checks everything acknowledged. */
  void run(int kills, long seed) throws Exception {
    Random random = new Random(seed);
    System.out.printf("crash test on %s: %d kills, seed %d%n", database.name(), kills, seed);
    ChildServer server = start();
    try {
      for (int k = 1; k <= kills; k++) {
        int delay = random.nextInt(MAX_KILL_DELAY_MS);
        writeAndKill(server, delay);
        System.out.printf(
            "crash test on %s: kill %d, %d ms after %d writes; so far %s%n",
            database.name(), k, delay, WRITES_BEFORE_KILL, ledger.summary());
        server = start();
      }
      assertThat(ledger.transactionsAcknowledged).isNotEmpty();
      assertThat(ledger.hookInstances).isNotEmpty();
      LedgerChecks.verifyThroughTheApi(server.baseUrl(), ledger, run, database.name());
      server.stop();
      try (Connection connection = database.connect(dataDir)) {
        LedgerChecks.verifyRows(connection, ledger);
      }
    } finally {
      server.close();
    }
    System.out.printf(
        "crash test on %s: %d kills, %s acknowledged; 0 lost%n",
        database.name(), kills, ledger.summary());
  }

  private ChildServer start() {
    return ChildServer.start(database.profiles(), database.environment(), SETTINGS, dataDir, log);
  }

  private void writeAndKill(ChildServer server, int delayMs) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger sequence = new AtomicInteger(ledger.acknowledgements.get() * 10);
    int before = ledger.acknowledgements.get();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      Thread writer =
          new Thread(
              new CrashWriter(server.baseUrl(), run, sequence, stop, ledger), "crash-writer-" + w);
      writer.start();
      writers.add(writer);
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (ledger.acknowledgements.get() - before < WRITES_BEFORE_KILL) {
      assertThat(System.nanoTime())
          .as("writes acknowledged; log:\n%s", server.tail())
          .isLessThan(deadline);
      Thread.sleep(20);
    }
    Thread.sleep(delayMs);
    server.kill(); // while the writers are still writing
    stop.set(true);
    for (Thread writer : writers) {
      writer.join(TimeUnit.SECONDS.toMillis(90));
    }
  }
}
