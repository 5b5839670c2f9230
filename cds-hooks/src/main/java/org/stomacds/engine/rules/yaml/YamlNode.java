package org.stomacds.engine.rules.yaml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One node of a YAML file with the file name and line it came from, so that every error a loader
 * raises names {@code file:line}. Read-only; scalars are read as strings and converted on request.
 */
public final class YamlNode {

  private final String file;
  private final Node node;

  YamlNode(String file, Node node) {
    this.file = file;
    this.node = node;
  }

  public String file() {
    return file;
  }

  /** 1-based line of the node's first character. */
  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  /** An error at this node. */
  public RuleFileException error(String message) {
    return new RuleFileException(file, line(), message);
  }

  public boolean isScalar() {
    return node instanceof ScalarNode;
  }

  public boolean isMap() {
    return node instanceof MappingNode;
  }

  public boolean isList() {
    return node instanceof SequenceNode;
  }

  /** True for an explicit YAML null ({@code ~}, {@code null} or nothing after the colon). */
  public boolean isNull() {
    return node instanceof ScalarNode scalar
        && scalar.getTag().getValue().endsWith(":null")
        && (scalar.getValue().isEmpty()
            || scalar.getValue().equals("~")
            || scalar.getValue().equalsIgnoreCase("null"));
  }

  public String asString() {
    if (!(node instanceof ScalarNode scalar) || isNull()) {
      throw error("expected a value, found " + kind());
    }
    return scalar.getValue();
  }

  /** A non-blank string with surrounding whitespace removed. */
  public String asText() {
    String value = asString().strip();
    if (value.isEmpty()) {
      throw error("expected a non-empty value");
    }
    return value;
  }

  public int asInt() {
    String value = asString().strip();
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw error("expected a whole number, found '" + value + "'");
    }
  }

  public boolean asBoolean() {
    String value = asString().strip();
    return switch (value) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw error("expected true or false, found '" + value + "'");
    };
  }

  /** An ISO date ({@code 2024-07-01}). */
  public LocalDate asDate() {
    String value = asString().strip();
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw error("bad date '" + value + "': expected YYYY-MM-DD");
    }
  }

  public YamlMap asMap() {
    if (!(node instanceof MappingNode mapping)) {
      throw error("expected a mapping (key: value lines), found " + kind());
    }
    return new YamlMap(file, mapping);
  }

  /** The items of a list; a single scalar is read as a list of one, for convenience. */
  public List<YamlNode> asList() {
    if (node instanceof SequenceNode sequence) {
      List<YamlNode> items = new ArrayList<>(sequence.getValue().size());
      for (Node item : sequence.getValue()) {
        items.add(new YamlNode(file, item));
      }
      return items;
    }
    if (node instanceof ScalarNode && !isNull()) {
      return List.of(this);
    }
    throw error("expected a list, found " + kind());
  }

  /** The items of a list as non-blank strings. */
  public List<String> asTextList() {
    List<String> values = new ArrayList<>();
    for (YamlNode item : asList()) {
      values.add(item.asText());
    }
    return values;
  }

  /** A plain Java view (String, List, Map in file order), for reports. */
  public Object toPlain() {
    if (isNull()) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    if (node instanceof SequenceNode) {
      List<Object> items = new ArrayList<>();
      for (YamlNode item : asList()) {
        items.add(item.toPlain());
      }
      return items;
    }
    return asMap().toPlain();
  }

  private String kind() {
    if (isNull()) {
      return "nothing";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "a single value";
  }
}
