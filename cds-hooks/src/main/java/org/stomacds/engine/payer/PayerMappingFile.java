package org.stomacds.engine.payer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.payer.MappingRows.Entry;
import org.stomacds.engine.payer.MappingRows.Hint;
import org.stomacds.engine.payer.MappingRows.Keyword;
import org.stomacds.engine.payer.MappingRows.TypeHint;
import org.stomacds.engine.payer.MappingRows.TypeSystem;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * Reads a payer mapping file ({@code rules/payers.yaml} or an operator's) into {@link MappingRows}:
 * {@code payers}, {@code coverage-types} and {@code keywords}. An unknown key, payer, line of
 * business or coverage meaning fails with the file and line ({@link RuleFileException}).
 */
final class PayerMappingFile {

  private PayerMappingFile() {}

  /** Adds the rows of one file after those already read. */
  static void read(YamlMap root, MappingRows into) {
    root.allowOnly("payers", "coverage-types", "keywords");
    for (YamlNode node : root.list("payers")) {
      into.entries.add(readEntry(node.asMap()));
    }
    for (YamlNode node : root.list("coverage-types")) {
      into.typeSystems.add(readTypeSystem(node.asMap()));
    }
    if (root.has("keywords")) {
      YamlMap map = root.map("keywords");
      for (Map.Entry<String, YamlNode> entry : map.entries()) {
        Hint hint = Hint.parse(map.keyNode(entry.getKey()));
        if (hint != Hint.MEDICARE_MANAGED_CARE && hint != Hint.MEDICARE && hint != Hint.MEDICAID) {
          throw map.keyNode(entry.getKey())
              .error("keywords can only say medicare-managed-care, medicare or medicaid");
        }
        for (String phrase : entry.getValue().asTextList()) {
          into.keywords.add(new Keyword(PayerMatcher.normalize(phrase), hint));
        }
      }
    }
  }

  private static Entry readEntry(YamlMap map) {
    map.allowOnly(
        "key", "licensee", "government", "names", "identifiers", "default-line-of-business");
    PayerKey key = PayerKey.read(map.require("key"));
    String licensee = map.optText("licensee").orElse(null);
    if (licensee != null && key != PayerKey.BCBS) {
      throw map.require("licensee").error("only BCBS entries have a licensee");
    }
    boolean government = map.get("government").map(YamlNode::asBoolean).orElse(false);
    List<String> written = map.textList("names");
    List<String> names = new ArrayList<>();
    for (String name : written) {
      names.add(PayerMatcher.normalize(name));
    }
    List<PayerIdentity.Code> identifiers = new ArrayList<>();
    for (YamlNode node : map.list("identifiers")) {
      YamlMap identifier = node.asMap().allowOnly("system", "value", "note");
      identifiers.add(
          new PayerIdentity.Code(
              identifier.optText("system").orElse(null), identifier.text("value")));
    }
    if (names.isEmpty() && identifiers.isEmpty()) {
      throw map.error("a payer entry needs names or identifiers");
    }
    LineOfBusiness lob = LineOfBusiness.read(map.require("default-line-of-business"));
    names.sort(Comparator.comparingInt(String::length).reversed());
    String firstName = written.isEmpty() ? null : written.get(0).strip();
    return new Entry(key, licensee, government, firstName, names, identifiers, lob);
  }

  private static TypeSystem readTypeSystem(YamlMap map) {
    map.allowOnly("system", "aliases", "match", "codes");
    Set<String> systems = new LinkedHashSet<>();
    systems.add(map.text("system"));
    systems.addAll(map.textList("aliases"));
    String match = map.optText("match").orElse("exact");
    if (!match.equals("exact") && !match.equals("prefix")) {
      throw map.require("match").error("match must be exact or prefix, not '" + match + "'");
    }
    YamlMap codes = map.map("codes");
    Map<String, TypeHint> hints = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> code : codes.entries()) {
      YamlNode value = code.getValue();
      if (value.isMap()) {
        YamlMap detail = value.asMap().allowOnly("means", "payer");
        PayerKey payer = detail.get("payer").map(PayerKey::read).orElse(null);
        hints.put(code.getKey(), new TypeHint(Hint.parse(detail.require("means")), payer));
      } else {
        hints.put(code.getKey(), new TypeHint(Hint.parse(value), null));
      }
    }
    return new TypeSystem(systems, match.equals("prefix"), hints);
  }
}
