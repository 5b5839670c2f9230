package org.stomacds.engine.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stomacds.engine.facts.CaseFacts;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;

/**
 * One coherent correction per claim line. When a finding's correction is the removal of a line,
 * with no alternative that keeps the line in another form (a modifier, a unit count), every other
 * finding about that line (a modifier to add or drop, a unit count, another reason to remove it) is
 * moot, and so is any other finding's change to that line: the claim that follows the first
 * correction no longer has it. The removal kept is the first in pack order (the rules the note
 * decides stand before the general ones) of the highest severity; a finding of lower severity never
 * outranks a higher one. Findings about the claim as a whole, or about other resources, stay.
 */
final class OneCorrectionPerLine {

  private static final Pattern LINE = Pattern.compile("^Claim\\.item\\[(\\d+)]");

  private OneCorrectionPerLine() {}

  static List<Finding> apply(List<Finding> findings, CaseFacts facts) {
    if (findings.size() < 2 || facts.claims().isEmpty()) {
      return findings;
    }
    // The finding whose recommended correction removes each line (claim reference # sequence).
    Map<String, Finding> remover = new HashMap<>();
    for (Finding f : findings) {
      if (f.severity() == Severity.INFO) {
        continue;
      }
      for (Fix fix : f.fixes()) {
        if (fix.kind() == FixKind.REMOVE_LINE
            && fix.recommended()
            && fix.claimItemSequence() != null) {
          remover.merge(
              fix.resource() + "#" + fix.claimItemSequence(),
              f,
              (a, b) -> rank(b) < rank(a) ? b : a);
        }
      }
    }
    if (remover.isEmpty()) {
      return findings;
    }
    Map<String, Integer> sequences = sequences(facts);
    List<Finding> kept = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Integer line = line(f, sequences);
      Finding removes = line == null ? null : remover.get(f.resource() + "#" + line);
      if (removes != null
          && removes != f
          && rank(f) >= rank(removes)
          && !keepsAnAlternative(removes)) {
        continue;
      }
      Finding rest = withoutChangesToRemovedLines(f, remover);
      if (rest != null) {
        kept.add(rest);
      }
    }
    return kept;
  }

  /**
   * The finding without its changes to lines another finding removes: dropped where that removal is
   * the only way offered, demoted to an alternative where the remover offers a way to keep the line
   * too (the visit kept with 25, the second session kept with 76 and an appeal).
   */
  private static Finding withoutChangesToRemovedLines(Finding f, Map<String, Finding> remover) {
    List<Fix> fixes = new ArrayList<>(f.fixes().size());
    boolean changed = false;
    for (Fix fix : f.fixes()) {
      Finding removes =
          fix.claimItemSequence() == null
              ? null
              : remover.get(fix.resource() + "#" + fix.claimItemSequence());
      if (removes == null || removes == f) {
        fixes.add(fix);
      } else if (keepsAnAlternative(removes)) {
        changed |= fix.recommended();
        fixes.add(fix.recommended() ? demoted(fix) : fix);
      } else {
        changed = true;
      }
    }
    if (!changed) {
      return f;
    }
    if (fixes.isEmpty()) {
      return null; // everything it asked is done by the removal another finding asks for
    }
    return new Finding(
        f.ruleId(),
        f.packVersion(),
        f.severity(),
        f.message(),
        f.resource(),
        f.expression(),
        f.evidence(),
        fixes,
        f.source(),
        f.notes());
  }

  private static Fix demoted(Fix fix) {
    return new Fix(
        fix.kind(),
        fix.label(),
        fix.resource(),
        fix.claimItemSequence(),
        fix.system(),
        fix.code(),
        fix.element(),
        false,
        fix.alternativeGroup());
  }

  /**
   * Whether the remover also offers a way to keep the line in another form (a modifier, a unit
   * count, a step by hand such as an appeal): then the other findings about the line keep their
   * say, as alternatives.
   */
  private static boolean keepsAnAlternative(Finding f) {
    for (Fix fix : f.fixes()) {
      if (!fix.recommended()
          && fix.kind() != FixKind.REMOVE_LINE
          && fix.kind() != FixKind.DOCUMENT_ELEMENT) {
        return true;
      }
    }
    return false;
  }

  private static int rank(Finding f) {
    return f.severity().ordinal();
  }

  /** Claim reference # index in Claim.item → the line's sequence. */
  private static Map<String, Integer> sequences(CaseFacts facts) {
    Map<String, Integer> out = new HashMap<>();
    for (ClaimFacts claim : facts.claims()) {
      for (ClaimLine line : claim.lines()) {
        Matcher m = LINE.matcher(line.expression());
        if (m.find()) {
          out.put(claim.ref() + "#" + m.group(1), line.sequence());
        }
      }
    }
    return out;
  }

  /** The sequence of the claim line a finding is about, or null. */
  private static Integer line(Finding f, Map<String, Integer> sequences) {
    if (f.expression() == null || f.resource() == null) {
      return null;
    }
    Matcher m = LINE.matcher(f.expression());
    return m.find() ? sequences.get(f.resource() + "#" + m.group(1)) : null;
  }
}
