package org.stomacds.engine.rules.modifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.payer.LineOfBusiness;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code liability-modifiers}: the beneficiary-liability modifiers (GA, GX, GY, GZ) say what they
 * mean. They belong to the lines of business named in {@code lines-of-business} (Original
 * Medicare's ABN process) and mean nothing elsewhere; the excluded-service modifiers ({@code
 * excluded-service-modifiers}, GY/GX) are only for services on the {@code statutorily-excluded}
 * list, never for a covered or bundled benefit; the automatic-denial modifiers ({@code
 * automatic-denial}, GZ) deny the line with the provider liable.
 */
final class LiabilityModifierCheck implements Check {

  private final CodeSet modifiers;
  private final List<LineOfBusiness> linesOfBusiness = new ArrayList<>(1);
  private final List<String> excludedServiceModifiers;
  private final List<String> statutorilyExcluded;
  private final List<String> automaticDenial;
  private final MessageTemplate otherLineOfBusiness;
  private final MessageTemplate coveredBenefit;
  private final MessageTemplate deniedAutomatically;

  LiabilityModifierCheck(Parameters p, RuleDefinition rule) {
    this.otherLineOfBusiness =
        p.message("outside-its-lines-of-business", "modifier", "line", "lines-of-business");
    this.coveredBenefit =
        p.message("excluded-service-on-covered-benefit", "modifier", "line", "line-code");
    this.deniedAutomatically = p.message("denied-automatically", "modifier", "line");
    this.modifiers = p.valueSet("modifiers");
    for (String name : p.codes("lines-of-business")) {
      try {
        linesOfBusiness.add(LineOfBusiness.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw p.node("lines-of-business").error("unknown line of business '" + name + "'");
      }
    }
    this.excludedServiceModifiers = p.codes("excluded-service-modifiers");
    this.statutorilyExcluded = p.codes("statutorily-excluded");
    this.automaticDenial = p.codes("automatic-denial");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    LineOfBusiness line = context.payer().lineOfBusiness();
    boolean applies = line == LineOfBusiness.UNKNOWN || linesOfBusiness.contains(line);
    for (ClaimLine item : claim.lines()) {
      for (String modifier : item.modifiers()) {
        if (!modifiers.containsCode(modifier)) {
          continue;
        }
        String message;
        if (!applies) {
          message =
              context.message(
                  otherLineOfBusiness,
                  "modifier",
                  modifier,
                  "line",
                  Claims.describe(item),
                  "lines-of-business",
                  names());
        } else if (excludedServiceModifiers.contains(modifier) && !excluded(item.code())) {
          message =
              context.message(
                  coveredBenefit,
                  "modifier",
                  modifier,
                  "line",
                  Claims.describe(item),
                  "line-code",
                  item.code());
        } else if (automaticDenial.contains(modifier)) {
          message =
              context.message(
                  deniedAutomatically, "modifier", modifier, "line", Claims.describe(item));
        } else {
          continue;
        }
        context
            .finding(claim.ref(), item.modifierExpression(modifier))
            .message(message)
            .evidence(Claims.line(claim, item))
            .fix(
                Fixes.removeModifier(
                    claim.ref(),
                    item,
                    modifier,
                    "Remove " + modifier + " from line " + item.sequence(),
                    true,
                    null))
            .emit();
      }
    }
  }

  private boolean excluded(String code) {
    if (code == null) {
      return false;
    }
    String upper = code.toUpperCase(Locale.ROOT);
    for (String entry : statutorilyExcluded) {
      if (entry.contains("-")) {
        String[] range = entry.split("-", 2);
        if (upper.length() == range[0].length()
            && upper.compareTo(range[0]) >= 0
            && upper.compareTo(range[1]) <= 0) {
          return true;
        }
      } else if (upper.equals(entry)) {
        return true;
      }
    }
    return false;
  }

  private String names() {
    List<String> labels = new ArrayList<>(linesOfBusiness.size());
    for (LineOfBusiness l : linesOfBusiness) {
      labels.add(l.label());
    }
    return String.join(", ", labels);
  }
}
