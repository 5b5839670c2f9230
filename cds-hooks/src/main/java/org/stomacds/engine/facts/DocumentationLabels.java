package org.stomacds.engine.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * Which documentation element a structured entry records, as data: the rows of {@code
 * documentation/structured-labels.tsv} (codes, and the words of labels), tried in order, the first
 * that matches winning. A row that cannot be read fails the start with the file and line.
 */
final class DocumentationLabels {

  static final String FILE = "documentation/structured-labels.tsv";

  private static final Set<String> LEFT_OUT =
      Set.of(
          "a", "an", "the", "of", "for", "from", "in", "on", "at", "to", "by", "with", "per",
          "each", "and", "or");

  /** What a row gives: the element, and for sedation times which time the value is. */
  record Match(DocumentationElement element, String part) {
    static final String NONE = "-";
  }

  /** One row of the table. */
  record Row(
      DocumentationElement element,
      String part,
      boolean code,
      String system,
      String text,
      List<String> words,
      List<String> unless,
      String example,
      int line) {

    Match match() {
      return new Match(element, part);
    }

    boolean matchesWords(Set<String> label) {
      return !code && label.containsAll(words) && unless.stream().noneMatch(label::contains);
    }

    boolean matchesCode(String codingSystem, String codingCode) {
      return code && system.equals(codingSystem) && text.equals(codingCode);
    }
  }

  static final List<Row> ROWS = load();

  private DocumentationLabels() {}

  /**
   * The element a concept records: a coding of our documentation-element code system, else a coding
   * a code row names, else the words of {@code text}, else of each coding's display. Null when
   * none.
   */
  static Match of(CodeableConcept concept) {
    if (concept == null) {
      return null;
    }
    for (Coding coding : concept.getCoding()) {
      Match match = ofCoding(coding);
      if (match != null) {
        return match;
      }
    }
    Match match = ofLabel(concept.getText());
    for (int i = 0; match == null && i < concept.getCoding().size(); i++) {
      match = ofLabel(concept.getCoding().get(i).getDisplay());
    }
    return match;
  }

  /** The element a coding names: one of our documentation-element codes, or a code row. */
  static Match ofCoding(Coding coding) {
    if (coding == null || !coding.hasSystem() || !coding.hasCode()) {
      return null;
    }
    String code = coding.getCode().strip();
    if (CodeSystems.DOCUMENTATION_ELEMENT.equals(coding.getSystem())) {
      return DocumentationElement.fromId(code).map(e -> new Match(e, Match.NONE)).orElse(null);
    }
    for (Row row : ROWS) {
      if (row.matchesCode(coding.getSystem(), code)) {
        return row.match();
      }
    }
    return null;
  }

  /** The element a label names (a text, a display, a linkId), by the words rows. */
  static Match ofLabel(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    Set<String> words = new LinkedHashSet<>(words(label));
    for (Row row : ROWS) {
      if (row.matchesWords(words)) {
        return row.match();
      }
    }
    return null;
  }

  /**
   * A label as the table compares it: lower-case words cut at spaces, punctuation and camelCase, a
   * plural s dropped, {@code #} read as "number", small words left out. Bounded: a label longer
   * than 200 characters is read in its first 200.
   */
  static List<String> words(String label) {
    List<String> out = new ArrayList<>();
    String text = label.length() > 200 ? label.substring(0, 200) : label;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      boolean camel =
          Character.isUpperCase(c)
              && word.length() > 0
              && Character.isLowerCase(text.charAt(i - 1));
      if (Character.isLetterOrDigit(c) && !camel) {
        word.append(c);
        continue;
      }
      add(out, word);
      if (camel) {
        word.append(c);
      } else if (c == '#') {
        out.add("number");
      }
    }
    return out;
  }

  private static void add(List<String> out, StringBuilder word) {
    if (word.length() == 0) {
      return;
    }
    String w = word.toString().toLowerCase(Locale.ROOT);
    word.setLength(0);
    if (w.length() > 3
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("is")
        && !w.endsWith("us")) {
      w = w.substring(0, w.length() - 1);
    }
    if (!LEFT_OUT.contains(w)) {
      out.add(w);
    }
  }

  private static List<Row> load() {
    try (InputStream in = DocumentationLabels.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + ": not on the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(FILE, e);
    }
  }

  static List<Row> parse(String tsv) {
    List<Row> rows = new ArrayList<>();
    String[] lines = tsv.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      rows.add(row(line.split("\t", -1), i + 1));
    }
    return List.copyOf(rows);
  }

  private static Row row(String[] c, int n) {
    if (c.length != 6) {
      throw bad(n, "expected 6 tab-separated columns, found " + c.length);
    }
    DocumentationElement element =
        DocumentationElement.fromId(c[0].trim())
            .orElseThrow(() -> bad(n, "unknown documentation element '" + c[0] + "'"));
    String part = c[1].trim();
    boolean sedationTimes = element == DocumentationElement.SEDATION_TIMES;
    if (!(part.equals(Match.NONE)
        || (sedationTimes && List.of("start", "stop", "minutes").contains(part)))) {
      throw bad(n, "part '" + part + "' must be - (or start, stop, minutes for sedation-times)");
    }
    String example = c[5].trim();
    if (example.isEmpty() || c[3].isBlank()) {
      throw bad(n, "a row needs a text and an example");
    }
    List<String> unless = new ArrayList<>();
    for (String w : c[4].split(",")) {
      if (!w.isBlank()) {
        unless.addAll(words(w));
      }
    }
    switch (c[2].trim()) {
      case "code" -> {
        int bar = c[3].lastIndexOf('|');
        if (bar <= 0 || bar == c[3].length() - 1) {
          throw bad(n, "a code row's text is system|code, not '" + c[3] + "'");
        }
        return new Row(
            element,
            part,
            true,
            c[3].substring(0, bar).trim(),
            c[3].substring(bar + 1).trim(),
            List.of(),
            List.of(),
            example,
            n);
      }
      case "words" -> {
        List<String> words = words(c[3]);
        if (words.isEmpty()) {
          throw bad(n, "'" + c[3] + "' has no words the table compares");
        }
        return new Row(
            element, part, false, null, c[3].trim(), words, List.copyOf(unless), example, n);
      }
      default -> throw bad(n, "match must be code or words, not '" + c[2] + "'");
    }
  }

  private static IllegalStateException bad(int line, String why) {
    return new IllegalStateException(FILE + ":" + line + ": " + why);
  }
}
