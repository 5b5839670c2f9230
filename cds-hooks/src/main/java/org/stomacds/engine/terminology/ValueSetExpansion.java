package org.stomacds.engine.terminology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A value set expanded at load time: its members in compose order, and the same codes grouped by
 * canonical system for constant-time membership.
 */
record ValueSetExpansion(
    String url, String version, Set<Coded> members, Map<String, Set<String>> codesBySystem) {

  static ValueSetExpansion of(String url, String version, Set<Coded> members) {
    Map<String, Set<String>> bySystem = new LinkedHashMap<>();
    for (Coded coded : members) {
      bySystem.computeIfAbsent(coded.system(), s -> new LinkedHashSet<>()).add(coded.code());
    }
    bySystem.replaceAll((system, codes) -> Set.copyOf(codes));
    return new ValueSetExpansion(
        url,
        version,
        Collections.unmodifiableSet(new LinkedHashSet<>(members)),
        Map.copyOf(bySystem));
  }
}
