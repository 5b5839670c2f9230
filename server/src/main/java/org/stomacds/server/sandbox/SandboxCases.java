package org.stomacds.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.stomacds.cds.service.CdsServiceDefinition;
import org.stomacds.fixtures.cases.CaseLibrary;
import org.stomacds.fixtures.cases.Expected;
import org.stomacds.fixtures.cases.FixtureCase;

/**
 * The fixture cases as the sandbox page shows them, read once from the fixtures jar on the class
 * path ({@link CaseLibrary#fromClasspath()}) the first time they are asked for.
 */
final class SandboxCases {

  private final Supplier<CaseLibrary> source;
  private final Function<String, Optional<CdsServiceDefinition>> services;
  private volatile CaseLibrary library;

  /**
   * @param source where the cases come from (the class path in the application)
   * @param services the CDS service definitions by id, to name each request's hook
   */
  SandboxCases(
      Supplier<CaseLibrary> source, Function<String, Optional<CdsServiceDefinition>> services) {
    this.source = source;
    this.services = services;
  }

  List<SandboxCase.Summary> summaries() {
    List<SandboxCase.Summary> summaries = new ArrayList<>();
    for (FixtureCase fixture : library().cases()) {
      summaries.add(
          new SandboxCase.Summary(
              fixture.name(),
              outcome(fixture.name()),
              fixture.expected().description(),
              payerName(fixture.bundle()),
              fixture.expected().requests().stream()
                  .map(r -> hook(r.service()))
                  .map(h -> h == null ? "unknown" : h)
                  .toList()));
    }
    return summaries;
  }

  Optional<SandboxCase.Detail> detail(String name) {
    return library().find(name).map(this::detail);
  }

  private SandboxCase.Detail detail(FixtureCase fixture) {
    Expected expected = fixture.expected();
    List<SandboxCase.Request> requests = new ArrayList<>();
    for (Expected.Request request : expected.requests()) {
      requests.add(
          new SandboxCase.Request(
              request.file(),
              request.service(),
              hook(request.service()),
              fixture.requests().get(request.file()),
              request.status(),
              request.error(),
              request.cards().stream()
                  .map(c -> new SandboxCase.ExpectedCard(c.rule(), c.indicator()))
                  .toList()));
    }
    boolean ownStoreOff =
        expected.requires() != null && Boolean.FALSE.equals(expected.requires().sharedStore());
    return new SandboxCase.Detail(
        fixture.name(),
        expected.description(),
        fixture.readme(),
        fixture.bundle(),
        requests,
        ownStoreOff,
        expected.knownEngineIssue() == null ? null : expected.knownEngineIssue().summary());
  }

  private CaseLibrary library() {
    CaseLibrary loaded = library;
    if (loaded == null) {
      synchronized (this) {
        if (library == null) {
          library = source.get();
        }
        loaded = library;
      }
    }
    return loaded;
  }

  private String hook(String serviceId) {
    return services.apply(serviceId).map(s -> s.hook().id()).orElse(null);
  }

  /** The name's prefix: pass, info, warn or error; {@code other} for anything else. */
  static String outcome(String name) {
    int dash = name.indexOf('-');
    String prefix = dash < 0 ? name : name.substring(0, dash);
    return switch (prefix) {
      case "pass", "info", "warn", "error" -> prefix;
      default -> "other";
    };
  }

  /** The name of the Organization a Coverage of the bundle names as payor, or null. */
  static String payerName(JsonNode bundle) {
    List<JsonNode> resources = new ArrayList<>();
    bundle.path("entry").forEach(e -> resources.add(e.path("resource")));
    for (JsonNode coverage : resources) {
      if (!"Coverage".equals(coverage.path("resourceType").asText())) {
        continue;
      }
      for (JsonNode payor : coverage.path("payor")) {
        String reference = payor.path("reference").asText("");
        for (JsonNode organization : resources) {
          if ("Organization".equals(organization.path("resourceType").asText())
              && reference.equals("Organization/" + organization.path("id").asText())) {
            return organization.path("name").asText(null);
          }
        }
        if (payor.hasNonNull("display")) {
          return payor.get("display").asText();
        }
      }
    }
    return null;
  }
}
