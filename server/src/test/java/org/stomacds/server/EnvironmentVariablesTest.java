package org.stomacds.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables the README's configuration table names reach the keys it says they set,
 * as Spring Boot binds them (a comma-separated value becomes a list).
 */
class EnvironmentVariablesTest {

  private static StandardEnvironment environment(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    MutablePropertySources sources = environment.getPropertySources();
    sources.forEach(source -> sources.remove(source.getName()));
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    ConfigurationPropertySources.attach(environment);
    return environment;
  }

  private static List<String> list(StandardEnvironment environment, String key) {
    return Binder.get(environment).bind(key, Bindable.listOf(String.class)).orElse(List.of());
  }

  @Test
  void eachDoorsCorsOriginsComeFromItsOwnVariable() {
    StandardEnvironment environment =
        environment(
            Map.of(
                "STOMACDS_FHIR_CORS_ALLOWED_ORIGINS",
                "https://app.example.org,https://*.example.net",
                "STOMACDS_CDS_ALLOWED_ORIGINS",
                "https://sandbox.cds-hooks.org"));

    assertThat(list(environment, "stomacds.fhir.cors-allowed-origins"))
        .containsExactly("https://app.example.org", "https://*.example.net");
    assertThat(list(environment, "stomacds.cds.allowed-origins"))
        .containsExactly("https://sandbox.cds-hooks.org");
  }

  @Test
  void publicAddressesAndCallbackServersComeFromTheirVariables() {
    StandardEnvironment environment =
        environment(
            Map.of(
                "STOMACDS_PUBLIC_BASE_URL", "https://cds.example.org",
                "STOMACDS_FHIR_SERVER_ADDRESS", "https://fhir.example.org/r4",
                "STOMACDS_CDS_SECURITY_ALLOWED_FHIR_SERVERS",
                    "https://ehr.example.org/fhir,https://ehr2.example.org/fhir"));

    assertThat(environment.getProperty("stomacds.public-base-url"))
        .isEqualTo("https://cds.example.org");
    assertThat(environment.getProperty("stomacds.fhir.server-address"))
        .isEqualTo("https://fhir.example.org/r4");
    assertThat(list(environment, "stomacds.cds.security.allowed-fhir-servers"))
        .containsExactly("https://ehr.example.org/fhir", "https://ehr2.example.org/fhir");
  }
}
