package org.stomacds.server.crash;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps every write it acknowledged through a crash: the application as
 * shipped (its own H2 URL under the data directory), killed with SIGKILL at random moments while
 * every kind of write streams in, restarted on the same directory each time ({@link
 * CrashScenario}). Set {@code -Dstomacds.crash.seed=N} to replay one run's kill points.
 */
class H2CrashSafetyIT {

  @TempDir Path dataDir;
  @TempDir Path logs;

  @Test
  void everyAcknowledgedWriteSurvivesRepeatedKillDashNinesOfTheEmbeddedDatabase() throws Exception {
    new CrashScenario(CrashDatabase.embedded(), dataDir, logs.resolve("application.log"))
        .run(3, Long.getLong("stomacds.crash.seed", System.nanoTime()));
  }
}
