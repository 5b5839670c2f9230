package org.stomacds.benchmarks.rules;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Resource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stomacds.benchmarks.Fhir;
import org.stomacds.benchmarks.FixtureCases;
import org.stomacds.benchmarks.FixtureCases.FixtureCase;
import org.stomacds.engine.DefaultRuleEngine;
import org.stomacds.engine.Evaluation;
import org.stomacds.engine.EvaluationRequest;
import org.stomacds.engine.RuleEngine;
import org.stomacds.engine.rules.Stage;

/**
 * Rule evaluation per fixture case, as the CDS service asks for it: the case's resources (already
 * parsed, as the service holds them after assembling the case), the hook's stages and focus. One
 * operation is one {@link RuleEngine#evaluate}: facts from the resources, the note read (narrative
 * included, nothing cached between operations), every rule of the stages.
 *
 * <p>The case folder comes from the system property {@code bench.cases}; the suite sets {@link
 * #caseName} to every case that has a hook call the service answers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class RuleEvaluationBenchmark {

  private static final RuleEngine ENGINE = DefaultRuleEngine.loadDefault();

  @Param({"pass-complete-documentation"})
  public String caseName;

  private EvaluationRequest request;

  @Setup(Level.Trial)
  public void setUp() {
    Path cases = Path.of(System.getProperty("bench.cases", "fixtures/cases"));
    FixtureCase c =
        FixtureCases.load(cases).stream()
            .filter(x -> x.name().equals(caseName))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no case " + caseName));
    request = evaluationRequest(c).orElseThrow();
  }

  @Benchmark
  public Evaluation evaluate() {
    return ENGINE.evaluate(request);
  }

  /**
   * What the service evaluates for the case's first answered hook call: discharge (documentation
   * and claim stages, the encounter's Procedures and Claims) or order-sign (its 44405 orders).
   */
  static Optional<EvaluationRequest> evaluationRequest(FixtureCase c) {
    IParser parser = FhirContext.forR4Cached().newJsonParser();
    List<Resource> resources = new ArrayList<>();
    c.resources()
        .values()
        .forEach(r -> resources.add((Resource) parser.parseResource(r.toString())));
    Optional<String> discharge = c.answeredRequest("encounter-discharge");
    if (discharge.isPresent()) {
      String encounter = context(c, discharge.get()).path("encounterId").asText();
      Set<String> focus = new LinkedHashSet<>();
      c.resources()
          .forEach(
              (ref, r) -> {
                boolean type = ref.startsWith("Procedure/") || ref.startsWith("Claim/");
                if (type && mentions(r, "Encounter/" + encounter)) {
                  focus.add(ref);
                }
              });
      if (focus.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new EvaluationRequest(resources, Set.of(Stage.DOCUMENTATION, Stage.CLAIM), focus));
    }
    Optional<String> order =
        c.answeredRequest("order-sign").or(() -> c.answeredRequest("order-select"));
    if (order.isPresent()) {
      Set<String> focus = new LinkedHashSet<>();
      c.resources()
          .forEach(
              (ref, r) -> {
                if (ref.startsWith("ServiceRequest/") && r.toString().contains("\"44405\"")) {
                  focus.add(ref);
                }
              });
      if (!focus.isEmpty()) {
        return Optional.of(new EvaluationRequest(resources, Set.of(Stage.ORDER_SIGN), focus));
      }
    }
    return Optional.empty();
  }

  private static JsonNode context(FixtureCase c, String file) {
    String text = c.templates().get(file).replaceAll("\"\\{\\{[^}]+}}\"", "null");
    try {
      return Fhir.JSON.readTree(text.replaceAll("\\{\\{[^}]+}}", "x")).path("context");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(c.name() + ": " + file + " is not JSON", e);
    }
  }

  /** Whether a resource refers to {@code reference} (its encounter, a Claim line's encounter). */
  private static boolean mentions(JsonNode node, String reference) {
    if (node.isObject()) {
      JsonNode ref = node.get("reference");
      if (ref != null && reference.equals(ref.asText())) {
        return true;
      }
    }
    for (JsonNode child : node) {
      if (mentions(child, reference)) {
        return true;
      }
    }
    return false;
  }
}
