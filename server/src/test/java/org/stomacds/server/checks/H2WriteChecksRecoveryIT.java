package org.stomacds.server.checks;

import java.nio.file.Path;
import java.util.Map;
import org.stomacds.server.support.RunningServer;

/** Recovery of pending write checks on the default database: an embedded H2 file. */
class H2WriteChecksRecoveryIT extends WriteChecksRecoveryScenario {

  @Override
  Map<String, String> database(Path dataDir) {
    return RunningServer.h2(dataDir);
  }
}
