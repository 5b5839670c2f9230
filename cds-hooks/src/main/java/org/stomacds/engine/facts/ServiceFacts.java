package org.stomacds.engine.facts;

import java.util.Locale;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.narrative.ServiceReading;

/** A note's {@link ServiceReading} as the facts hold it: {@link PerformedService}. */
final class ServiceFacts {

  private ServiceFacts() {}

  static PerformedService of(ServiceReading reading, String resource, String expression) {
    return new PerformedService(
        said(reading, "route", PerformedService.Route.class, resource, expression),
        said(reading, "stoma-kind", PerformedService.Route.class, resource, expression),
        evidence(reading, "colon", resource, expression),
        evidence(reading, "stoma", resource, expression),
        said(reading, "dilation", PerformedService.Dilation.class, resource, expression),
        evidence(reading, "stent", resource, expression),
        evidence(reading, "ablation", resource, expression),
        evidenceOf(reading, "short-exam", "planned", resource, expression),
        evidenceOf(reading, "reach", "splenic-flexure-not-reached", resource, expression));
  }

  private static <E extends Enum<E>> PerformedService.Said<E> said(
      ServiceReading reading, String fact, Class<E> type, String resource, String expression) {
    return reading
        .fact(fact)
        .map(
            s ->
                new PerformedService.Said<>(
                    Enum.valueOf(type, s.value().toUpperCase(Locale.ROOT).replace('-', '_')),
                    new Evidence(resource, expression, s.quote())))
        .orElse(null);
  }

  private static Evidence evidence(
      ServiceReading reading, String fact, String resource, String expression) {
    return reading.fact(fact).map(s -> new Evidence(resource, expression, s.quote())).orElse(null);
  }

  private static Evidence evidenceOf(
      ServiceReading reading, String fact, String value, String resource, String expression) {
    return reading
        .fact(fact)
        .filter(s -> s.value().equals(value))
        .map(s -> new Evidence(resource, expression, s.quote()))
        .orElse(null);
  }
}
