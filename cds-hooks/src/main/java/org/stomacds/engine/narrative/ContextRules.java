package org.stomacds.engine.narrative;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.rules.yaml.YamlFiles;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * The cue words of the ConText-style walks in {@link Cues}: {@code narrative/context-rules.yaml},
 * one rule a cue, in the shape of medspaCy's context rules (literal or pattern, category,
 * direction, max_scope) with examples. Which walk a rule joins follows from its category and
 * direction ({@link CueSets}); a rule the walks cannot honour (a scope that differs from the one
 * its walk has, a category in a direction no walk reads) fails the start with its line.
 */
final class ContextRules {

  static final String FILE = "narrative/context-rules.yaml";

  /** What a cue says about the phrases in its scope. */
  enum Category {
    NEGATED_EXISTENCE,
    NOT_RECORDED,
    HYPOTHETICAL,
    HISTORICAL,
    POSSIBLE_EXISTENCE,
    FUTURE,
    PSEUDO,
    FILLER,
    LIST;

    /** The categories the reader takes as "talked about, not reported as happening". */
    boolean isHypothetical() {
      return this == HYPOTHETICAL
          || this == HISTORICAL
          || this == POSSIBLE_EXISTENCE
          || this == FUTURE;
    }
  }

  /** Which way a cue reaches: to phrases after it (FORWARD), before it (BACKWARD), or both. */
  enum Direction {
    FORWARD,
    BACKWARD,
    BIDIRECTIONAL,
    PSEUDO
  }

  /**
   * One rule. {@code cue} is a literal (lower case; a word, two words, or one punctuation mark) or,
   * when {@code suffix} is true, the end of a word ({@code pattern: "*n't"}).
   */
  record Rule(
      String cue,
      boolean suffix,
      Category category,
      Direction direction,
      Integer maxScope,
      boolean withinPhrase,
      boolean overNegation,
      List<String> needs,
      String scopeOpensAt,
      List<Example> examples,
      int line) {

    boolean forward() {
      return direction == Direction.FORWARD || direction == Direction.BIDIRECTIONAL;
    }

    boolean backward() {
      return direction == Direction.BACKWARD || direction == Direction.BIDIRECTIONAL;
    }

    /** A mark: one character that is no letter or digit (a lone "-" or "/" is a mark too). */
    boolean punctuation() {
      return cue.length() == 1 && !Character.isLetterOrDigit(cue.charAt(0));
    }

    /** How tests and errors name the rule. */
    String name() {
      return "'"
          + (suffix ? "*" : "")
          + cue
          + "' "
          + category
          + " "
          + direction
          + " (line "
          + line
          + ")";
    }
  }

  /**
   * An example: in {@code text}, the phrase {@code target} is read with {@code effect} (a category,
   * or NONE for a phrase the cue leaves as it is), and, optionally, elements read as {@code reads}.
   */
  record Example(
      String text,
      String target,
      String effect,
      Map<DocumentationElement, PhraseRow.Reads> reads,
      int line) {}

  private static final Set<String> KEYS =
      Set.of(
          "literal",
          "pattern",
          "category",
          "direction",
          "max_scope",
          "within_phrase",
          "over_negation",
          "needs",
          "scope_opens_at",
          "examples");

  /** Declared after the keys above: static fields are set in order, and reading uses them. */
  static final ContextRules INSTANCE = read(YamlFiles.readResource(FILE, FILE));

  final List<Rule> rules;
  final CueSets sets;

  private ContextRules(List<Rule> rules, CueSets sets) {
    this.rules = rules;
    this.sets = sets;
  }

  /** Reads rules from YAML text; {@code file} names it in errors (for tests). */
  static ContextRules parse(String yaml, String file) {
    return read(YamlFiles.read(new StringReader(yaml), file));
  }

  private static ContextRules read(YamlMap file) {
    file.allowOnly("rules");
    List<Rule> rules = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlNode node : file.list("rules")) {
      Rule rule = rule(node.asMap());
      if (!seen.add(rule.cue() + " " + rule.category() + " " + rule.direction())) {
        throw node.error(rule.name() + ": a second rule of this cue, category and direction");
      }
      rules.add(rule);
    }
    return new ContextRules(List.copyOf(rules), CueSets.of(rules, file.file()));
  }

  private static Rule rule(YamlMap m) {
    m.allowOnly(KEYS);
    boolean suffix = m.has("pattern");
    if (suffix == m.has("literal")) {
      String shown = m.has("literal") ? "'" + m.require("literal").asString() + "': " : "";
      throw m.error(shown + "a rule has a literal or a pattern, not both or neither");
    }
    String cue = suffix ? m.text("pattern") : m.require("literal").asString();
    String where = "'" + cue + "': ";
    if (suffix) {
      if (!cue.startsWith("*") || cue.length() < 2 || cue.indexOf('*', 1) >= 0) {
        throw m.error(where + "a pattern is '*' and the end of a word, as \"*n't\"");
      }
      cue = cue.substring(1);
    }
    if (cue.isEmpty() || !cue.equals(cue.toLowerCase(Locale.ROOT)) || !cue.equals(cue.strip())) {
      throw m.error(where + "a cue is lower case, with no spaces around it");
    }
    Category category = constant(Category.class, m.require("category"), where);
    Direction direction = constant(Direction.class, m.require("direction"), where);
    Integer maxScope = m.has("max_scope") ? m.require("max_scope").asInt() : null;
    List<Example> examples = new ArrayList<>();
    for (YamlNode e : m.list("examples")) {
      examples.add(example(e.asMap(), where));
    }
    if (examples.isEmpty()) {
      throw m.error(where + "a rule needs at least one example");
    }
    return new Rule(
        cue,
        suffix,
        category,
        direction,
        maxScope,
        m.get("within_phrase").map(YamlNode::asBoolean).orElse(false),
        m.get("over_negation").map(YamlNode::asBoolean).orElse(false),
        m.textList("needs"),
        m.optText("scope_opens_at").orElse(null),
        List.copyOf(examples),
        m.line());
  }

  private static Example example(YamlMap e, String where) {
    e.allowOnly("text", "target", "effect", "reads");
    String effect = e.text("effect");
    if (!effect.equals("NONE")) {
      constant(Category.class, e.require("effect"), where);
    }
    Map<DocumentationElement, PhraseRow.Reads> reads = new LinkedHashMap<>();
    if (e.has("reads")) {
      for (Map.Entry<String, YamlNode> r : e.map("reads").entries()) {
        DocumentationElement element =
            DocumentationElement.fromId(r.getKey())
                .orElseThrow(() -> e.error(where + "no element '" + r.getKey() + "'"));
        reads.put(element, constant(PhraseRow.Reads.class, r.getValue(), where, true));
      }
    }
    String text = e.text("text");
    String target = e.text("target");
    if (!text.toLowerCase(Locale.ROOT).contains(target.toLowerCase(Locale.ROOT))) {
      throw e.error(where + "the target '" + target + "' is not in the example's text");
    }
    return new Example(text, target, effect, Map.copyOf(reads), e.line());
  }

  /** The words of every cue that can make a phrase hypothetical: the gate of those walks. */
  List<String> hypotheticalCueWords() {
    Set<String> words = new LinkedHashSet<>();
    for (Rule r : rules) {
      if (r.category().isHypothetical()) {
        words.add(r.cue());
      }
    }
    return List.copyOf(PatternAnchors.minimal(words));
  }

  private static <E extends Enum<E>> E constant(Class<E> type, YamlNode node, String where) {
    return constant(type, node, where, false);
  }

  private static <E extends Enum<E>> E constant(
      Class<E> type, YamlNode node, String where, boolean lowerCase) {
    String name = node.asText();
    try {
      return Enum.valueOf(type, lowerCase ? name.toUpperCase(Locale.ROOT) : name);
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(lowerCase ? c.name().toLowerCase(Locale.ROOT) : c.name());
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

  /** Fails unless every rule of a walk gives it the same value (the walk has one). */
  static <T> T same(
      Collection<Rule> rules,
      java.util.function.Function<Rule, T> value,
      String file,
      String what) {
    T first = null;
    Rule firstRule = null;
    for (Rule r : rules) {
      T v = value.apply(r);
      if (firstRule == null) {
        first = v;
        firstRule = r;
      } else if (!java.util.Objects.equals(first, v)) {
        throw new RuleFileException(
            file,
            r.line(),
            r.name()
                + ": "
                + what
                + " is "
                + v
                + " but "
                + firstRule.name()
                + " says "
                + first
                + ", and the walk they join has one");
      }
    }
    return first;
  }
}
