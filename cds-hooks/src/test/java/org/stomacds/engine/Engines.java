package org.stomacds.engine;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.rules.Stage;

/** The default engine, loaded once for every test (terminology parsing takes a second). */
public final class Engines {

  private static DefaultRuleEngine engine;
  private static org.stomacds.engine.terminology.Terminology terminology;

  private Engines() {}

  /** The classpath terminology, parsed once for every test. */
  public static synchronized org.stomacds.engine.terminology.Terminology terminology() {
    if (terminology == null) {
      terminology =
          org.stomacds.engine.terminology.Terminology.loadDefault(
              ca.uhn.fhir.context.FhirContext.forR4Cached());
    }
    return terminology;
  }

  public static synchronized DefaultRuleEngine standard() {
    if (engine == null) {
      engine =
          DefaultRuleEngine.builder()
              .terminology(terminology())
              .clock(
                  Clock.fixed(
                      CaseBuilder.DATE_OF_SERVICE.atStartOfDay().toInstant(ZoneOffset.UTC),
                      ZoneOffset.UTC))
              .build();
    }
    return engine;
  }

  public static List<Finding> evaluate(CaseBuilder builder, Stage... stages) {
    return standard().evaluate(builder.request(stages)).findings();
  }

  public static List<Finding> findings(List<Finding> findings, String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).collect(Collectors.toList());
  }

  public static Set<String> ruleIds(List<Finding> findings) {
    return findings.stream()
        .map(Finding::ruleId)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
