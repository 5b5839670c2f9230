package org.stomacds.server.crash;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stomacds.server.support.TestDatabases;

/**
 * An acknowledged write survives a crash on PostgreSQL: the same {@link CrashScenario} as the
 * embedded database's, on the {@code postgres} profile. Set {@code -Dstomacds.crash.seed=N} to
 * replay one run's kill points.
 */
class PostgresCrashSafetyIT {

  @TempDir Path dataDir;
  @TempDir Path logs;

  @Test
  void everyAcknowledgedWriteSurvivesAKillDashNineAndNoTransactionIsHalfApplied() throws Exception {
    CrashDatabase postgres = CrashDatabase.postgres(TestDatabases.postgres());
    new CrashScenario(postgres, dataDir, logs.resolve("application.log"))
        .run(2, Long.getLong("stomacds.crash.seed", System.nanoTime()));
  }
}
