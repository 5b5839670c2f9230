package org.stomacds.engine.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Severity;

/** One audit claim compared with the coder's verdict, by category and line. */
record AuditResult(
    AuditClaim claim,
    List<Ours> ours,
    List<AuditClaim.CoderFinding> missed,
    List<Ours> extra,
    List<Ours> documentationAsks) {

  static final String DOCUMENTATION = "documentation";
  private static final Pattern ITEM = Pattern.compile("^Claim\\.item\\[(\\d+)]");

  /**
   * One finding of ours, with its categories and claim line (null: the claim as a whole). A rule
   * may sit in two categories where coders file its problem under either (a sedation add-on billed
   * for too few minutes is a units problem to one coder, a sedation problem to another).
   */
  record Ours(Finding finding, List<String> categories, Integer line) {
    boolean raises() {
      return finding.severity() != Severity.INFO;
    }

    boolean answers(AuditClaim.CoderFinding coder) {
      return categories.contains(coder.category())
          && (coder.line() == null || line == null || line.equals(coder.line()))
          && (raises() || "info".equals(coder.severity()));
    }

    @Override
    public String toString() {
      return finding.ruleId()
          + " ("
          + String.join("/", categories)
          + ", "
          + (line == null ? "claim" : "line " + line)
          + ", "
          + finding.severity().name().toLowerCase(java.util.Locale.ROOT)
          + ")";
    }
  }

  boolean passes() {
    return missed.isEmpty() && extra.isEmpty();
  }

  static AuditResult compare(
      AuditClaim claim, List<Finding> findings, Map<String, List<String>> categories) {
    List<Ours> ours = new ArrayList<>();
    for (Finding f : findings) {
      ours.add(new Ours(f, category(f.ruleId(), categories), line(f)));
    }
    List<AuditClaim.CoderFinding> missed = new ArrayList<>();
    for (AuditClaim.CoderFinding coder : claim.findings()) {
      if (ours.stream().noneMatch(o -> o.answers(coder))) {
        missed.add(coder);
      }
    }
    List<Ours> extra = new ArrayList<>();
    List<Ours> asks = new ArrayList<>();
    for (Ours o : ours) {
      if (!o.raises() || claim.findings().stream().anyMatch(o::answers)) {
        continue;
      }
      if (o.categories().contains(DOCUMENTATION)) {
        asks.add(o);
      } else {
        extra.add(o);
      }
    }
    return new AuditResult(claim, ours, missed, extra, asks);
  }

  private static List<String> category(String ruleId, Map<String, List<String>> categories) {
    String best = null;
    for (Map.Entry<String, List<String>> e : categories.entrySet()) {
      if (ruleId.startsWith(e.getKey()) && (best == null || e.getKey().length() > best.length())) {
        best = e.getKey();
      }
    }
    return best == null ? List.of("uncategorised") : categories.get(best);
  }

  private static Integer line(Finding f) {
    if (f.expression() == null) {
      return null;
    }
    Matcher m = ITEM.matcher(f.expression());
    return m.find() ? Integer.parseInt(m.group(1)) + 1 : null;
  }
}
