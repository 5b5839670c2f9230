package org.stomacds.engine.rules.payer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimType;
import org.stomacds.engine.facts.Setting;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code claim-form}: a claim for a service done in one of the {@code settings} goes on the claim
 * form the payer takes for that setting ({@code expected-type}: professional or institutional),
 * with the place of service {@code place-of-service} when that form is professional (Medicare ASCs
 * bill their facility fee on the professional form with place of service 24).
 */
final class ClaimFormCheck implements Check {

  private final List<Setting> settings = new ArrayList<>(1);
  private final ClaimType expected;
  private final String placeOfService;
  private final String why;

  ClaimFormCheck(Parameters p, RuleDefinition rule) {
    for (String name : p.codes("settings")) {
      String constant = name.replace('-', '_');
      try {
        settings.add(Setting.valueOf(constant));
      } catch (IllegalArgumentException e) {
        throw p.node("settings").error("unknown setting '" + name.toLowerCase(Locale.ROOT) + "'");
      }
    }
    String type =
        p.choice("expected-type", List.of("professional", "institutional"), "professional");
    this.expected = ClaimType.valueOf(type.toUpperCase(Locale.ROOT));
    this.placeOfService = p.text("place-of-service", null);
    this.why = p.text("why");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    Setting setting = claim.setting().setting();
    if (!settings.contains(setting)
        || claim.type() == ClaimType.OTHER
        || claim.type() == expected) {
      return;
    }
    String form =
        expected == ClaimType.PROFESSIONAL
            ? "the professional form (837P/CMS-1500)"
            : "the" + " institutional form (837I/UB-04)";
    String label =
        "Resubmit on "
            + form
            + (placeOfService == null ? "" : " with place of service " + placeOfService);
    context
        .finding(claim.ref(), "Claim.type")
        .message(
            "This "
                + claim.type().name().toLowerCase(Locale.ROOT)
                + " claim is for a service in "
                + setting.words()
                + ", which "
                + context.payer().display()
                + " takes on "
                + form
                + (placeOfService == null ? "" : " with place of service " + placeOfService)
                + ": "
                + context.fill(why))
        .evidence(
            new Evidence(claim.ref(), "Claim.type", claim.type().name().toLowerCase(Locale.ROOT)))
        .evidence(claim.setting().evidence())
        .fix(Fixes.manual(claim.ref(), label, true, null))
        .emit();
  }
}
