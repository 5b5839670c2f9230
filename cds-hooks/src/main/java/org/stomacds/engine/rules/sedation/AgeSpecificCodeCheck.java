package org.stomacds.engine.rules.sedation;

import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code age-specific-code}: a pair of codes split by the patient's age (99151 under 5 years, 99152
 * from 5): the line must carry the one that fits the age on the date of service.
 */
final class AgeSpecificCodeCheck implements Check {

  /** Anesthesia codes whose care for the session makes this check quiet (optional). */
  private final CodeSet unlessAnesthesia;

  private final String younger;
  private final String older;
  private final int age;
  private final MessageTemplate youngerCodeTooOld;
  private final MessageTemplate olderCodeTooYoung;

  AgeSpecificCodeCheck(Parameters p, RuleDefinition rule) {
    this.unlessAnesthesia =
        p.has("unless-anesthesia-care") ? p.valueSet("unless-anesthesia-care") : null;
    this.younger = p.text("younger-code").toUpperCase(java.util.Locale.ROOT);
    this.older = p.text("older-code").toUpperCase(java.util.Locale.ROOT);
    this.age = p.integer("from-age", 5);
    String[] names = {"billed", "sequence", "age", "years", "date", "right"};
    this.youngerCodeTooOld = p.message("younger-code-older-patient", names);
    this.olderCodeTooYoung = p.message("older-code-younger-patient", names);
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    if (unlessAnesthesia != null
        && !SedationWithAnesthesiaCheck.anesthesiaCare(
                claim, context, unlessAnesthesia, claim.dateOfService())
            .isEmpty()) {
      return; // sedation-with-anesthesia removes the sedation lines of this session
    }
    for (ClaimLine line : claim.lines()) {
      boolean isYounger = younger.equals(line.code());
      if (!isYounger && !older.equals(line.code())) {
        continue;
      }
      int years = claim.patient().ageOn(line.date());
      if (years < 0 || (isYounger == (years < age))) {
        continue;
      }
      String right = isYounger ? older : younger;
      context
          .finding(claim.ref(), line.expression() + ".productOrService")
          .message(
              context.message(
                  isYounger ? youngerCodeTooOld : olderCodeTooYoung,
                  "billed",
                  line.code(),
                  "sequence",
                  line.sequence(),
                  "age",
                  age,
                  "years",
                  years,
                  "date",
                  line.date(),
                  "right",
                  right))
          .evidence(Claims.line(claim, line))
          .evidence(
              new Evidence(
                  claim.patient().ref(),
                  "Patient.birthDate",
                  String.valueOf(claim.patient().birthDate())))
          .fix(
              Fixes.manual(
                  claim.ref(),
                  line,
                  CodeSystems.serviceSystem(right),
                  right,
                  "Replace " + line.code() + " with " + right + " on line " + line.sequence(),
                  true,
                  null))
          .emit();
    }
  }
}
