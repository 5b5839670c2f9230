package org.stomacds.server.cds;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.stomacds.server.support.SharedApplication;

/**
 * The cases and requests under {@code src/test/resources/cds/}: JSON templates whose {@code {name}}
 * placeholders are filled in (JSON-escaped) before parsing, so each test writes its own copy of a
 * case under ids of its own ({@code {case}-pat}, {@code {case}-claim}) into the shared store.
 */
public final class CaseFiles {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

  private CaseFiles() {}

  /** A fresh case id prefix: letters first (HAPI refuses purely numeric client ids). */
  public static String newCaseId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String newHookInstance() {
    return UUID.randomUUID().toString();
  }

  /** A text file of the folder, as it is. */
  public static String text(String name) {
    String path = "cds/" + name;
    try (InputStream in = CaseFiles.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text file of the folder, base64-encoded (for an attachment's {@code data}). */
  public static String base64(String name) {
    return Base64.getEncoder().encodeToString(text(name).getBytes(StandardCharsets.UTF_8));
  }

  /** A template with every placeholder filled; fails on a placeholder left without a value. */
  public static String fill(String name, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text(name));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            name + ": no value for placeholder {" + m.group(1) + "}");
      }
      String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(value));
      m.appendReplacement(out, Matcher.quoteReplacement(escaped));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A hook request template, filled, as a JSON tree the test may still change. */
  static ObjectNode request(String name, Map<String, String> values) {
    try {
      return (ObjectNode) SharedApplication.json().readTree(fill(name, values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Bundle template, filled and parsed. */
  static Bundle bundle(String name, Map<String, String> values) {
    return SharedApplication.fhirContext()
        .newJsonParser()
        .parseResource(Bundle.class, fill(name, values));
  }
}
