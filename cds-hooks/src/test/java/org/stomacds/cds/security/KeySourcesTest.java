package org.stomacds.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an issuer's JWK Set file may be: a path, or the classpath (a directory or a jar). */
class KeySourcesTest {

  @TempDir Path dir;

  final KeySources sources =
      new KeySources(Duration.ofSeconds(2), 4096, Duration.ofMinutes(15), Duration.ofSeconds(30));

  private static List<JWK> keys(JWKSource<SecurityContext> source) throws Exception {
    return source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
  }

  /** Runs with a class loader that sees only a jar holding these entries. */
  private <T> T inJar(String name, String content, ThrowingSupplier<T> body) throws Exception {
    Path jar = Files.createTempFile(dir, "keys-", ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(name));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      thread.setContextClassLoader(loader);
      return body.get();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  @Test
  void readsAJwkSetPackagedInAJarOnTheClasspath() throws Exception {
    TestIssuer key = TestIssuer.ec("packaged-1");

    List<JWK> found =
        inJar(
            "security/issuer.jwks.json",
            key.publicJwks(),
            () -> keys(sources.file("classpath:security/issuer.jwks.json")));

    assertThat(found).extracting(JWK::getKeyID).containsExactly("packaged-1");
  }

  @Test
  void refusesAPackagedSetThatIsMissingOversizedOrNotAJwkSet() throws Exception {
    assertThatThrownBy(
            () ->
                inJar(
                    "security/issuer.jwks.json",
                    "{\"keys\":[]}",
                    () -> sources.file("classpath:security/other.jwks.json")))
        .hasMessageContaining("classpath:security/other.jwks.json is not on the classpath");
    assertThatThrownBy(
            () ->
                inJar(
                    "big.json",
                    "{\"keys\":[],\"pad\":\"" + "x".repeat(5000) + "\"}",
                    () -> sources.file("classpath:big.json")))
        .hasMessageContaining("larger than 4096 bytes");
    assertThatThrownBy(
            () -> inJar("bad.json", "{\"not\":\"keys\"}", () -> sources.file("classpath:bad.json")))
        .hasMessageContaining("is not a JWK Set");
  }

  @Test
  void readsAJwkSetFromAFilePath() throws Exception {
    TestIssuer key = TestIssuer.rsa("file-1");
    Path file = dir.resolve("issuer.jwks.json");
    Files.writeString(file, key.publicJwks());

    assertThat(keys(sources.file(file.toString())))
        .extracting(JWK::getKeyID)
        .containsExactly("file-1");
    assertThatThrownBy(() -> sources.file(dir.resolve("absent.json").toString()))
        .hasMessageContaining("does not exist");
  }
}
