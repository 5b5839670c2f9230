package org.stomacds.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.stomacds.server.StomaCdsApplication;

/**
 * The one application context that {@code @SpringBootTest} integration tests share: the whole
 * application on a random loopback port, on an H2 file database in a fresh temporary directory.
 * Spring caches a context by its configuration, so every test class annotated with exactly this
 * (and nothing that changes the configuration: no {@code @MockBean}, no extra properties) reuses
 * one boot (about 25 s). Tests share its database: give your data ids of its own.
 *
 * <p>{@code stomacds.cds.shared-store=true}: a CDS hook call without {@code fhirServer} reads this
 * server's store, as in the demo.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    classes = StomaCdsApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.address=127.0.0.1", "stomacds.cds.shared-store=true"})
@ContextConfiguration(initializers = SharedApplication.TemporaryDataDirectory.class)
public @interface SharedApplication {

  /** Points the data directory (H2 file, Lucene index) at a new temporary directory. */
  class TemporaryDataDirectory
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      try {
        Path dir = Files.createTempDirectory("stomacds-it-");
        TestPropertyValues.of("stomacds.fhir.data-dir=" + dir).applyTo(context);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
