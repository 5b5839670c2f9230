package org.stomacds.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * Card wording from the rule file: a message of a rule's {@code messages:} with named placeholders
 * ({@code {units}}, {@code {date}}) that its check fills. Checked when the pack loads: every
 * placeholder is one the check fills, or {@code {payer}} / {@code {code}} (filled by {@link
 * RuleContext#fill}). The words are the pack's; the check supplies only values.
 */
public final class MessageTemplate {

  /** Filled by the rule context for every message. */
  static final List<String> ALWAYS = List.of("payer", "code");

  private final List<String> parts;

  private MessageTemplate(List<String> parts) {
    this.parts = List.copyOf(parts);
  }

  /**
   * @param node the message as written
   * @param names the placeholders the check fills
   */
  static MessageTemplate compile(YamlNode node, Set<String> names) {
    String text = node.asText().strip();
    List<String> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf('{', at);
      if (open < 0) {
        parts.add(text.substring(at));
        break;
      }
      int close = text.indexOf('}', open);
      if (close < 0) {
        throw node.error("a message's '{' at " + open + " is never closed");
      }
      String name = text.substring(open + 1, close);
      if (!names.contains(name) && !ALWAYS.contains(name)) {
        Set<String> known = new LinkedHashSet<>(names);
        known.addAll(ALWAYS);
        throw node.error(
            "unknown placeholder {" + name + "} (this message may use: " + known + ")");
      }
      parts.add(text.substring(at, open));
      parts.add("{" + name + "}");
      at = close + 1;
    }
    return new MessageTemplate(parts);
  }

  /**
   * The message with the check's values in place ({@code {payer}} and {@code {code}} are left for
   * {@link RuleContext#fill}).
   */
  String fill(Map<String, ?> values) {
    StringBuilder out = new StringBuilder(64);
    for (String part : parts) {
      if (part.length() > 2 && part.charAt(0) == '{' && part.charAt(part.length() - 1) == '}') {
        String name = part.substring(1, part.length() - 1);
        if (values.containsKey(name)) {
          out.append(values.get(name));
          continue;
        }
      }
      out.append(part);
    }
    return out.toString();
  }
}
