package org.stomacds.server.terminology;

import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the terminology (health contributor {@code terminology}, in the readiness group):
 * down until every value set has been loaded and expands to its expected size.
 */
@Component("terminologyHealthIndicator")
class TerminologyStatus implements HealthIndicator {

  private volatile Health health =
      Health.down().withDetail("state", "loading code systems and value sets").build();

  void ready(int resources) {
    health = Health.up().withDetail("resources", resources).build();
  }

  void failed(List<String> problems) {
    health = Health.down().withDetail("problems", List.copyOf(problems)).build();
  }

  @Override
  public Health health() {
    return health;
  }
}
