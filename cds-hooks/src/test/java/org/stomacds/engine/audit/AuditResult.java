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

  /** One finding of ours, with its category and claim line (null: the claim as a whole). */
  record Ours(Finding finding, String category, Integer line) {
    boolean raises() {
      return finding.severity() != Severity.INFO;
    }

    boolean answers(AuditClaim.CoderFinding coder) {
      return category.equals(coder.category())
          && (coder.line() == null || line == null || line.equals(coder.line()))
          && (raises() || "info".equals(coder.severity()));
    }

    @Override
    public String toString() {
      return finding.ruleId()
          + " ("
          + category
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
      AuditClaim claim, List<Finding> findings, Map<String, String> categories) {
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
      if (DOCUMENTATION.equals(o.category())) {
        asks.add(o);
      } else {
        extra.add(o);
      }
    }
    return new AuditResult(claim, ours, missed, extra, asks);
  }

  private static String category(String ruleId, Map<String, String> categories) {
    String best = null;
    for (Map.Entry<String, String> e : categories.entrySet()) {
      if (ruleId.startsWith(e.getKey()) && (best == null || e.getKey().length() > best.length())) {
        best = e.getKey();
      }
    }
    return best == null ? "uncategorised" : categories.get(best);
  }

  private static Integer line(Finding f) {
    if (f.expression() == null) {
      return null;
    }
    Matcher m = ITEM.matcher(f.expression());
    return m.find() ? Integer.parseInt(m.group(1)) + 1 : null;
  }
}
