package org.stomacds.benchmarks;

import java.time.Duration;
import java.util.List;
import org.stomacds.benchmarks.FixtureCases.FixtureCase;

/**
 * A running server of ours (or the bare one) and how to reach it: its base URL and a FHIR client
 * carrying an access token it trusts.
 */
public record RunningServer(ServerProcess process, String baseUrl, Fhir fhir)
    implements AutoCloseable {

  /** Loads every case's bundle, then waits until the server has done the work the loads caused. */
  public void loadCases(List<FixtureCase> cases) throws Exception {
    for (FixtureCase c : cases) {
      fhir.load(c.bundle(), c.name() + "/bundle.json");
    }
    process.waitIdle(Duration.ofSeconds(90));
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
