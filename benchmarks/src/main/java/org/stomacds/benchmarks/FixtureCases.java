package org.stomacds.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fixture library ({@code fixtures/cases/<case>/}: {@code bundle.json}, {@code request-*.json}
 * templates, {@code expected.json}) read as the suite's corpus: realistic case data and the hook
 * calls made on it.
 */
public final class FixtureCases {

  private FixtureCases() {}

  /** One case folder. */
  public record FixtureCase(
      String name, ObjectNode bundle, Map<String, String> templates, JsonNode expected) {

    /** The resources of the bundle by {@code Type/id}. */
    public Map<String, JsonNode> resources() {
      Map<String, JsonNode> byRef = new LinkedHashMap<>();
      for (JsonNode entry : bundle.path("entry")) {
        JsonNode r = entry.path("resource");
        byRef.put(r.path("resourceType").asText() + "/" + r.path("id").asText(), r);
      }
      return byRef;
    }

    /** The expected answer of a request file: service and status. */
    public Optional<JsonNode> expectedRequest(String file) {
      for (JsonNode r : expected.path("requests")) {
        if (file.equals(r.path("file").asText())) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }

    /** The request file of this hook that the case expects to be answered 200 by a service. */
    public Optional<String> answeredRequest(String hook) {
      String file = "request-" + hook + ".json";
      return templates.containsKey(file)
              && expectedRequest(file).map(r -> r.path("status").asInt() == 200).orElse(false)
          ? Optional.of(file)
          : Optional.empty();
    }

    /** Expected DetectedIssues: implicated reference to rule ids (status final). */
    public List<JsonNode> detectedIssues() {
      List<JsonNode> issues = new ArrayList<>();
      expected.path("detectedIssues").forEach(issues::add);
      return issues;
    }
  }

  public static List<FixtureCase> load(Path directory) {
    try (Stream<Path> dirs = Files.list(directory)) {
      List<FixtureCase> cases = new ArrayList<>();
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path bundle = dir.resolve("bundle.json");
        Path expected = dir.resolve("expected.json");
        if (!Files.exists(bundle) || !Files.exists(expected)) {
          continue;
        }
        Map<String, String> templates = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.sorted().toList()) {
            String name = f.getFileName().toString();
            if (name.startsWith("request-") && name.endsWith(".json")) {
              templates.put(name, Files.readString(f));
            }
          }
        }
        cases.add(
            new FixtureCase(
                dir.getFileName().toString(),
                (ObjectNode) Fhir.JSON.readTree(bundle.toFile()),
                templates,
                Fhir.JSON.readTree(expected.toFile())));
      }
      if (cases.isEmpty()) {
        throw new IllegalStateException("no fixture cases under " + directory);
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the fixture cases under " + directory, e);
    }
  }
}
