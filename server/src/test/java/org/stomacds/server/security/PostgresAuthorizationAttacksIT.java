package org.stomacds.server.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.stomacds.server.support.RunningServer;
import org.stomacds.server.support.TestDatabases;

/**
 * {@link AuthorizationAttacksIT} on PostgreSQL (the {@code postgres} profile), when {@code
 * STOMACDS_TEST_PG_URL} is set ({@code .ci/start-postgres}); skipped otherwise.
 */
class PostgresAuthorizationAttacksIT extends AuthorizationAttacksIT {

  private static RunningServer server;
  private static AttackClient pgClient;
  private static AttackData pgData;

  @Override
  AttackClient client() {
    if (pgClient == null) {
      Map<String, String> settings = new HashMap<>(TestDatabases.postgres());
      try {
        Path dir = Files.createTempDirectory(Path.of("target"), "pg-attacks-");
        settings.put("stomacds.fhir.data-dir", dir.toAbsolutePath().toString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      server = RunningServer.start(settings);
      pgClient = new AttackClient(server.baseUrl());
      pgData = new AttackData(pgClient);
    }
    return pgClient;
  }

  @Override
  AttackData data() {
    client();
    return pgData;
  }

  @Override
  void theDemoProfileRefusesToStartWithAManagementPortOnEveryInterface() {
    Assumptions.abort("start-up guard: not a database matter, run on H2 only");
  }

  @AfterAll
  static void printPostgresCounts() {
    report(pgClient);
    if (server != null) {
      server.close();
    }
  }
}
