package org.stomacds.engine.rules.yaml;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping whose keys are known to the loader: unknown and duplicate keys are errors with the
 * line of the key, missing keys are errors with the line of the mapping.
 */
public final class YamlMap {

  private final String file;
  private final int line;
  private final Map<String, YamlNode> values = new LinkedHashMap<>();
  private final Map<String, YamlNode> keys = new LinkedHashMap<>();

  YamlMap(String file, MappingNode mapping) {
    this.file = file;
    this.line = mapping.getStartMark().getLine() + 1;
    for (NodeTuple tuple : mapping.getValue()) {
      YamlNode key = new YamlNode(file, tuple.getKeyNode());
      if (!(tuple.getKeyNode() instanceof ScalarNode)) {
        throw key.error("a key must be a plain word");
      }
      String name = key.asString();
      if (values.containsKey(name)) {
        throw key.error("duplicate key '" + name + "'");
      }
      values.put(name, new YamlNode(file, tuple.getValueNode()));
      keys.put(name, key);
    }
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public RuleFileException error(String message) {
    return new RuleFileException(file, line, message);
  }

  /** Fails on the first key that is not one of {@code allowed}, naming the ones that are. */
  public YamlMap allowOnly(Collection<String> allowed) {
    for (Map.Entry<String, YamlNode> key : keys.entrySet()) {
      if (!allowed.contains(key.getKey())) {
        throw key.getValue()
            .error(
                "unknown key '" + key.getKey() + "' (allowed: " + String.join(", ", allowed) + ")");
      }
    }
    return this;
  }

  public YamlMap allowOnly(String... allowed) {
    return allowOnly(List.of(allowed));
  }

  public Set<String> keys() {
    return values.keySet();
  }

  /** The line of a key, for errors about a key that is present but wrong. */
  public YamlNode keyNode(String key) {
    return keys.get(key);
  }

  public boolean has(String key) {
    YamlNode node = values.get(key);
    return node != null && !node.isNull();
  }

  public Optional<YamlNode> get(String key) {
    YamlNode node = values.get(key);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  public YamlNode require(String key) {
    return get(key).orElseThrow(() -> error("missing '" + key + "'"));
  }

  public String text(String key) {
    return require(key).asText();
  }

  public Optional<String> optText(String key) {
    return get(key).map(YamlNode::asText);
  }

  public LocalDate date(String key) {
    return require(key).asDate();
  }

  public Optional<LocalDate> optDate(String key) {
    return get(key).map(YamlNode::asDate);
  }

  public YamlMap map(String key) {
    return require(key).asMap();
  }

  public List<YamlNode> list(String key) {
    return get(key).map(YamlNode::asList).orElse(List.of());
  }

  public List<String> textList(String key) {
    return get(key).map(YamlNode::asTextList).orElse(List.of());
  }

  /** A plain Java view in file order, for reports. */
  public Map<String, Object> toPlain() {
    Map<String, Object> plain = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> entry : values.entrySet()) {
      plain.put(entry.getKey(), entry.getValue().toPlain());
    }
    return plain;
  }

  /** The entries in file order. */
  public List<Map.Entry<String, YamlNode>> entries() {
    return new ArrayList<>(values.entrySet());
  }
}
