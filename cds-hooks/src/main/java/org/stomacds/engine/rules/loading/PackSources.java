package org.stomacds.engine.rules.loading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stomacds.engine.findings.Citation;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.findings.SourceCitation;
import org.stomacds.engine.rules.PackWords;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * The pack's {@code sources:} table (one public document an entry: title, section, date, url,
 * confidence, note) and its {@code source-aliases:} (old ids kept so that rules written against
 * them still load, each standing for one or more current entries). A rule's {@code source} is one
 * id or a list of ids; an unknown id fails with the file and line of the id.
 */
final class PackSources {

  static final List<String> SOURCE_KEYS =
      List.of("title", "section", "date", "url", "confidence", "note");

  private final Map<String, Citation> sources;
  private final Map<String, List<String>> aliases;

  private PackSources(Map<String, Citation> sources, Map<String, List<String>> aliases) {
    this.sources = sources;
    this.aliases = aliases;
  }

  /**
   * @param tables the {@code sources:} maps, the extended pack's first
   * @param aliasTables the {@code source-aliases:} maps, the extended pack's first
   */
  static PackSources read(List<YamlMap> tables, List<YamlMap> aliasTables) {
    Map<String, Citation> sources = new LinkedHashMap<>();
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a pack needs a sources: table");
    }
    for (YamlMap table : tables) {
      readTable(table, sources);
    }
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    for (YamlMap aliasTable : aliasTables) {
      readAliases(aliasTable, sources, aliases);
    }
    return new PackSources(sources, aliases);
  }

  private static void readTable(YamlMap table, Map<String, Citation> sources) {
    for (Map.Entry<String, YamlNode> entry : table.entries()) {
      if (sources.containsKey(entry.getKey())) {
        throw table
            .keyNode(entry.getKey())
            .error("source '" + entry.getKey() + "' is already defined by the extended pack");
      }
      YamlMap source = entry.getValue().asMap().allowOnly(SOURCE_KEYS);
      String url = source.optText("url").orElse(null);
      if (url != null && !url.matches("https?://\\S+")) {
        throw source
            .require("url")
            .error("a source's url is an http(s) address, not '" + url + "'");
      }
      sources.put(
          entry.getKey(),
          new Citation(
              entry.getKey(),
              source.text("title"),
              source.optText("section").orElse(null),
              source.optText("date").orElse(null),
              url,
              PackWords.confidence(source.require("confidence")),
              source.optText("note").map(String::strip).orElse(null)));
    }
  }

  private static void readAliases(
      YamlMap aliasTable, Map<String, Citation> sources, Map<String, List<String>> aliases) {
    for (Map.Entry<String, YamlNode> entry : aliasTable.entries()) {
      if (sources.containsKey(entry.getKey())) {
        throw aliasTable
            .keyNode(entry.getKey())
            .error("alias '" + entry.getKey() + "' is also a source id");
      }
      List<String> targets = new ArrayList<>();
      for (YamlNode target : ids(entry.getValue())) {
        if (!sources.containsKey(target.asText())) {
          throw target.error(
              "alias '" + entry.getKey() + "' names unknown source '" + target.asText() + "'");
        }
        targets.add(target.asText());
      }
      aliases.put(entry.getKey(), List.copyOf(targets));
    }
  }

  /** Every entry of the table, in file order. */
  List<Citation> all() {
    return List.copyOf(sources.values());
  }

  /** The one id a data file names (an alias standing for one source is accepted). */
  String dataSource(YamlNode node) {
    List<Citation> resolved = resolve(node);
    if (resolved.size() != 1) {
      throw node.error("a data file names exactly one source");
    }
    return resolved.get(0).id();
  }

  /** A rule's {@code source}: one id or a list of ids (aliases expanded, duplicates dropped). */
  SourceCitation citation(YamlNode node, Confidence confidence) {
    return new SourceCitation(resolve(node), confidence);
  }

  private List<Citation> resolve(YamlNode node) {
    List<Citation> resolved = new ArrayList<>();
    List<YamlNode> ids = ids(node);
    if (ids.isEmpty()) {
      throw node.error("a source list names at least one source");
    }
    for (YamlNode idNode : ids) {
      String id = idNode.asText();
      List<String> targets = aliases.getOrDefault(id, List.of(id));
      for (String target : targets) {
        Citation citation = sources.get(target);
        if (citation == null) {
          throw idNode.error(
              "unknown source '" + id + "' (the sources table has: " + sources.keySet() + ")");
        }
        if (!resolved.contains(citation)) {
          resolved.add(citation);
        }
      }
    }
    return resolved;
  }

  private static List<YamlNode> ids(YamlNode node) {
    return node.isList() ? node.asList() : List.of(node);
  }
}
