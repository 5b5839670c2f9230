package org.stomacds.benchmarks.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The start-up baseline: HAPI FHIR's R4 JPA server at {@code /fhir} on an H2 file database, put
 * together exactly as the stomacds server puts its own together ({@code
 * org.stomacds.server.fhir.FhirServerConfig}: the same HAPI configurations, storage settings,
 * Hibernate and Hibernate Search settings, the same excluded auto-configurations, actuator probes),
 * and nothing else: no terminology loading, no CDS Hooks, no write checks, no security, no Flyway
 * of ours.
 *
 * <p>It is packaged as a fat jar of its own ({@code benchmarks/target/bare-hapi.jar}) and started
 * the way the server's jar is, with the same JVM options, so the difference in start-up time and
 * memory is what stomacds adds to HAPI.
 */
@SpringBootApplication(
    exclude = {
      ElasticsearchRestClientAutoConfiguration.class,
      FlywayAutoConfiguration.class,
      QuartzAutoConfiguration.class,
      ThymeleafAutoConfiguration.class
    })
public class BareHapiServer {

  public static void main(String[] args) {
    new SpringApplicationBuilder(BareHapiServer.class)
        .properties("spring.config.name=bare-hapi")
        .run(args);
  }
}
