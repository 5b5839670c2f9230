package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.stomacds.engine.rules.yaml.YamlFiles;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * Reads {@code narrative/service-facts.yaml}: the facts that decide which code describes what was
 * done (route, colon left, stoma closed, how the stricture was dilated, stent, ablation, a short
 * exam), each with its values and the rows that say them. A bad row fails the start with the file
 * and line.
 */
final class ServiceTables {

  static final String FILE = "narrative/service-facts.yaml";

  /** One row: a pattern that says a fact has a value, unless the sentence also says otherwise. */
  record Row(
      String id,
      String fact,
      String value,
      Pattern pattern,
      AnchoredPattern unless,
      Set<Section> skip,
      List<Example> examples) {}

  /** A row's example: a text and the value the whole reading gives its fact ("none": silent). */
  record Example(String text, String value) {}

  /**
   * The loaded file: the facts with their values, the rows in the order they are tried, and which
   * rows may match where (each row's anchors, derived from its pattern).
   */
  record Tables(Map<String, List<String>> facts, List<Row> rows, RowGate gate) {}

  private static volatile Tables loaded;

  private ServiceTables() {}

  static Tables get() {
    Tables t = loaded;
    if (t == null) {
      t = load(YamlFiles.readResource(FILE, FILE));
      loaded = t;
    }
    return t;
  }

  static Tables load(YamlMap file) {
    file.allowOnly("facts", "rows");
    Map<String, List<String>> facts = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : file.map("facts").entries()) {
      facts.put(e.getKey(), List.copyOf(e.getValue().asTextList()));
    }
    List<Row> rows = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (YamlNode node : file.list("rows")) {
      YamlMap m =
          node.asMap().allowOnly("id", "fact", "value", "pattern", "unless", "skip", "examples");
      String id = m.text("id");
      if (!ids.add(id)) {
        throw m.error("row '" + id + "' is defined twice");
      }
      String fact = m.text("fact");
      if (!facts.containsKey(fact)) {
        throw m.require("fact").error("row '" + id + "': unknown fact '" + fact + "'");
      }
      String value = m.text("value");
      if (!facts.get(fact).contains(value)) {
        throw m.require("value")
            .error("row '" + id + "': '" + value + "' is not a value of " + fact);
      }
      Set<Section> skip = EnumSet.noneOf(Section.class);
      if (m.has("skip")) {
        for (String s : m.textList("skip")) {
          try {
            skip.add(Section.valueOf(s.toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException ex) {
            throw m.require("skip").error("row '" + id + "': unknown section '" + s + "'");
          }
        }
      }
      List<Example> examples = new ArrayList<>();
      for (YamlNode ex : m.list("examples")) {
        YamlMap x = ex.asMap().allowOnly("text", "value");
        String expected = x.text("value");
        if (!"none".equals(expected) && !facts.get(fact).contains(expected)) {
          throw x.error(
              "row '" + id + "': example value '" + expected + "' is not a value of " + fact);
        }
        examples.add(new Example(x.text("text"), expected));
      }
      if (examples.isEmpty()) {
        throw m.error("row '" + id + "' has no example");
      }
      rows.add(
          new Row(
              id,
              fact,
              value,
              compile(m.require("pattern"), id),
              m.has("unless") ? AnchoredPattern.of(compile(m.require("unless"), id)) : null,
              skip,
              List.copyOf(examples)));
    }
    return new Tables(
        Map.copyOf(facts),
        List.copyOf(rows),
        new RowGate(
            rows.stream().map(Row::pattern).toList(),
            rows.stream().map(r -> r.unless() == null ? null : r.unless().pattern()).toList(),
            true));
  }

  /**
   * Whitespace in a pattern is layout (a long pattern is written over several lines): spaces are
   * said with {@code \s}.
   */
  private static Pattern compile(YamlNode node, String id) {
    try {
      return Pattern.compile(node.asString(), Pattern.COMMENTS);
    } catch (PatternSyntaxException e) {
      throw node.error("row '" + id + "': bad pattern: " + e.getDescription());
    }
  }
}
