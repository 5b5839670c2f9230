package org.stomacds.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The stomacds application: HAPI FHIR R4 JPA server at {@code /fhir} and the CDS Hooks service at
 * {@code /cds-services}, on one database.
 *
 * <p>Excluded auto-configurations fight HAPI (HAPI FHIR runs its own): Elasticsearch keeps calling
 * localhost:9200, Quartz and Thymeleaf duplicate what HAPI runs itself, and Boot's default Flyway
 * run would write its history table into HAPI's schema (our own tables get a Flyway of their own,
 * confined to the {@code stomacds} schema).
 */
@SpringBootApplication(
    scanBasePackages = "org.stomacds",
    exclude = {
      ElasticsearchRestClientAutoConfiguration.class,
      FlywayAutoConfiguration.class,
      QuartzAutoConfiguration.class,
      ThymeleafAutoConfiguration.class
    })
@ConfigurationPropertiesScan("org.stomacds")
public class StomaCdsApplication {

  public static void main(String[] args) {
    SpringApplication.run(StomaCdsApplication.class, args);
  }
}
