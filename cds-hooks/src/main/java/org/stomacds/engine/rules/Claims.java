package org.stomacds.engine.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.Documentation;
import org.stomacds.engine.facts.ProcedureFacts;
import org.stomacds.engine.findings.Evidence;

/** Questions several checks ask of a claim. */
public final class Claims {

  private Claims() {}

  /** Lines NCCI compares: the same date of service and the same rendering provider. */
  public static boolean sameDateAndProvider(ClaimLine a, ClaimLine b) {
    return Objects.equals(a.date(), b.date()) && Objects.equals(a.provider(), b.provider());
  }

  public static Evidence line(ClaimFacts claim, ClaimLine line) {
    StringBuilder text = new StringBuilder("line ").append(line.sequence()).append(": ");
    text.append(line.code() == null ? "(no code)" : line.code());
    if (!line.modifiers().isEmpty()) {
      text.append('-').append(String.join("-", line.modifiers()));
    }
    if (line.quantity() != 1) {
      text.append(" x").append(line.quantity());
    }
    if (line.date() != null) {
      text.append(" on ").append(line.date());
    }
    return new Evidence(claim.ref(), line.expression(), text.toString());
  }

  public static String describe(ClaimLine line) {
    return "line " + line.sequence() + " (" + line.code() + ")";
  }

  /**
   * Whether the claim's subject-code procedures were separate sessions: two or more Procedures in
   * different encounters or at times that do not overlap, or subject lines naming different
   * encounters.
   */
  public static Sessions sessions(ClaimFacts claim, String subjectCode) {
    List<ProcedureFacts> procedures = claim.procedures();
    List<Evidence> evidence = new ArrayList<>(2);
    for (int i = 0; i < procedures.size(); i++) {
      for (int j = i + 1; j < procedures.size(); j++) {
        ProcedureFacts a = procedures.get(i);
        ProcedureFacts b = procedures.get(j);
        boolean differentEncounter =
            a.encounter() != null && b.encounter() != null && !a.encounter().equals(b.encounter());
        if (differentEncounter || apart(a, b)) {
          evidence.add(new Evidence(a.ref(), "Procedure", "session 1: " + when(a)));
          evidence.add(new Evidence(b.ref(), "Procedure", "session 2: " + when(b)));
          return new Sessions(true, evidence);
        }
      }
    }
    List<ClaimLine> lines = claim.linesWithCode(subjectCode);
    for (int i = 0; i < lines.size(); i++) {
      for (int j = i + 1; j < lines.size(); j++) {
        List<String> a = lines.get(i).encounters();
        List<String> b = lines.get(j).encounters();
        if (!a.isEmpty() && !b.isEmpty() && !a.equals(b)) {
          evidence.add(line(claim, lines.get(i)));
          evidence.add(line(claim, lines.get(j)));
          return new Sessions(true, evidence);
        }
      }
    }
    return new Sessions(false, evidence);
  }

  private static boolean apart(ProcedureFacts a, ProcedureFacts b) {
    Instant aStart = a.start();
    Instant bStart = b.start();
    if (aStart == null || bStart == null) {
      return false;
    }
    Instant aEnd = a.end() == null ? aStart : a.end();
    Instant bEnd = b.end() == null ? bStart : b.end();
    return aEnd.isBefore(bStart) || bEnd.isBefore(aStart);
  }

  private static String when(ProcedureFacts procedure) {
    if (procedure.start() != null) {
      return procedure.start().toString();
    }
    if (procedure.encounter() != null) {
      return procedure.encounter();
    }
    return String.valueOf(procedure.date());
  }

  /** What the separate sessions finding was based on. */
  public record Sessions(boolean separate, List<Evidence> evidence) {}

  /**
   * The distinct-service modifier the documentation supports, or null: XS for a distinct lesion or
   * site, XE for a separate session.
   */
  public static Support distinctSupport(ClaimFacts claim, String subjectCode) {
    Documentation docs = claim.documentation();
    if (docs.documents(DocumentationElement.DISTINCT_STRICTURE) || docs.distinctStrictures() >= 2) {
      List<Evidence> evidence = docs.evidence(DocumentationElement.DISTINCT_STRICTURE);
      return new Support("XS", Basis.DISTINCT_SITE, evidence);
    }
    Sessions sessions = sessions(claim, subjectCode);
    if (sessions.separate()) {
      return new Support("XE", Basis.SEPARATE_SESSION, sessions.evidence());
    }
    return null;
  }

  /** What makes a service distinct. */
  public enum Basis {
    DISTINCT_SITE,
    SEPARATE_SESSION
  }

  /** A modifier the documentation supports and why. */
  public record Support(String xModifier, Basis basis, List<Evidence> evidence) {}

  /**
   * The pack's words for the two reasons (messages {@code distinct-site}, e.g. "a distinct
   * stricture or site", and {@code separate-session}) of a rule whose check names them.
   */
  public record Reasons(MessageTemplate distinctSite, MessageTemplate separateSession) {

    public static Reasons read(Parameters p) {
      return new Reasons(p.message("distinct-site"), p.message("separate-session"));
    }

    public String of(Support support, RuleContext context) {
      return context.message(
          support.basis() == Basis.DISTINCT_SITE ? distinctSite : separateSession);
    }
  }
}
