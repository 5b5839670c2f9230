package org.stomacds.engine.rules.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructional notes of the ICD-10-CM Tabular List for the codes a pack cares about, one row
 * per note and code named: where the note is written ({@code level}: chapter, block, category,
 * subcategory or code; {@code code}: the code or the block range, e.g. {@code K56} or {@code
 * K50-K52}), what kind of note it is ({@code excludes1}, {@code excludes2}, {@code includes},
 * {@code use-additional}, {@code code-first}, {@code code-also}), the code it names in the
 * Tabular's own notation ({@code target}: {@code K55.1}, {@code K91.3-}, {@code K50.-}, {@code
 * Q41-Q42}), our short words for what it names, and whether the row was checked against the Tabular
 * text ({@code verified}: rules use only verified rows).
 *
 * <p>A note written at a level applies to every code below it (a category's Excludes1 note covers
 * all its subcategories and codes), and a code a note names includes the codes below it.
 */
public final class TabularNotes {

  static final List<String> COLUMNS =
      List.of("level", "code", "note", "target", "words", "verified");

  static final List<String> LEVELS = List.of("chapter", "block", "category", "subcategory", "code");
  static final List<String> KINDS =
      List.of("excludes1", "excludes2", "includes", "use-additional", "code-first", "code-also");

  /**
   * One note naming one code.
   *
   * @param level where in the hierarchy the note is written
   * @param at the code, category or block range it is written at
   * @param kind the note's kind ({@link #KINDS})
   * @param target the code it names, in Tabular notation
   * @param words our short words for what it names
   * @param verified whether the row was checked against the Tabular text
   * @param where file and line, for findings and load errors
   */
  public record Note(
      String level,
      String at,
      String kind,
      String target,
      String words,
      boolean verified,
      String where) {

    /** The note as a reader of the Tabular finds it ("category K56 Excludes1: ..."). */
    public String cited() {
      return level + " " + at + " " + label(kind) + ": " + words + " (" + target + ")";
    }

    private static String label(String kind) {
      return switch (kind) {
        case "excludes1" -> "Excludes1";
        case "excludes2" -> "Excludes2";
        case "includes" -> "inclusion term";
        case "use-additional" -> "use additional code";
        case "code-first" -> "code first";
        default -> "code also";
      };
    }
  }

  private final List<Note> notes;

  private TabularNotes(List<Note> notes) {
    this.notes = List.copyOf(notes);
  }

  public int size() {
    return notes.size();
  }

  /** Every row, verified or not, in file order. */
  public List<Note> all() {
    return notes;
  }

  /**
   * The verified notes of a kind written at {@code code} or above it that name {@code other}
   * (Excludes1 at Z93 naming K94.- for Z93.3 and K94.03).
   */
  public List<Note> naming(String kind, String code, String other) {
    List<Note> found = new ArrayList<>(1);
    for (Note note : notes) {
      if (note.verified
          && note.kind.equals(kind)
          && covers(note.at, code)
          && covers(target(note.target), other)) {
        found.add(note);
      }
    }
    return found;
  }

  /**
   * Whether a position in the hierarchy covers a code: a code or category covers itself and every
   * code below it ({@code K56} covers {@code K56.699}); a range of categories ({@code Q41-Q42},
   * {@code K50-K52}) covers the codes of each category in it.
   */
  public static boolean covers(String position, String code) {
    String p = normal(position);
    String c = normal(code);
    int dash = p.indexOf('-');
    if (dash > 0) {
      String from = p.substring(0, dash);
      String to = p.substring(dash + 1);
      String category = c.length() >= 3 ? c.substring(0, 3) : c;
      return category.compareTo(from.substring(0, Math.min(3, from.length()))) >= 0
          && category.compareTo(to.substring(0, Math.min(3, to.length()))) <= 0
          && (from.length() <= 3 || c.compareTo(from) >= 0);
    }
    return c.startsWith(p);
  }

  /** The Tabular's "this and below" marks dropped: {@code K91.3-} is K91.3, {@code K50.-} K50. */
  public static String target(String notation) {
    String t = notation.strip();
    if (t.endsWith(".-")) {
      return t.substring(0, t.length() - 2);
    }
    if (t.endsWith("-") && t.indexOf('-') == t.length() - 1) {
      return t.substring(0, t.length() - 1);
    }
    return t;
  }

  /** Upper case, with the dot after the category when a code was written without it. */
  static String normal(String code) {
    String c = code.strip().toUpperCase(Locale.ROOT);
    if (c.length() > 3 && c.indexOf('.') < 0 && c.indexOf('-') < 0) {
      c = c.substring(0, 3) + "." + c.substring(3);
    }
    return c;
  }

  public static TabularNotes read(String file, BufferedReader reader) throws IOException {
    CsvTable csv = CsvTable.read(file, reader, COLUMNS);
    List<Note> notes = new ArrayList<>(csv.size());
    for (int row = 0; row < csv.size(); row++) {
      String level = csv.get(row, "level");
      if (!LEVELS.contains(level)) {
        throw csv.error(row, "level must be one of " + LEVELS + ", not '" + level + "'");
      }
      String kind = csv.get(row, "note");
      if (!KINDS.contains(kind)) {
        throw csv.error(row, "note must be one of " + KINDS + ", not '" + kind + "'");
      }
      String verified = csv.get(row, "verified");
      if (!verified.equals("yes") && !verified.equals("no")) {
        throw csv.error(row, "verified must be yes or no, not '" + verified + "'");
      }
      String at = csv.get(row, "code").toUpperCase(Locale.ROOT);
      String target = csv.get(row, "target").toUpperCase(Locale.ROOT);
      if (at.isEmpty() || target.isEmpty()) {
        throw csv.error(row, "code and target must not be empty");
      }
      notes.add(
          new Note(
              level,
              at,
              kind,
              target,
              csv.get(row, "words"),
              verified.equals("yes"),
              file + ":" + csv.line(row)));
    }
    return new TabularNotes(notes);
  }
}
