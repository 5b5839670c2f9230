package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.stomacds.engine.rules.yaml.YamlFiles;
import org.stomacds.engine.rules.yaml.YamlMap;
import org.stomacds.engine.rules.yaml.YamlNode;

/**
 * Procedure cues ({@code narrative/cues.yaml}): facts a note states that decide how the lines of a
 * claim relate (one lesion biopsied and then removed; bleeding caused by the session's own
 * therapy), found sentence by sentence. Thread-safe once loaded.
 */
public final class NoteCues {

  static final String FILE = "narrative/cues.yaml";
  private static final int QUOTE_MAX = 240;

  /** The cues of the shipped file. */
  public static final NoteCues INSTANCE = new NoteCues(load(YamlFiles.readResource(FILE, FILE)));

  /** One cue of the file, with its examples. */
  record Cue(String id, List<Pattern> patterns, Pattern unless, List<Example> examples) {}

  /** An example sentence and whether the cue must fire on it. */
  record Example(String text, boolean fires) {}

  private final List<Cue> cues;

  NoteCues(List<Cue> cues) {
    this.cues = List.copyOf(cues);
  }

  List<Cue> cues() {
    return cues;
  }

  /** The ids of the cues, in file order. */
  public List<String> ids() {
    return cues.stream().map(Cue::id).toList();
  }

  /** The cues the text states, each with the sentence that states it first, in file order. */
  public Map<String, String> find(String text) {
    Map<String, String> found = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return found;
    }
    String folded = NoteText.fold(text);
    List<int[]> sentences = sentences(folded);
    for (Cue cue : cues) {
      for (int[] s : sentences) {
        String sentence = folded.substring(s[0], s[1]);
        if (says(cue, sentence)) {
          String quote = text.substring(s[0], s[1]).strip().replaceAll("\\s+", " ");
          found.put(cue.id(), quote.length() > QUOTE_MAX ? quote.substring(0, QUOTE_MAX) : quote);
          break;
        }
      }
    }
    return found;
  }

  static boolean says(Cue cue, String foldedSentence) {
    if (cue.unless() != null && cue.unless().matcher(foldedSentence).find()) {
      return false;
    }
    for (Pattern p : cue.patterns()) {
      if (p.matcher(foldedSentence).find()) {
        return true;
      }
    }
    return false;
  }

  /** Sentence spans: split at a full stop, semicolon or line break. */
  private static List<int[]> sentences(String folded) {
    List<int[]> out = new ArrayList<>();
    Matcher m = Pattern.compile("[^.;\\n]+(?:[.;]|$)", Pattern.MULTILINE).matcher(folded);
    while (m.find()) {
      if (!m.group().isBlank()) {
        out.add(new int[] {m.start(), m.end()});
      }
    }
    return out;
  }

  static List<Cue> load(YamlMap file) {
    file.allowOnly("cues");
    Map<String, String> macros =
        PhraseTables.macros(YamlFiles.readResource(PhraseTables.MACROS, PhraseTables.MACROS));
    List<Cue> out = new ArrayList<>();
    for (YamlNode node : file.list("cues")) {
      YamlMap m = node.asMap().allowOnly("id", "means", "patterns", "unless", "examples");
      String id = m.text("id");
      if (!id.matches("[a-z0-9]+(?:-[a-z0-9]+)*")) {
        throw m.error("cue '" + id + "': an id is lower-case words joined by '-'");
      }
      m.text("means");
      List<Pattern> patterns = new ArrayList<>();
      for (YamlNode p : m.list("patterns")) {
        patterns.add(compile(p, macros, id));
      }
      if (patterns.isEmpty()) {
        throw m.error("cue '" + id + "': no patterns");
      }
      Pattern unless = m.has("unless") ? compile(m.require("unless"), macros, id) : null;
      List<Example> examples = new ArrayList<>();
      for (YamlNode e : m.list("examples")) {
        YamlMap em = e.asMap().allowOnly("text", "fires");
        examples.add(new Example(em.text("text"), em.require("fires").asBoolean()));
      }
      if (examples.stream().noneMatch(Example::fires)
          || examples.stream().allMatch(Example::fires)) {
        throw m.error("cue '" + id + "': needs an example that fires and one that does not");
      }
      out.add(new Cue(id, patterns, unless, examples));
    }
    return out;
  }

  private static Pattern compile(YamlNode node, Map<String, String> macros, String id) {
    String pattern = node.asText();
    for (Map.Entry<String, String> macro : macros.entrySet()) {
      pattern = pattern.replace(macro.getKey(), macro.getValue());
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw node.error("cue '" + id + "': not a valid pattern: " + e.getDescription());
    }
  }
}
