package org.stomacds.engine.narrative;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlFiles;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * Reads the phrase tables: {@code narrative/phrases/macros.yaml} (named pattern pieces such as
 * {@code {STOMA}}) and one {@code narrative/phrases/<element id>.yaml} per element that has
 * phrasings, rows in the order they are tried. The columns are described in {@code
 * narrative/phrases/README.md}. A row that cannot be read fails the start with the file, line and
 * row id.
 */
final class PhraseTables {

  static final String DIR = "narrative/phrases/";
  static final String MACROS = DIR + "macros.yaml";

  private static final Pattern MACRO = Pattern.compile("\\{[A-Z_]+}");
  private static final Set<String> ROW_KEYS =
      Set.of("id", "tag", "pattern", "requires", "skip", "flags", "guard", "examples");
  private static final Set<String> EXAMPLE_KEYS =
      Set.of("text", "reads", "value", "quote", "fires");

  private PhraseTables() {}

  /** Every row of every element's table, elements in their declared order. */
  static List<PhraseRow> load() {
    Map<String, String> macros = macros(YamlFiles.readResource(MACROS, MACROS));
    List<PhraseRow> rows = new ArrayList<>();
    for (DocumentationElement e : DocumentationElement.values()) {
      String file = fileOf(e);
      if (PhraseTables.class.getClassLoader().getResource(file) != null) {
        rows.addAll(parse(YamlFiles.readResource(file, file), macros));
      }
    }
    return rows;
  }

  static String fileOf(DocumentationElement e) {
    return DIR + e.id() + ".yaml";
  }

  /** The macros: each {@code NAME: {means, pattern}} becomes {@code {NAME}} in patterns. */
  static Map<String, String> macros(YamlMap file) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : file.entries()) {
      YamlMap m = e.getValue().asMap().allowOnly("means", "pattern");
      m.text("means");
      if (!e.getKey().matches("[A-Z_]+")) {
        throw file.keyNode(e.getKey()).error("a macro name is upper case: '" + e.getKey() + "'");
      }
      out.put("{" + e.getKey() + "}", joinAlternatives(m.require("pattern").asString()));
    }
    return out;
  }

  /** Reads one table from YAML text; {@code file} names it in errors. */
  static List<PhraseRow> parse(String yaml, String file, Map<String, String> macros) {
    return parse(YamlFiles.read(new StringReader(yaml), file), macros);
  }

  static List<PhraseRow> parse(YamlMap table, Map<String, String> macros) {
    table.allowOnly("element", "phrases");
    String file = table.file();
    String id = table.text("element");
    DocumentationElement element =
        DocumentationElement.fromId(id)
            .orElseThrow(() -> table.require("element").error("no element '" + id + "'"));
    if (!file.endsWith("/" + id + ".yaml") && !file.equals(id + ".yaml")) {
      throw table.require("element").error("the table of '" + id + "' is " + id + ".yaml");
    }
    List<PhraseRow> rows = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlNode node : table.list("phrases")) {
      PhraseRow row = row(node.asMap(), element, macros);
      if (!ids.add(row.id())) {
        throw node.error("row '" + row.id() + "': a second row of this id");
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw table.error("no phrases");
    }
    return rows;
  }

  private static PhraseRow row(
      YamlMap m, DocumentationElement element, Map<String, String> macros) {
    String id = m.text("id");
    if (!id.matches("[a-z0-9]+(?:-[a-z0-9]+)*")) {
      throw m.error("row '" + id + "': an id is lower-case words joined by '-'");
    }
    String where = "row '" + id + "': ";
    try {
      return row(m.allowOnly(ROW_KEYS), element, macros, id, where);
    } catch (RuleFileException e) {
      // Name the row in what the YAML helpers say too ("missing 'tag'", "unknown key").
      String said = e.getMessage().substring((e.file() + ":" + e.line() + ": ").length());
      throw said.startsWith(where) ? e : new RuleFileException(e.file(), e.line(), where + said, e);
    }
  }

  private static PhraseRow row(
      YamlMap m,
      DocumentationElement element,
      Map<String, String> macros,
      String id,
      String where) {
    Tag tag = constant(Tag.class, m.require("tag"), where);
    YamlNode patternNode = m.require("pattern");
    String pattern = expand(joinAlternatives(patternNode.asString()), macros, patternNode, where);
    try {
      Rx.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw patternNode.error(where + "not a valid pattern: " + e.getDescription());
    }
    List<String> requires = new ArrayList<>();
    for (YamlNode f : m.list("requires")) {
      if (Features.INSTANCE.index(f.asText()).isEmpty()) {
        throw f.error(where + "no feature '" + f.asText() + "' in " + Features.FILE);
      }
      requires.add(f.asText());
    }
    Set<Section> skip = EnumSet.noneOf(Section.class);
    for (YamlNode s : m.list("skip")) {
      skip.add(constant(Section.class, s, where));
    }
    Set<String> flags = new HashSet<>();
    for (YamlNode f : m.list("flags")) {
      String flag = f.asText();
      if (!Set.of("no-inner-negation", "hypothetical", "floating").contains(flag)) {
        throw f.error(
            where + "unknown flag '" + flag + "' (no-inner-negation, hypothetical, floating)");
      }
      flags.add(flag);
    }
    boolean floating = flags.contains("floating");
    Set<String> anchors = anchors(pattern, floating, requires, patternNode, where);
    NamedGuard guard = null;
    if (m.has("guard")) {
      YamlNode g = m.require("guard");
      guard =
          NamedGuard.byLabel(g.asText())
              .orElseThrow(() -> g.error(where + "no guard '" + g.asText() + "'"));
    }
    List<PhraseRow.Example> examples = new ArrayList<>();
    for (YamlNode e : m.list("examples")) {
      examples.add(example(e, where));
    }
    if (examples.isEmpty()) {
      throw m.error(where + "a row needs at least one example");
    }
    return new PhraseRow(
        m.file(),
        id,
        m.line(),
        element,
        tag,
        pattern,
        anchors,
        List.copyOf(requires),
        skip,
        !flags.contains("no-inner-negation"),
        flags.contains("hypothetical"),
        floating,
        guard,
        List.copyOf(examples));
  }

  /**
   * A pattern is written one top-level alternative a line; a line indented further than the first
   * goes on with the alternative above it. Spaces at the ends of lines are not part of it.
   */
  static String joinAlternatives(String written) {
    StringBuilder out = new StringBuilder();
    for (String line : written.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      boolean continues = Character.isWhitespace(line.charAt(0));
      if (!continues && out.length() > 0) {
        out.append('|');
      }
      out.append(line.strip());
    }
    return out.toString();
  }

  private static String expand(
      String pattern, Map<String, String> macros, YamlNode node, String where) {
    // A macro may use another: expand until nothing changes (a few rounds at most).
    String out = pattern;
    for (int round = 0; round < 4 && MACRO.matcher(out).find(); round++) {
      for (Map.Entry<String, String> e : macros.entrySet()) {
        out = out.replace(e.getKey(), e.getValue());
      }
    }
    Matcher unknown = MACRO.matcher(out);
    if (unknown.find()) {
      throw node.error(where + "no macro " + unknown.group() + " in " + MACROS);
    }
    return out;
  }

  /**
   * The row's anchors, derived from its pattern. An alternative that starts with no literal word
   * fails the row unless it is floating (tried over the whole sentence) and names the features a
   * sentence must hold for it to be tried.
   */
  private static Set<String> anchors(
      String pattern, boolean floating, List<String> requires, YamlNode node, String where) {
    Set<String> all = new LinkedHashSet<>();
    List<String> alternatives = PatternAnchors.topLevelAlternatives(pattern);
    List<Set<String>> derived = PatternAnchors.byAlternative(pattern);
    for (int i = 0; i < derived.size(); i++) {
      if (!derived.get(i).isEmpty()) {
        all.addAll(derived.get(i));
      } else if (!floating) {
        throw node.error(
            where
                + "alternative "
                + (i + 1)
                + " ("
                + shorten(alternatives.get(i))
                + ") starts with no literal word to anchor it: make it start with one, or mark"
                + " the row 'floating' and give the features it needs in 'requires'");
      } else if (requires.isEmpty()) {
        throw node.error(where + "a floating row with an unanchored pattern needs 'requires'");
      } else {
        return Set.of();
      }
    }
    return PatternAnchors.minimal(all);
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private static PhraseRow.Example example(YamlNode node, String where) {
    YamlMap e = node.asMap().allowOnly(EXAMPLE_KEYS);
    String reads = e.text("reads");
    PhraseRow.Reads status;
    try {
      status = PhraseRow.Reads.valueOf(reads.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException x) {
      throw e.require("reads")
          .error(where + "reads '" + reads + "': documented, negated or silent");
    }
    return new PhraseRow.Example(
        e.text("text"),
        status,
        e.optText("value").orElse(null),
        e.optText("quote").orElse(null),
        e.get("fires").map(YamlNode::asBoolean).orElse(true),
        e.line());
  }

  private static <E extends Enum<E>> E constant(Class<E> type, YamlNode node, String where) {
    String name = node.asText();
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name());
      }
      throw new RuleFileException(
          node.file(),
          node.line(),
          where
              + "no "
              + type.getSimpleName()
              + " '"
              + name
              + "' ("
              + String.join(", ", names)
              + ")");
    }
  }
}
