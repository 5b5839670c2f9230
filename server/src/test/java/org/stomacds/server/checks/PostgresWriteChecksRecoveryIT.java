package org.stomacds.server.checks;

import java.nio.file.Path;
import java.util.Map;
import org.stomacds.server.support.TestDatabases;

/** Recovery of pending write checks on PostgreSQL (the {@code postgres} profile). */
class PostgresWriteChecksRecoveryIT extends WriteChecksRecoveryScenario {

  @Override
  Map<String, String> database(Path dataDir) {
    return TestDatabases.postgres();
  }
}
