package org.stomacds.server.checks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.stomacds.engine.RuleEngine;
import org.stomacds.engine.rules.PayerOverlay;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.RulePack;

/**
 * The title of each rule of the loaded pack (payer overlay rules included), for displays, and the
 * address of its page ({@code /rules/{id}} at the public base URL), for references.
 */
final class RuleTitles {

  private final Map<String, String> titles;
  private final Function<String, String> pages;

  private RuleTitles(Map<String, String> titles, Function<String, String> pages) {
    this.titles = Map.copyOf(titles);
    this.pages = pages;
  }

  /**
   * @param pages the page address of a rule id ({@code RuleReferences::rulePage})
   */
  static RuleTitles of(RuleEngine engine, Function<String, String> pages) {
    Map<String, String> titles = new HashMap<>();
    for (RulePack pack : engine.packs()) {
      for (RuleDefinition rule : pack.rules()) {
        titles.putIfAbsent(rule.id(), rule.title());
      }
      for (PayerOverlay overlay : pack.overlays()) {
        for (RuleDefinition rule : overlay.rules()) {
          titles.putIfAbsent(rule.id(), rule.title());
        }
      }
    }
    return new RuleTitles(titles, pages);
  }

  /** The address of the rule's page; empty for an id the pack does not have. */
  Optional<String> page(String ruleId) {
    return titles.containsKey(ruleId) ? Optional.of(pages.apply(ruleId)) : Optional.empty();
  }

  Optional<String> title(String ruleId) {
    return Optional.ofNullable(titles.get(ruleId));
  }
}
