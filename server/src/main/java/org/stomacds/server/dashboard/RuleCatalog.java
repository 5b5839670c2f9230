package org.stomacds.server.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stomacds.cds.card.OverrideReasons;
import org.stomacds.cds.wire.Coding;
import org.stomacds.engine.RuleEngine;
import org.stomacds.engine.rules.PayerOverlay;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.RulePack;

/**
 * The rules of the loaded pack (payer overlay rules included) with their titles and severities, and
 * our override reasons' words: what the dashboard shows beside a rule id or reason code.
 */
final class RuleCatalog {

  /**
   * One rule as the dashboard lists it.
   *
   * @param id the rule id
   * @param title a few words
   * @param severity {@code error}, {@code warning} or {@code info}
   * @param overlay the payer overlay that adds it, or null for a rule of every payer
   */
  record Entry(String id, String title, String severity, String overlay) {}

  private final Map<String, Entry> rules;

  RuleCatalog(List<Entry> rules) {
    Map<String, Entry> byId = new LinkedHashMap<>();
    rules.stream()
        .sorted(Comparator.comparing(Entry::id))
        .forEach(rule -> byId.putIfAbsent(rule.id(), rule));
    this.rules = Map.copyOf(byId);
  }

  /** The rules of the engine's packs (a rule several packs share is one entry). */
  static RuleCatalog of(RuleEngine engine) {
    List<Entry> entries = new ArrayList<>();
    for (RulePack pack : engine.packs()) {
      pack.rules().forEach(rule -> entries.add(entry(rule, null)));
      for (PayerOverlay overlay : pack.overlays()) {
        overlay.rules().forEach(rule -> entries.add(entry(rule, overlay.id())));
      }
    }
    return new RuleCatalog(entries);
  }

  /** Every rule, by id. */
  List<Entry> all() {
    return rules.values().stream().sorted(Comparator.comparing(Entry::id)).toList();
  }

  Optional<String> title(String ruleId) {
    return Optional.ofNullable(rules.get(ruleId)).map(Entry::title);
  }

  Optional<String> severity(String ruleId) {
    return Optional.ofNullable(rules.get(ruleId)).map(Entry::severity);
  }

  /** Our words for one of our override reasons; empty for another system's code. */
  Optional<String> overrideReasonDisplay(String system, String code) {
    return OverrideReasons.ALL.stream()
        .filter(c -> c.system().equals(system) && c.code().equals(code))
        .map(Coding::display)
        .findFirst();
  }

  private static Entry entry(RuleDefinition rule, String overlay) {
    return new Entry(
        rule.id(), rule.title(), rule.severity().name().toLowerCase(Locale.ROOT), overlay);
  }
}
