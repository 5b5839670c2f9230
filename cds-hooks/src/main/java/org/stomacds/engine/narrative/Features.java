package org.stomacds.engine.narrative;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.stomacds.engine.rules.yaml.YamlFiles;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * The features: named groups of anchor words ({@code narrative/features.yaml}), cheap clues found
 * in the one pass over a note that a sentence may hold a kind of phrasing. A sentence has a feature
 * when it holds any of its words (as a substring: "stom" is in "colostomy"). A phrase row names the
 * features its sentences must hold; the Java code names those it asks about itself as {@link
 * Feature} constants, and each of those must be in the file. A feature gets a bit in a sentence's
 * mask: the {@link Feature} constants first, by ordinal, then the others in file order.
 */
final class Features {

  static final String FILE = "narrative/features.yaml";

  static final Features INSTANCE = read(YamlFiles.readResource(FILE, FILE));

  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final List<String[]> words = new ArrayList<>();
  private final List<String> means = new ArrayList<>();

  private Features() {}

  /** Reads a features file from YAML text; {@code file} names it in errors (for tests). */
  static Features parse(String yaml, String file) {
    return read(YamlFiles.read(new StringReader(yaml), file));
  }

  private static Features read(YamlMap file) {
    Features out = new Features();
    Map<String, YamlMap> byName = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : file.entries()) {
      if (!e.getKey().matches("[A-Z][A-Z0-9_]*")) {
        throw file.keyNode(e.getKey()).error("a feature name is upper case: '" + e.getKey() + "'");
      }
      byName.put(e.getKey(), e.getValue().asMap().allowOnly("means", "words", "from"));
    }
    for (Feature f : Feature.values()) {
      YamlMap m = byName.remove(f.name());
      if (m == null) {
        throw file.error("no feature " + f.name() + " (the reader's code asks for it)");
      }
      out.add(f.name(), m);
    }
    byName.forEach(out::add);
    if (out.words.size() > Long.SIZE) {
      throw file.error("more than " + Long.SIZE + " features: a sentence keeps them in a long");
    }
    return out;
  }

  private void add(String name, YamlMap m) {
    List<String> list = new ArrayList<>();
    if (m.has("from")) {
      // The cue words of the context rules: typed once, there.
      if (m.has("words") || !m.text("from").equals("context-rules")) {
        throw m.error(
            name + ": 'from: context-rules' (the hypothetical cues) or 'words', not both");
      }
      list.addAll(ContextRules.INSTANCE.hypotheticalCueWords());
    }
    for (YamlNode w : m.list("words")) {
      String word = w.asString();
      if (word.isEmpty() || !word.equals(word.toLowerCase(java.util.Locale.ROOT))) {
        throw w.error(name + ": a word is lower case and not empty: '" + word + "'");
      }
      for (int i = 0; i < word.length(); i++) {
        if (word.charAt(i) >= 128) {
          throw w.error(name + ": a word is plain ASCII: '" + word + "'");
        }
      }
      list.add(word);
    }
    if (list.isEmpty()) {
      throw m.error(name + ": no words");
    }
    index.put(name, words.size());
    words.add(list.toArray(String[]::new));
    means.add(m.text("means"));
  }

  /** The number of features. */
  int size() {
    return words.size();
  }

  /** The feature's bit position, if there is a feature of that name. */
  OptionalInt index(String name) {
    Integer i = index.get(name);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  List<String> names() {
    return List.copyOf(index.keySet());
  }

  /** The feature's words (a copy). */
  String[] words(int feature) {
    return words.get(feature).clone();
  }

  /**
   * The feature's words and a reader's own beside them: "approximately" and the other {@code
   * ESTIMATE} words are skipped between a cue and its number by several readers, each with a word
   * or two of its own ("the", "level", "of" on the way to a place).
   */
  String[] wordsWith(Feature feature, String... more) {
    String[] own = words.get(feature.ordinal());
    String[] all = java.util.Arrays.copyOf(own, own.length + more.length);
    System.arraycopy(more, 0, all, own.length, more.length);
    return all;
  }

  /**
   * The feature's words as one regular-expression group, longest first, each with the dot of an
   * abbreviation allowed after it: {@code ESTIMATE} gives "(?:(?:approximately|approx|...)\\.?)",
   * so that a reader's own pattern names the estimate words once, from the file.
   */
  String group(Feature feature) {
    String[] own = words.get(feature.ordinal()).clone();
    java.util.Arrays.sort(own, (a, b) -> b.length() - a.length());
    StringBuilder out = new StringBuilder("(?:(?:");
    for (int i = 0; i < own.length; i++) {
      if (!own[i].matches("[a-z]+")) {
        throw new IllegalStateException(
            FILE + ": " + feature + " word '" + own[i] + "' is no word");
      }
      out.append(i == 0 ? "" : "|").append(own[i]);
    }
    return out.append(")\\.?)").toString();
  }

  String means(int feature) {
    return means.get(feature);
  }
}
