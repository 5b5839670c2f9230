package org.stomacds.engine.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * A pack's card wording by check kind, from its top-level {@code messages:} (kind id, then message
 * key, then template). Every rule of the kind is worded by them unless the rule's own {@code
 * messages:} parameter words a key itself. A pack that extends another inherits its wording and may
 * word any key again. After every check is built, {@link #checkAllUsed} fails on a key no check of
 * its kind asked for.
 */
public final class PackMessages {

  private final Map<String, Map<String, YamlNode>> byKind = new LinkedHashMap<>();
  private final Map<String, YamlNode> keyNodes = new HashMap<>();
  private final Map<String, Set<String>> asked = new HashMap<>();

  /**
   * @param tables the {@code messages:} sections, the extended pack's first
   */
  public static PackMessages read(List<YamlMap> tables) {
    PackMessages messages = new PackMessages();
    for (YamlMap table : tables) {
      for (Map.Entry<String, YamlNode> kind : table.entries()) {
        YamlNode kindKey = table.keyNode(kind.getKey());
        if (CheckKind.fromId(kind.getKey()).isEmpty()) {
          throw kindKey.error(
              "unknown check kind '"
                  + kind.getKey()
                  + "' (known: "
                  + String.join(", ", CheckKind.ids())
                  + ")");
        }
        YamlMap words = kind.getValue().asMap();
        Map<String, YamlNode> ofKind =
            messages.byKind.computeIfAbsent(kind.getKey(), k -> new LinkedHashMap<>());
        for (Map.Entry<String, YamlNode> word : words.entries()) {
          ofKind.put(word.getKey(), word.getValue());
          messages.keyNodes.put(
              kind.getKey() + '\u0000' + word.getKey(), words.keyNode(word.getKey()));
        }
      }
    }
    return messages;
  }

  /** The wording as written, by kind id then message key, for the reference and the rule pages. */
  public Map<String, Map<String, String>> asText() {
    Map<String, Map<String, String>> text = new LinkedHashMap<>();
    byKind.forEach(
        (kind, words) -> {
          Map<String, String> ofKind = new LinkedHashMap<>();
          words.forEach((key, node) -> ofKind.put(key, node.asText().strip()));
          text.put(kind, java.util.Collections.unmodifiableMap(ofKind));
        });
    return java.util.Collections.unmodifiableMap(text);
  }

  /** No wording at all (a pack without a {@code messages:} section). */
  public static PackMessages none() {
    return new PackMessages();
  }

  /** The pack's template of a kind's message, noting that a check of the kind asked for it. */
  Optional<YamlNode> find(CheckKind kind, String key) {
    asked.computeIfAbsent(kind.id(), k -> new LinkedHashSet<>()).add(key);
    return Optional.ofNullable(byKind.getOrDefault(kind.id(), Map.of()).get(key));
  }

  /**
   * Fails on a message of a kind whose checks never ask for it (a kind no rule of the pack uses is
   * not checked: a pack may remove every inherited rule of a kind).
   */
  public void checkAllUsed() {
    for (Map.Entry<String, Map<String, YamlNode>> kind : byKind.entrySet()) {
      Set<String> used = asked.get(kind.getKey());
      if (used == null) {
        continue;
      }
      for (String key : kind.getValue().keySet()) {
        if (!used.contains(key)) {
          YamlNode at = keyNodes.get(kind.getKey() + '\u0000' + key);
          throw new RuleFileException(
              at.file(),
              at.line(),
              "unknown message '"
                  + key
                  + "' for kind "
                  + kind.getKey()
                  + " (it words: "
                  + String.join(", ", used)
                  + ")");
        }
      }
    }
  }
}
