package org.stomacds.engine.narrative;

import java.util.Map;
import java.util.Optional;

/**
 * What a note says was done, for choosing the code: per fact of {@code
 * narrative/service-facts.yaml} the value decided from its rows and the note's words that decided
 * it. Immutable.
 */
public final class ServiceReading {

  static final ServiceReading EMPTY = new ServiceReading(Map.of());

  /** A fact's value with the note's words that say it. */
  public record Said(String value, String quote) {}

  private final Map<String, Said> facts;

  ServiceReading(Map<String, Said> facts) {
    this.facts = Map.copyOf(facts);
  }

  /** The value of a fact ({@code route}, {@code dilation}, ...), when the note says it. */
  public Optional<Said> fact(String fact) {
    return Optional.ofNullable(facts.get(fact));
  }

  /** Every fact the note says, by fact name. */
  public Map<String, Said> facts() {
    return facts;
  }

  @Override
  public String toString() {
    // Values only: the quotes are PHI.
    StringBuilder sb = new StringBuilder("ServiceReading[");
    facts.forEach((k, v) -> sb.append(k).append('=').append(v.value()).append(' '));
    return sb.append(']').toString();
  }
}
