package org.stomacds.engine.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads classpath resources for tests. */
final class TestFiles {

  private TestFiles() {}

  static byte[] resource(String name) {
    try (InputStream in = TestFiles.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(resource(name), java.nio.charset.StandardCharsets.UTF_8);
  }
}
