package org.stomacds.engine.rules.loading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * A pack file and the packs it extends, merged into one pack. A pack for a sibling code (44381
 * beside 44405) names the pack it builds on with {@code extends:} and says only what differs:
 *
 * <ul>
 *   <li>{@code pack:} and {@code subject:} are its own (never inherited);
 *   <li>{@code messages:} (card wording by check kind) add to the extended pack's, a key worded
 *       again replacing the inherited words;
 *   <li>{@code sources:} and {@code source-aliases:} add to the extended pack's (an id may not be
 *       defined twice);
 *   <li>{@code data:} entries replace every entry of the same kind of the extended pack (its own
 *       NCCI PTP file, say), other kinds are inherited; each file is found relative to the file
 *       that names it;
 *   <li>{@code remove-rules:} and {@code remove-overlays:} drop inherited rules and payer overlays
 *       by id (an unknown id is an error), then its {@code rules:} and {@code payer-overlays:} are
 *       added (an id may not repeat an inherited one: remove it first).
 * </ul>
 *
 * Inherited rules say {@code {code}} where they mean the pack's own code, so their wording is right
 * in every pack that inherits them.
 */
final class PackLayers {

  static final List<String> KEYS =
      List.of(
          "pack",
          "extends",
          "subject",
          "remove-rules",
          "remove-overlays",
          "sources",
          "source-aliases",
          "data",
          "rules",
          "payer-overlays",
          "messages");

  private static final int MAX_DEPTH = 4;

  /** A data entry and the file it was written in (its path is relative to that file). */
  record DataEntry(YamlMap entry, PackFile file) {}

  final PackFile top;
  final List<YamlMap> sources = new ArrayList<>();
  final List<YamlMap> aliases = new ArrayList<>();
  final List<DataEntry> data = new ArrayList<>();
  final List<YamlNode> rules = new ArrayList<>();
  final List<YamlNode> overlays = new ArrayList<>();
  final List<YamlMap> messages = new ArrayList<>();

  private PackLayers(PackFile top) {
    this.top = top;
  }

  static PackLayers read(PackFile file) {
    return read(file, new LinkedHashSet<>());
  }

  private static PackLayers read(PackFile file, Set<String> chain) {
    YamlMap root = file.root().allowOnly(KEYS);
    if (!chain.add(file.label())) {
      throw root.error("extends itself through " + chain);
    }
    if (chain.size() > MAX_DEPTH) {
      throw root.error("a pack may extend at most " + (MAX_DEPTH - 1) + " packs deep");
    }
    PackLayers layers = new PackLayers(file);
    if (root.has("extends")) {
      YamlNode reference = root.require("extends");
      PackFile parentFile;
      try {
        parentFile = file.resolve(reference.asText());
      } catch (IllegalArgumentException e) {
        throw reference.error(e.getMessage());
      }
      PackLayers parent = read(parentFile, chain);
      layers.inherit(parent, root);
    } else if (root.has("remove-rules") || root.has("remove-overlays")) {
      throw root.error("remove-rules and remove-overlays need extends:");
    }
    if (root.has("sources")) {
      layers.sources.add(root.map("sources"));
    }
    if (root.has("source-aliases")) {
      layers.aliases.add(root.map("source-aliases"));
    }
    Set<String> ownKinds = new HashSet<>();
    for (YamlNode node : root.list("data")) {
      YamlMap entry = node.asMap();
      ownKinds.add(entry.optText("kind").orElse(""));
    }
    layers.data.removeIf(d -> ownKinds.contains(d.entry().optText("kind").orElse("")));
    for (YamlNode node : root.list("data")) {
      layers.data.add(new DataEntry(node.asMap(), file));
    }
    layers.rules.addAll(root.list("rules"));
    layers.overlays.addAll(root.list("payer-overlays"));
    if (root.has("messages")) {
      layers.messages.add(root.map("messages"));
    }
    return layers;
  }

  private void inherit(PackLayers parent, YamlMap root) {
    sources.addAll(parent.sources);
    aliases.addAll(parent.aliases);
    data.addAll(parent.data);
    rules.addAll(parent.rules);
    overlays.addAll(parent.overlays);
    messages.addAll(parent.messages);
    remove(rules, root.list("remove-rules"), "rule");
    remove(overlays, root.list("remove-overlays"), "payer overlay");
  }

  private static void remove(List<YamlNode> inherited, List<YamlNode> ids, String what) {
    for (YamlNode id : ids) {
      boolean removed =
          inherited.removeIf(n -> id.asText().equals(n.asMap().optText("id").orElse(null)));
      if (!removed) {
        throw id.error("the extended pack has no " + what + " '" + id.asText() + "'");
      }
    }
  }
}
