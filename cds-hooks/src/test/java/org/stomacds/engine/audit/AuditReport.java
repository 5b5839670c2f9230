package org.stomacds.engine.audit;

import java.util.List;

/** The audit's scoreboard: one line per claim, then what differs from the coder. */
final class AuditReport {

  private AuditReport() {}

  static String render(List<AuditResult> results) {
    long passing = results.stream().filter(AuditResult::passes).count();
    long clean = results.stream().filter(r -> r.claim().clean()).count();
    long cleanQuiet =
        results.stream().filter(r -> r.claim().clean() && r.extra().isEmpty()).count();
    long coderFindings = results.stream().mapToLong(r -> r.claim().findings().size()).sum();
    long missed = results.stream().mapToLong(r -> r.missed().size()).sum();
    long extra = results.stream().mapToLong(r -> r.extra().size()).sum();
    StringBuilder out = new StringBuilder();
    out.append("# Blind coder audit: the engine against the coder's verdict\n\n")
        .append("Written by `CoderAuditTest` (`mvn -pl cds-hooks test -Dtest=CoderAuditTest")
        .append(" -Dstomacds.audit.record=true`). Claims under `claims/`; what the EHR holds")
        .append(" beside a note in its `record.yaml`; rule categories in `categories.tsv`.\n\n")
        .append("- claims passing: **")
        .append(passing)
        .append(" of ")
        .append(results.size())
        .append("**\n- clean claims left quiet: ")
        .append(cleanQuiet)
        .append(" of ")
        .append(clean)
        .append("\n- coder findings matched: ")
        .append(coderFindings - missed)
        .append(" of ")
        .append(coderFindings)
        .append("\n- our warnings and errors the coder did not raise: ")
        .append(extra)
        .append("\n\n| claim | verdict | result | missed | extra | documentation asks |\n")
        .append("|---|---|---|---|---|---|\n");
    for (AuditResult r : results) {
      out.append("| ")
          .append(r.claim().id())
          .append(" | ")
          .append(r.claim().clean() ? "clean" : "errors")
          .append(" | ")
          .append(r.passes() ? "pass" : "**fail**")
          .append(" | ")
          .append(
              r.missed().stream()
                  .map(m -> m.category() + (m.line() == null ? "" : " line " + m.line()))
                  .reduce((a, b) -> a + "; " + b)
                  .orElse(""))
          .append(" | ")
          .append(
              r.extra().stream()
                  .map(AuditResult.Ours::toString)
                  .reduce((a, b) -> a + "; " + b)
                  .orElse(""))
          .append(" | ")
          .append(
              r.documentationAsks().stream()
                  .map(o -> o.finding().ruleId())
                  .reduce((a, b) -> a + ", " + b)
                  .orElse(""))
          .append(" |\n");
    }
    return out.toString();
  }
}
