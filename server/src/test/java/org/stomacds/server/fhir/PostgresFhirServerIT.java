package org.stomacds.server.fhir;

import java.nio.file.Path;
import java.util.Map;
import org.stomacds.server.support.TestDatabases;

/** The FHIR server on PostgreSQL, as in production (the {@code postgres} profile). */
class PostgresFhirServerIT extends FhirServerScenario {

  @Override
  Map<String, String> database(Path dataDir) {
    return TestDatabases.postgres();
  }
}
