package org.stomacds.server.checks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.stomacds.engine.DefaultRuleEngine;
import org.stomacds.engine.RuleEngine;
import org.stomacds.engine.rules.PayerOverlay;
import org.stomacds.engine.rules.RuleDefinition;

/** The title of each rule of the loaded pack (payer overlay rules included), for displays. */
final class RuleTitles {

  private final Map<String, String> titles;

  private RuleTitles(Map<String, String> titles) {
    this.titles = Map.copyOf(titles);
  }

  static RuleTitles of(RuleEngine engine) {
    Map<String, String> titles = new HashMap<>();
    if (engine instanceof DefaultRuleEngine loaded) {
      for (RuleDefinition rule : loaded.pack().rules()) {
        titles.put(rule.id(), rule.title());
      }
      for (PayerOverlay overlay : loaded.pack().overlays()) {
        for (RuleDefinition rule : overlay.rules()) {
          titles.putIfAbsent(rule.id(), rule.title());
        }
      }
    }
    return new RuleTitles(titles);
  }

  Optional<String> title(String ruleId) {
    return Optional.ofNullable(titles.get(ruleId));
  }
}
