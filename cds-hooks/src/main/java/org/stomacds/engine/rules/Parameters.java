package org.stomacds.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * The parameters of one rule, read by its check while the pack loads. Every read names the key, so
 * after the check is built any key it did not ask for is an unknown parameter, reported with its
 * line and the keys the kind takes.
 */
public final class Parameters {

  static final String VALUE_SET_BASE = "https://stomacds.org/fhir/ValueSet/";

  /** The parameter holding a rule's card wording. */
  static final String MESSAGES = "messages";

  private final String ruleId;
  private final CheckKind kind;
  private final Map<String, YamlNode> values;
  private final Map<String, YamlNode> keys;
  private final YamlMap owner;
  private final LoadContext context;
  private final Set<String> asked = new LinkedHashSet<>();
  private final Set<String> askedMessages = new LinkedHashSet<>();

  public Parameters(
      String ruleId,
      CheckKind kind,
      Map<String, YamlNode> values,
      Map<String, YamlNode> keys,
      YamlMap owner,
      LoadContext context) {
    this.ruleId = ruleId;
    this.kind = kind;
    this.values = new LinkedHashMap<>(values);
    this.keys = new LinkedHashMap<>(keys);
    this.owner = owner;
    this.context = context;
  }

  public LoadContext context() {
    return context;
  }

  String ruleId() {
    return ruleId;
  }

  public boolean has(String key) {
    asked.add(key);
    return values.containsKey(key) && !values.get(key).isNull();
  }

  public YamlNode node(String key) {
    asked.add(key);
    YamlNode node = values.get(key);
    if (node == null || node.isNull()) {
      throw owner.error(
          "rule '" + ruleId + "' (kind " + kind.id() + ") needs parameter '" + key + "'");
    }
    return node;
  }

  public String text(String key) {
    return node(key).asText();
  }

  public String text(String key, String otherwise) {
    return has(key) ? text(key) : otherwise;
  }

  public int integer(String key, int otherwise) {
    return has(key) ? node(key).asInt() : otherwise;
  }

  public boolean bool(String key, boolean otherwise) {
    return has(key) ? node(key).asBoolean() : otherwise;
  }

  /** One of a few words. */
  public String choice(String key, List<String> allowed, String otherwise) {
    if (!has(key)) {
      return otherwise;
    }
    YamlNode node = node(key);
    String value = node.asText();
    if (!allowed.contains(value)) {
      throw node.error(
          "parameter '" + key + "' must be one of " + allowed + ", not '" + value + "'");
    }
    return value;
  }

  /** A list of codes (upper case, as claims carry them). */
  public List<String> codes(String key) {
    if (!has(key)) {
      return List.of();
    }
    List<String> codes = new ArrayList<>();
    for (String code : node(key).asTextList()) {
      codes.add(code.toUpperCase(Locale.ROOT));
    }
    return codes;
  }

  /** A value set named by id or canonical url; it must exist in the terminology. */
  public CodeSet valueSet(String key) {
    return resolve(node(key));
  }

  public CodeSet valueSet(String key, String otherwiseId) {
    if (has(key)) {
      return valueSet(key);
    }
    CodeSet set = context.valueSets().find(url(otherwiseId));
    if (set == null) {
      throw owner.error(
          "rule '"
              + ruleId
              + "' needs value set "
              + url(otherwiseId)
              + ", which the terminology lacks");
    }
    return set;
  }

  public List<CodeSet> valueSets(String key) {
    List<CodeSet> sets = new ArrayList<>();
    for (YamlNode item : node(key).asList()) {
      sets.add(resolve(item));
    }
    return sets;
  }

  public DocumentationElement element(String key) {
    return element(node(key));
  }

  public static DocumentationElement element(YamlNode node) {
    String id = node.asText();
    return DocumentationElement.fromId(id)
        .orElseThrow(
            () -> {
              List<String> known = new ArrayList<>();
              for (DocumentationElement e : DocumentationElement.values()) {
                known.add(e.id());
              }
              return node.error(
                  "unknown documentation element '" + id + "' (known: " + known + ")");
            });
  }

  /** A mapping of words to lists of codes ({@code Z93.3: [K94.0, Z43.3]}). */
  public Map<String, List<String>> codeLists(String key) {
    if (!has(key)) {
      return Map.of();
    }
    Map<String, List<String>> lists = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> entry : node(key).asMap().entries()) {
      lists.put(entry.getKey(), entry.getValue().asTextList());
    }
    return lists;
  }

  public YamlMap map(String key) {
    return node(key).asMap();
  }

  /** Fails on the first parameter the check did not ask for. */
  /**
   * A message of the rule's {@code messages:} parameter: the card wording, in the pack's words,
   * with the placeholders the check fills ({@code {payer}} and {@code {code}} always).
   *
   * @param key the message's key under {@code messages:}
   * @param names the placeholders the check fills
   */
  public MessageTemplate message(String key, String... names) {
    askedMessages.add(key);
    YamlMap own = has(MESSAGES) ? node(MESSAGES).asMap() : null;
    Optional<YamlNode> ownWords = own == null ? Optional.empty() : own.get(key);
    Optional<YamlNode> packWords = context.messages().find(kind, key);
    YamlNode node =
        ownWords
            .or(() -> packWords)
            .orElseThrow(
                () ->
                    owner.error(
                        "rule '"
                            + ruleId
                            + "' (kind "
                            + kind.id()
                            + ") needs the message '"
                            + key
                            + "': under the rule's messages: or the pack's messages: "
                            + kind.id()
                            + ":"));
    return MessageTemplate.compile(node, new LinkedHashSet<>(List.of(names)));
  }

  public void checkAllUsed() {
    if (values.containsKey(MESSAGES) && !values.get(MESSAGES).isNull()) {
      YamlMap messages = values.get(MESSAGES).asMap();
      for (String key : messages.keys()) {
        if (!askedMessages.contains(key)) {
          throw messages
              .keyNode(key)
              .error(
                  "unknown message '"
                      + key
                      + "' for kind "
                      + kind.id()
                      + " (it words: "
                      + String.join(", ", askedMessages)
                      + ")");
        }
      }
    }
    for (Map.Entry<String, YamlNode> entry : values.entrySet()) {
      if (!asked.contains(entry.getKey())) {
        YamlNode at = keys.getOrDefault(entry.getKey(), entry.getValue());
        throw new RuleFileException(
            at.file(),
            at.line(),
            "unknown parameter '"
                + entry.getKey()
                + "' for kind "
                + kind.id()
                + (asked.isEmpty()
                    ? " (it takes none)"
                    : " (it takes: " + String.join(", ", asked) + ")"));
      }
    }
  }

  private CodeSet resolve(YamlNode node) {
    String name = context.subject().valueSetName(node.asText());
    String url = url(name);
    CodeSet set = context.valueSets().find(url);
    if (set == null) {
      throw node.error("unknown value set '" + name + "' (the terminology has no " + url + ")");
    }
    return set;
  }

  static String url(String name) {
    return name.contains("://") ? name : VALUE_SET_BASE + name;
  }
}
