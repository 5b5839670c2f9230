package org.stomacds.engine.rules.sedation;

import java.util.List;
import java.util.Locale;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.findings.Severity;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code anesthesia-modifiers}: an anesthesia line (00811 for this procedure) needs a role modifier
 * (AA, AD, QK, QX, QY, QZ: who gave the anesthesia decides the payment), and a physical status
 * modifier (P1–P6) as CPT asks. Payers differ on the second: Medicare prices anesthesia without it,
 * so its absence is only as serious as {@code physical-status-severity} says (a payer overlay
 * lowers it), never the rule's severity by default.
 */
final class AnesthesiaModifiersCheck implements Check {

  private final CodeSet anesthesia;
  private final CodeSet roles;
  private final CodeSet physicalStatus;
  private final Severity physicalStatusSeverity;
  private final String physicalStatusNote;
  private final MessageTemplate noRole;
  private final MessageTemplate addRole;
  private final MessageTemplate noPhysicalStatus;
  private final MessageTemplate addPhysicalStatus;

  AnesthesiaModifiersCheck(Parameters p, RuleDefinition rule) {
    this.anesthesia = p.valueSet("anesthesia-codes");
    this.roles = p.valueSet("role-modifiers");
    this.physicalStatus = p.valueSet("physical-status-modifiers");
    String severity =
        p.choice("physical-status-severity", List.of("error", "warning", "info"), "warning");
    this.physicalStatusSeverity = Severity.valueOf(severity.toUpperCase(Locale.ROOT));
    this.physicalStatusNote = p.text("physical-status-note", null);
    this.noRole = p.message("no-role-modifier", "line", "roles");
    this.addRole = p.message("add-role-modifier", "roles", "sequence");
    this.noPhysicalStatus = p.message("no-physical-status-modifier", "line", "statuses");
    this.addPhysicalStatus = p.message("add-physical-status-modifier", "sequence");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    for (ClaimLine line : claim.lines()) {
      if (!anesthesia.containsCode(line.code())) {
        continue;
      }
      boolean role = false;
      boolean status = false;
      for (String modifier : line.modifiers()) {
        role |= roles.containsCode(modifier);
        status |= physicalStatus.containsCode(modifier);
      }
      if (!role) {
        context
            .finding(claim.ref(), line.expression() + ".modifier")
            .message(
                context.message(
                    noRole,
                    "line",
                    Claims.describe(line),
                    "roles",
                    String.join(", ", roles.codes())))
            .evidence(Claims.line(claim, line))
            .fix(
                Fixes.manual(
                    claim.ref(),
                    line,
                    null,
                    null,
                    context.message(
                        addRole,
                        "roles",
                        String.join(", ", roles.codes()),
                        "sequence",
                        line.sequence()),
                    true,
                    null))
            .emit();
      }
      if (!status) {
        context
            .finding(claim.ref(), line.expression() + ".modifier")
            .severity(physicalStatusSeverity)
            .note(context.fill(physicalStatusNote))
            .message(
                context.message(
                    noPhysicalStatus,
                    "line",
                    Claims.describe(line),
                    "statuses",
                    String.join(", ", physicalStatus.codes())))
            .evidence(Claims.line(claim, line))
            .fix(
                Fixes.manual(
                    claim.ref(),
                    line,
                    null,
                    null,
                    context.message(addPhysicalStatus, "sequence", line.sequence()),
                    true,
                    null))
            .emit();
      }
    }
  }
}
