package org.stomacds.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.stomacds.cds.security.CdsSecurityProperties.JkuKeySource;
import org.stomacds.cds.security.CdsSecurityProperties.TrustedIssuer;

/**
 * The per-issuer key and {@code sub} settings, bound as Spring binds them at start-up: a value that
 * cannot work stops the application with a message naming its key.
 */
class CdsSecurityPropertiesTest {

  static final String ISSUER = "stomacds.cds.security.issuers[0].";
  static final String SANDBOX_JKU = "https://sandbox.cds-hooks.org/.well-known/jwks.json";

  private static CdsSecurityProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("stomacds.cds.security", CdsSecurityProperties.class);
  }

  /** The README's sandbox issuer, with these settings changed (a null value removes one). */
  private static Map<String, String> sandbox(String... changes) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(ISSUER + "iss", "https://sandbox.cds-hooks.org");
    values.put(ISSUER + "jwks-file", "/etc/stomacds/cds-hooks-sandbox.jwks.json");
    values.put(ISSUER + "jku-allowlist[0]", SANDBOX_JKU);
    values.put(ISSUER + "jku-keys", "jwks-file");
    values.put(ISSUER + "allow-missing-sub", "true");
    for (int i = 0; i < changes.length; i += 2) {
      if (changes[i + 1] == null) {
        values.remove(ISSUER + changes[i]);
      } else {
        values.put(ISSUER + changes[i], changes[i + 1]);
      }
    }
    return values;
  }

  private static String startUpError(Map<String, String> values) {
    Throwable error = null;
    try {
      bind(values);
    } catch (BindException e) {
      error = e;
      while (error.getCause() != null) {
        error = error.getCause();
      }
    }
    assertThat(error).as("the settings were accepted").isNotNull();
    return error.getMessage();
  }

  @Test
  void bindsJkuKeysFromTheFileAndTheMissingSubOptOut() {
    TrustedIssuer issuer = bind(sandbox()).issuers().get(0);

    assertThat(issuer.jkuKeys()).isEqualTo(JkuKeySource.JWKS_FILE);
    assertThat(issuer.allowMissingSub()).isTrue();
    assertThat(issuer.jkuAllowlist()).containsExactly(SANDBOX_JKU);
  }

  @Test
  void defaultsFetchAListedJkuAndRequireASub() {
    TrustedIssuer issuer =
        bind(Map.of(ISSUER + "iss", "https://ehr.example.org", ISSUER + "jwks-file", "/k.json"))
            .issuers()
            .get(0);

    assertThat(issuer.jkuKeys()).isEqualTo(JkuKeySource.FETCH);
    assertThat(issuer.allowMissingSub()).isFalse();
  }

  @Test
  void refusesJkuKeysFromTheFileForAnIssuerWhoseKeysComeFromAUrl() {
    String error =
        startUpError(
            sandbox("jwks-file", null, "jwks-uri", "https://sandbox.cds-hooks.org/jwks.json"));

    assertThat(error).contains(ISSUER + "jku-keys").contains("no jwks-file");
  }

  @Test
  void refusesJkuKeysFromTheFileWithNoJkuListed() {
    String error = startUpError(sandbox("jku-allowlist[0]", null));

    assertThat(error).contains(ISSUER + "jku-keys").contains(ISSUER + "jku-allowlist");
  }

  @Test
  void refusesAPrefixWhenJkuKeysComeFromTheFile() {
    String error =
        startUpError(sandbox("jku-allowlist[0]", "https://sandbox.cds-hooks.org/.well-known/"));

    assertThat(error).contains(ISSUER + "jku-allowlist[0]").contains("list each jku URL exactly");
  }

  @Test
  void refusesAnAmbiguousJkuEvenWhenItIsNeverFetched() {
    String error =
        startUpError(sandbox("jku-allowlist[0]", "https://sandbox.cds-hooks.org/x/../jwks.json"));

    assertThat(error).contains(ISSUER + "jku-allowlist[0]");
  }

  @Test
  void refusesAnUnknownJkuKeysValueNamingTheKey() {
    assertThatThrownBy(() -> bind(sandbox("jku-keys", "file")))
        .isInstanceOf(BindException.class)
        .hasMessageContaining(ISSUER + "jku-keys");
  }
}
