package org.stomacds.engine.narrative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which section a label names, as data: the rows of {@code narrative/section-labels.tsv}, tried in
 * order, the first that matches winning. A row that cannot be read fails the start with the file
 * and line, as the rule files do.
 */
final class SectionLabels {

  static final String FILE = "narrative/section-labels.tsv";

  enum Match {
    CONTAINS,
    EQUALS,
    PREFIX,
    SUFFIX
  }

  /** One row: the section, how the label holds the text, its other conditions, an example. */
  record Row(
      Section section,
      Match match,
      String text,
      List<String> with,
      List<String> unless,
      String example,
      int line) {

    boolean matches(String label) {
      boolean holds =
          switch (match) {
            case CONTAINS -> label.contains(text);
            case EQUALS -> label.equals(text);
            case PREFIX -> label.startsWith(text);
            case SUFFIX -> label.endsWith(text);
          };
      return holds
          && (with.isEmpty() || with.stream().anyMatch(label::contains))
          && unless.stream().noneMatch(label::contains);
    }
  }

  static final List<Row> ROWS = load();

  private SectionLabels() {}

  /** The section of a label already folded to lower case; OTHER when no row matches. */
  static Section of(String label) {
    String l = label.trim();
    for (Row row : ROWS) {
      if (row.matches(l)) {
        return row.section();
      }
    }
    return Section.OTHER;
  }

  private static List<Row> load() {
    try (InputStream in = SectionLabels.class.getClassLoader().getResourceAsStream(FILE)) {
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
      String[] c = line.split("\t", -1);
      int n = i + 1;
      if (c.length != 6) {
        throw bad(n, "expected 6 tab-separated columns, found " + c.length);
      }
      Section section;
      Match match;
      try {
        section = Section.valueOf(c[0].trim());
        match = Match.valueOf(c[1].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad(n, "unknown section or match '" + c[0] + "', '" + c[1] + "'");
      }
      if (section == Section.OTHER || c[2].isEmpty() || c[5].isBlank()) {
        throw bad(n, "a row names a section other than OTHER, a text and an example");
      }
      rows.add(new Row(section, match, c[2], words(c[3]), words(c[4]), c[5].trim(), n));
    }
    return List.copyOf(rows);
  }

  private static List<String> words(String cell) {
    List<String> out = new ArrayList<>();
    for (String w : cell.split(",")) {
      if (!w.isBlank()) {
        out.add(w.trim());
      }
    }
    return List.copyOf(out);
  }

  private static IllegalStateException bad(int line, String why) {
    return new IllegalStateException(FILE + ":" + line + ": " + why);
  }
}
