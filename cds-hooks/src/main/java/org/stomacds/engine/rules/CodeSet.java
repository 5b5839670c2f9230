package org.stomacds.engine.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.stomacds.engine.facts.CodeSystems;

/** The codes of one value set, for membership tests on the hot path (no allocation). */
public final class CodeSet {

  private final String url;
  private final Map<String, Set<String>> bySystem = new HashMap<>();
  private final Set<String> codes = new HashSet<>();

  /**
   * @param url the value set's canonical url
   * @param members each member as {@code [system, code]}
   */
  public CodeSet(String url, Collection<String[]> members) {
    this.url = url;
    for (String[] member : members) {
      String system = CodeSystems.canonical(member[0]);
      bySystem.computeIfAbsent(system, s -> new HashSet<>()).add(member[1]);
      codes.add(member[1]);
    }
  }

  public String url() {
    return url;
  }

  /** The id at the end of the url ({@code .../ValueSet/x-modifiers} is {@code x-modifiers}). */
  public String id() {
    int slash = url.lastIndexOf('/');
    return slash < 0 ? url : url.substring(slash + 1);
  }

  /** Membership by system and code (HCPCS, ICD-10-CM and POS aliases folded). */
  public boolean contains(String system, String code) {
    Set<String> inSystem = bySystem.get(CodeSystems.canonical(system));
    return code != null && inSystem != null && inSystem.contains(code);
  }

  /**
   * Membership by code alone: for modifiers and services, whose CPT and HCPCS codes never collide
   * (matched whichever system carries them).
   */
  public boolean containsCode(String code) {
    return code != null && codes.contains(code);
  }

  /** The codes, sorted, for the reference and for messages. */
  public Set<String> codes() {
    return new TreeSet<>(codes);
  }
}
