package org.stomacds.server.fhir;

import java.nio.file.Path;
import java.util.Map;
import org.stomacds.server.support.RunningServer;

/** The FHIR server on its default database: an embedded H2 file. */
class H2FhirServerIT extends FhirServerScenario {

  @Override
  Map<String, String> database(Path dataDir) {
    return RunningServer.h2(dataDir);
  }
}
