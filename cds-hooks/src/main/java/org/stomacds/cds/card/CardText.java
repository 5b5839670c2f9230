package org.stomacds.cds.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;

/**
 * The words of a card: a summary under 140 characters that says what to do, and a Markdown detail
 * with the message, the evidence and how to make each fix by hand (many clients cannot apply
 * actions). Text from data is escaped ({@link MarkdownText}).
 */
final class CardText {

  static final int MAX_SUMMARY = 139;

  private CardText() {}

  /**
   * What to do, in under 140 characters: the recommended fix, else the finding's first sentence.
   */
  static String summary(Finding finding) {
    String text =
        recommended(finding.fixes()).stream()
            .map(Fix::label)
            .filter(l -> l != null && !l.isBlank())
            .findFirst()
            .orElseGet(() -> firstSentence(finding.message()));
    return truncate(text.replaceAll("\\s+", " ").trim());
  }

  /** The first finding's summary, saying how many more of the same kind the card holds. */
  static String summary(List<Finding> findings) {
    if (findings.size() == 1) {
      return summary(findings.get(0));
    }
    String more = ", and " + (findings.size() - 1) + " more like it";
    String first = summary(findings.get(0));
    return truncate(first, MAX_SUMMARY - more.length()) + more;
  }

  static String truncate(String text) {
    return truncate(text, MAX_SUMMARY);
  }

  private static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    return text.substring(0, cut).trim() + "…";
  }

  private static String firstSentence(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf(". ");
    return end < 0 ? message : message.substring(0, end + 1);
  }

  /** The fixes to apply together: every fix outside a group, and one fix per group. */
  static List<Fix> recommended(List<Fix> fixes) {
    List<Fix> chosen = new ArrayList<>();
    Map<String, Fix> byGroup = new LinkedHashMap<>();
    for (Fix fix : fixes) {
      if (fix.alternativeGroup() == null) {
        chosen.add(fix);
      } else {
        Fix current = byGroup.get(fix.alternativeGroup());
        if (current == null || (!current.recommended() && fix.recommended())) {
          byGroup.put(fix.alternativeGroup(), fix);
        }
      }
    }
    chosen.addAll(byGroup.values());
    chosen.sort((a, b) -> Boolean.compare(b.recommended(), a.recommended()));
    return chosen;
  }

  /** Each finding's message, evidence and fixes; then the notes, the source and the rule once. */
  static String detail(List<Finding> findings) {
    StringBuilder md = new StringBuilder();
    Set<String> notes = new LinkedHashSet<>();
    for (int i = 0; i < findings.size(); i++) {
      if (i > 0) {
        md.append("---\n\n");
      }
      findingDetail(md, findings.get(i));
      notes.addAll(findings.get(i).notes());
    }
    appendNotes(md, notes);
    appendSourceAndRule(md, findings.get(0));
    return md.toString();
  }

  /** A "Notes" list, when there are notes. */
  static void appendNotes(StringBuilder md, Set<String> notes) {
    if (!notes.isEmpty()) {
      md.append("**Notes**\n\n");
      notes.forEach(n -> md.append("- ").append(MarkdownText.escape(n)).append('\n'));
      md.append('\n');
    }
  }

  /** The policy source line, then the rule id and pack version: a card's last lines. */
  static void appendSourceAndRule(StringBuilder md, Finding finding) {
    md.append(RuleReferences.sourceLine(finding.source())).append("\n\n");
    md.append("Rule ")
        .append(MarkdownText.escape(finding.ruleId()))
        .append(", rule pack ")
        .append(MarkdownText.escape(finding.packVersion()))
        .append('.');
  }

  private static void findingDetail(StringBuilder md, Finding finding) {
    md.append(MarkdownText.escape(finding.message())).append("\n\n");
    if (!finding.evidence().isEmpty()) {
      md.append("**What was seen**\n\n");
      for (Evidence e : finding.evidence()) {
        md.append("- ");
        String where = where(e.resource(), e.expression());
        if (!where.isEmpty()) {
          md.append(where).append(": ");
        }
        md.append(e.text() == null ? "(nothing found)" : "“" + MarkdownText.escape(e.text()) + "”");
        md.append('\n');
      }
      md.append('\n');
    }
    if (!finding.fixes().isEmpty()) {
      md.append("**How to fix it by hand**\n\n");
      List<Fix> chosen = recommended(finding.fixes());
      for (Fix fix : chosen) {
        md.append("- ").append(describe(fix, finding)).append('\n');
      }
      for (Fix fix : finding.fixes()) {
        if (!chosen.contains(fix)) {
          md.append("- Alternative, instead of the one above (apply only one): ")
              .append(describe(fix, finding))
              .append('\n');
        }
      }
      md.append('\n');
    }
  }

  private static String where(String resource, String expression) {
    List<String> parts = new ArrayList<>();
    if (resource != null) {
      parts.add(MarkdownText.escape(resource));
    }
    if (expression != null) {
      parts.add(MarkdownText.escape(expression));
    }
    return String.join(", ", parts);
  }

  /** The fix's own sentence, plus exactly what to change, for someone without the actions. */
  static String describe(Fix fix, Finding finding) {
    String label = MarkdownText.escape(fix.label());
    String target =
        MarkdownText.escape(fix.resource() != null ? fix.resource() : finding.resource());
    String line = fix.claimItemSequence() == null ? "" : " line " + fix.claimItemSequence();
    String code = MarkdownText.escape(fix.code());
    String how =
        switch (fix.kind()) {
          case ADD_MODIFIER -> "on " + target + line + ", add modifier " + code;
          case REMOVE_MODIFIER -> "on " + target + line + ", remove modifier " + code;
          case REMOVE_LINE ->
              "on " + target + ", remove" + line + " (other lines keep their numbers)";
          case REPLACE_CODE -> "on " + target + line + ", bill code " + code + " instead";
          case SET_PLACE_OF_SERVICE ->
              "on "
                  + target
                  + (line.isEmpty() ? " every line" : line)
                  + ", set place of service "
                  + code;
          case SET_QUANTITY -> "on " + target + line + ", set the units to " + code;
          case ADD_DIAGNOSIS ->
              "on "
                  + target
                  + ", add diagnosis "
                  + code
                  + (line.isEmpty() ? "" : " and point" + line + " to it first");
          case DOCUMENT_ELEMENT ->
              "in the procedure note ("
                  + target
                  + "), document: "
                  + MarkdownText.escape(
                      DocumentationTasks.labels(
                          List.of(fix.element() == null ? "" : fix.element())));
          default -> null;
        };
    return how == null ? label : label + " (" + how + ")";
  }
}
