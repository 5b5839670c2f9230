package org.stomacds.engine.narrative;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML or XHTML (a FHIR narrative, a note exported as HTML) as the plain text the note reader
 * reads. jsoup parses it as a browser would (entities decoded, malformed markup repaired, never an
 * error); this class only lays the text out: scripts, styles and the head go, block elements become
 * paragraph or line breaks, list items start with "- ", table cells are separated by a tab (the
 * {@link Segmenter} reads a row's first cell as its label; under a first row of three or more
 * column headings, each later cell but the first is written after its column's heading), and source
 * white space collapses outside {@code <pre>}.
 */
final class HtmlText {

  /** Elements whose content is not text of the note. */
  private static final Set<String> SKIPPED =
      Set.of("script", "style", "head", "title", "noscript", "template", "object", "iframe");

  /** Elements that stand apart as paragraphs. */
  private static final Set<String> PARAGRAPHS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "table",
          "ul",
          "ol",
          "dl",
          "blockquote",
          "pre",
          "hr",
          "section",
          "article",
          "header",
          "footer",
          "figure",
          "address",
          "fieldset",
          "form",
          "main",
          "nav",
          "aside",
          "details");

  /** Elements that stand on their own line. */
  private static final Set<String> LINES =
      Set.of(
          "br",
          "div",
          "li",
          "tr",
          "dt",
          "dd",
          "caption",
          "figcaption",
          "legend",
          "summary",
          "thead",
          "tbody",
          "tfoot",
          "center");

  private static final Set<String> CELLS = Set.of("td", "th");

  /**
   * Typographic characters (as an entity or as written) in the plain text the reading corpus's
   * golden spans were written on: a dash for an en dash, a space for a no-break space, "x" for the
   * multiplication sign.
   */
  private static final Map<Character, String> PLAIN =
      Map.ofEntries(
          Map.entry('\u00a0', " "),
          Map.entry('\u2002', " "),
          Map.entry('\u2003', " "),
          Map.entry('\u2009', " "),
          Map.entry('\u2013', "-"),
          Map.entry('\u2014', "-"),
          Map.entry('\u2212', "-"),
          Map.entry('\u00d7', "x"),
          Map.entry('\u00f7', "/"),
          Map.entry('\u00b1', "+/-"),
          Map.entry('\u00bd', "1/2"),
          Map.entry('\u00bc', "1/4"),
          Map.entry('\u00be', "3/4"),
          Map.entry('\u2026', "..."),
          Map.entry('\u2018', "'"),
          Map.entry('\u2019', "'"),
          Map.entry('\u201c', "\""),
          Map.entry('\u201d', "\""),
          Map.entry('\u2022', "*"),
          Map.entry('\u2264', "<="),
          Map.entry('\u2265', ">="),
          Map.entry('\u00b2', "2"),
          Map.entry('\u00a9', "(c)"),
          Map.entry('\u00ae', "(R)"),
          Map.entry('\u2122', "(TM)"),
          Map.entry('\u00ad', ""));

  private HtmlText() {}

  static String toText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Layout layout = new Layout(html.length());
    NodeTraversor.filter(layout, Jsoup.parse(html));
    return tidy(layout.out);
  }

  /** Writes the text of the parsed document, element by element, with its breaks. */
  private static final class Layout implements NodeFilter {

    private final StringBuilder out;
    private int pre;

    /** The column headings of the tables being written, innermost last (empty: none). */
    private final ArrayDeque<List<String>> headings = new ArrayDeque<>();

    /** The column of the current row's cell being written, from 0, and how many it spans. */
    private int cell;

    private int previousSpan = 1;

    private static int span(Element cell) {
      String colspan = cell.attr("colspan").strip();
      return colspan.matches("[1-9]") ? Integer.parseInt(colspan) : 1;
    }

    Layout(int capacity) {
      this.out = new StringBuilder(capacity);
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode text) {
        append(text.getWholeText());
      } else if (node instanceof Element element) {
        String name = name(element);
        if (SKIPPED.contains(name)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (!table(element, name)) {
          tag(name, false);
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element element) {
        String name = name(element);
        tag(name, true);
        if (name.equals("table") && !headings.isEmpty()) {
          headings.pop();
        }
      }
      return FilterResult.CONTINUE;
    }

    /**
     * A table's first row of three or more headings ("Lumen before | Balloon | Lumen after") names
     * the columns: each later row's cells but its first (the row's own label) are written after
     * their column's heading, "Lumen after: 14 mm", so that a cell is read as what its column says
     * it is. True when the cell's start is written.
     */
    private boolean table(Element element, String name) {
      if (name.equals("table")) {
        headings.push(List.of());
      } else if (name.equals("tr") && !headings.isEmpty()) {
        cell = -1;
        List<String> texts = new ArrayList<>();
        boolean allHeadings = true;
        for (Element c : element.children()) {
          String cn = name(c);
          if (CELLS.contains(cn)) {
            allHeadings &= cn.equals("th");
            for (int k = span(c); k > 0; k--) {
              texts.add(c.text().strip());
            }
          }
        }
        // two columns are a label and its value ("Item | Result"): their heading names nothing;
        // an empty corner heads columns that are things ("| Stricture 1 | Stricture 2"), not
        // measures, with the rows' labels saying what each cell is
        if (allHeadings
            && texts.size() >= 3
            && !texts.get(0).isEmpty()
            && headings.peek().isEmpty()) {
          headings.pop();
          headings.push(texts);
        } else if (allHeadings) {
          headings.pop();
          headings.push(List.of());
        }
      } else if (CELLS.contains(name) && !headings.isEmpty()) {
        cell += cell < 0 ? 1 : previousSpan;
        previousSpan = span(element);
        List<String> heads = headings.peek();
        if (name.equals("td") && cell >= 1 && cell < heads.size() && !heads.get(cell).isEmpty()) {
          tag(name, false);
          append(heads.get(cell));
          out.append(": ");
          return true;
        }
      }
      return false;
    }

    /** An element's local name: "p" of "o:p" (Word's office namespace) or of "xhtml:p". */
    private static String name(Element element) {
      String name = element.normalName();
      int colon = name.indexOf(':');
      return colon >= 0 ? name.substring(colon + 1) : name;
    }

    private void tag(String name, boolean closing) {
      if (name.equals("pre")) {
        pre = closing ? Math.max(0, pre - 1) : pre + 1;
      }
      if (PARAGRAPHS.contains(name)) {
        breakLines(2);
      } else if (LINES.contains(name)) {
        breakLines(1);
        if (name.equals("li") && !closing) {
          out.append("- ");
        }
      } else if (CELLS.contains(name) && !closing) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          out.append('\t');
        }
      }
    }

    /** Outside pre, runs of white space (source line breaks included) become one space. */
    private void append(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (pre > 0 && Character.isWhitespace(c)) {
          out.append(c == '\r' ? '\n' : c);
        } else if (Character.isWhitespace(c)) {
          int len = out.length();
          if (len > 0 && out.charAt(len - 1) != ' ' && out.charAt(len - 1) != '\n') {
            out.append(' ');
          }
        } else {
          String plain = PLAIN.get(c);
          if (plain != null) {
            out.append(plain);
          } else {
            out.append(c);
          }
        }
      }
    }

    private void breakLines(int count) {
      int len = out.length();
      while (len > 0 && (out.charAt(len - 1) == ' ' || out.charAt(len - 1) == '\t')) {
        len--;
      }
      out.setLength(len);
      if (len == 0) {
        return;
      }
      int have = 0;
      while (have < len && out.charAt(len - 1 - have) == '\n') {
        have++;
      }
      for (int k = have; k < count; k++) {
        out.append('\n');
      }
    }
  }

  /** Trims each line and keeps at most one blank line in a row. */
  private static String tidy(StringBuilder raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int blank = 0;
    int start = 0;
    int n = raw.length();
    while (start <= n) {
      int nl = raw.indexOf("\n", start);
      int end = nl < 0 ? n : nl;
      int a = start;
      int b = end;
      // Leading spaces can only come from <pre> (elsewhere they were collapsed): keep them.
      while (b > a && (raw.charAt(b - 1) == ' ' || raw.charAt(b - 1) == '\t')) {
        b--;
      }
      if (raw.substring(a, b).isBlank()) {
        blank++;
      } else {
        if (out.length() > 0) {
          out.append(blank > 0 ? "\n\n" : "\n");
        }
        out.append(raw, a, b);
        blank = 0;
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return out.toString();
  }
}
