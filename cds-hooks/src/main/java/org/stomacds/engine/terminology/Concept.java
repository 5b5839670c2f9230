package org.stomacds.engine.terminology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A concept of one of our code systems, as {@link Terminology#lookup} returns it.
 *
 * @param system the canonical code system url
 * @param code the code
 * @param display our own short name for the code
 * @param properties the concept's properties by property code (e.g. {@code global-days} -> {@code
 *     ["000"]}, {@code source} -> one entry per source), each value as text; the code system's
 *     {@code property} declarations say what each one means and where it comes from. Unmodifiable,
 *     in file order.
 */
public record Concept(
    String system, String code, String display, Map<String, List<String>> properties) {

  public Concept {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(code, "code");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    properties.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    properties = Collections.unmodifiableMap(copy);
  }

  /** The first value of a property, if the concept has it. */
  public Optional<String> property(String propertyCode) {
    List<String> values = properties.get(propertyCode);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Whether the code is no longer valid for claims (property {@code inactive} true, or {@code
   * status} retired or inactive). Such a concept is in no value set.
   */
  public boolean inactive() {
    return property("inactive").map("true"::equals).orElse(false)
        || property("status").map(s -> s.equals("retired") || s.equals("inactive")).orElse(false);
  }
}
