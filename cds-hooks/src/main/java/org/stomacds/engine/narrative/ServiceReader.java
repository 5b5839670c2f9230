package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Reads what was done (route, anatomy left, how a stricture was dilated, stent, ablation, a short
 * exam) from a note, by the rows of {@code narrative/service-facts.yaml}, sentence by sentence in
 * the sections each row allows. How the hits of one fact become its value is said in the file's
 * header: a stoma route beats per anus; a balloon beats another method, which beats "not done".
 */
final class ServiceReader {

  /** Hit values of a fact, strongest first; a fact not listed takes its first hit. */
  private static final Map<String, List<String>> PRECEDENCE =
      Map.of(
          "route", List.of("ileostomy", "colostomy", "stoma", "anus"),
          "dilation", List.of("balloon", "other-method", "not-done"));

  private static final int MAX_QUOTE = 200;

  private ServiceReader() {}

  static ServiceReading read(String text) {
    if (text == null || text.isBlank()) {
      return ServiceReading.EMPTY;
    }
    return read(new IndexedNote(Lexicon.INSTANCE, text));
  }

  /**
   * Reads a note already folded, cut into sentences and scanned for anchors (by the note reader's
   * own pass, whose automaton holds the rows' literals too).
   */
  static ServiceReading read(IndexedNote note) {
    String text = note.text;
    String folded = note.f;
    List<Sentence> sentences = note.sentences;
    int[] keyOf = note.lexicon.serviceKey;
    ServiceTables.Tables tables = ServiceTables.get();
    Map<String, List<ServiceReading.Said>> hits = new LinkedHashMap<>();
    List<ServiceTables.Row> rows = tables.rows();
    RowGate.Found found = tables.gate().found();
    // One matcher per row and reading, reset to each sentence.
    Matcher[] matchers = new Matcher[rows.size()];
    for (int i = 0; i < sentences.size(); i++) {
      Sentence sentence = sentences.get(i);
      gate(tables.gate(), note, i, keyOf, found);
      String part = null;
      for (int r = 0; r < rows.size(); r++) {
        ServiceTables.Row row = rows.get(r);
        if (!found.may(r) || row.skip().contains(sentence.section())) {
          continue;
        }
        if (part == null) {
          part = folded.substring(sentence.start(), sentence.end());
        }
        Matcher m = matchers[r];
        m = m == null ? (matchers[r] = row.pattern().matcher(part)) : m.reset(part);
        if (!found.find(r, m)) {
          continue;
        }
        if (row.unless() != null && found.mayCancel(r) && row.unless().finder(part).find()) {
          continue;
        }
        String quote = quote(text, sentence, m.start(), m.end());
        hits.computeIfAbsent(row.fact(), f -> new ArrayList<>())
            .add(new ServiceReading.Said(row.value(), quote));
      }
    }
    Map<String, ServiceReading.Said> decided = new HashMap<>();
    for (Map.Entry<String, List<ServiceReading.Said>> e : hits.entrySet()) {
      decided.put(e.getKey(), decide(e.getKey(), e.getValue()));
    }
    return new ServiceReading(decided);
  }

  /** Tells the gate the literals sentence {@code i} holds: the note's pass found them. */
  private static void gate(
      RowGate gate, IndexedNote note, int i, int[] keyOf, RowGate.Found found) {
    gate.begin(note.sentences.get(i).start(), found);
    Ints occurrences = note.occurrences;
    for (int k = note.occurrencesFrom[i]; k < note.occurrencesFrom[i + 1]; k += 3) {
      int key = keyOf[occurrences.get(k)];
      if (key >= 0) {
        gate.saw(key, occurrences.get(k + 1), found);
      }
    }
    Ints apart = note.apart;
    for (int k = note.apartFrom[i]; k < note.apartFrom[i + 1]; k += 2) {
      int key = keyOf[apart.get(k)];
      if (key >= 0) {
        gate.saw(key, apart.get(k + 1), found);
      }
    }
    gate.seen(found);
  }

  /** The sentence that says it (from its content, past a label), cut around the match if long. */
  private static String quote(String text, Sentence sentence, int matchStart, int matchEnd) {
    int from = Math.max(sentence.contentStart(), sentence.start());
    int to = sentence.end();
    if (to - from > MAX_QUOTE) {
      from = Math.max(from, sentence.start() + matchStart - MAX_QUOTE / 2);
      to = Math.min(to, Math.max(from + MAX_QUOTE, sentence.start() + matchEnd));
    }
    String quote = oneSpaced(text.substring(from, to).strip());
    return quote.isEmpty()
        ? text.substring(sentence.start() + matchStart, sentence.start() + matchEnd)
        : quote;
  }

  /** Each run of white space ({@code \s}: space, tab, line breaks) as one space. */
  static String oneSpaced(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!isSpace(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      int j = i + 1;
      while (j < n && isSpace(s.charAt(j))) {
        j++;
      }
      if (out == null && (c != ' ' || j > i + 1)) {
        out = new StringBuilder(n).append(s, 0, i);
      }
      if (out != null) {
        out.append(' ');
      }
      i = j - 1;
    }
    return out == null ? s : out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static ServiceReading.Said decide(String fact, List<ServiceReading.Said> said) {
    List<String> order = PRECEDENCE.get(fact);
    if (order == null) {
      return said.get(0);
    }
    if ("route".equals(fact)) {
      boolean ileo = said.stream().anyMatch(s -> s.value().equals("ileostomy"));
      boolean colo = said.stream().anyMatch(s -> s.value().equals("colostomy"));
      if (ileo && colo) {
        // Both stomas named as routes: the kind is not decided here.
        return new ServiceReading.Said("stoma", first(said, "ileostomy").quote());
      }
    }
    for (String value : order) {
      ServiceReading.Said hit = first(said, value);
      if (hit != null) {
        return hit;
      }
    }
    return said.get(0);
  }

  private static ServiceReading.Said first(List<ServiceReading.Said> said, String value) {
    for (ServiceReading.Said s : said) {
      if (s.value().equals(value)) {
        return s;
      }
    }
    return null;
  }
}
