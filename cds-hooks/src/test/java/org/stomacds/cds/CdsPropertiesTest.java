package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class CdsPropertiesTest {

  private static CdsProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("stomacds.cds", CdsProperties.class);
  }

  @Test
  void startsWithSafeDefaults() {
    CdsProperties p = bind(Map.of());

    assertThat(p.allowedOrigins()).isEmpty();
    assertThat(p.sharedStore()).isFalse();
    assertThat(p.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
    assertThat(p.fetchTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void readsKebabCaseKeys() {
    CdsProperties p =
        bind(
            Map.of(
                "stomacds.cds.allowed-origins",
                    "https://sandbox.cds-hooks.org,https://*.example.org",
                "stomacds.cds.shared-store", "true",
                "stomacds.cds.max-body-size", "256KB",
                "stomacds.cds.fetch-timeout", "1500ms"));

    assertThat(p.allowedOrigins())
        .containsExactly("https://sandbox.cds-hooks.org", "https://*.example.org");
    assertThat(p.sharedStore()).isTrue();
    assertThat(p.maxBodySize()).isEqualTo(DataSize.ofKilobytes(256));
    assertThat(p.fetchTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void refusesAnOriginWithAPathAndTimeoutsOutOfRange() {
    assertThatThrownBy(
            () -> bind(Map.of("stomacds.cds.allowed-origins", "https://ehr.example.org/")))
        .isInstanceOf(BindException.class)
        .getRootCause()
        .hasMessageContaining("stomacds.cds.allowed-origins");
    assertThatThrownBy(() -> bind(Map.of("stomacds.cds.fetch-timeout", "5m")))
        .getRootCause()
        .hasMessageContaining("stomacds.cds.fetch-timeout");
    assertThatThrownBy(
            () ->
                new CdsProperties(
                    List.of(),
                    false,
                    DataSize.ofBytes(10),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    4))
        .hasMessageContaining("max-body-size");
  }
}
