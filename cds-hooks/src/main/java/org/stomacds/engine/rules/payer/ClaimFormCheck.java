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
import org.stomacds.engine.rules.MessageTemplate;
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
  private final MessageTemplate wrongForm;
  private final MessageTemplate resubmit;
  private final MessageTemplate formWords;
  private final MessageTemplate withPlaceOfService;

  ClaimFormCheck(Parameters p, RuleDefinition rule) {
    this.wrongForm = p.message("wrong-form", "claim-type", "setting", "form", "why");
    this.resubmit = p.message("resubmit", "form");
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
    // Both are worded, whichever form this rule expects, so the words read as a set.
    MessageTemplate professional = p.message("professional-form");
    MessageTemplate institutional = p.message("institutional-form");
    this.formWords = expected == ClaimType.PROFESSIONAL ? professional : institutional;
    this.withPlaceOfService = p.message("with-place-of-service", "place-of-service");
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
        context.message(formWords)
            + (placeOfService == null
                ? ""
                : " " + context.message(withPlaceOfService, "place-of-service", placeOfService));
    String label = context.message(resubmit, "form", form);
    context
        .finding(claim.ref(), "Claim.type")
        .message(
            context.message(
                wrongForm,
                "claim-type",
                claim.type().name().toLowerCase(Locale.ROOT),
                "setting",
                setting.words(),
                "form",
                form,
                "why",
                why))
        .evidence(
            new Evidence(claim.ref(), "Claim.type", claim.type().name().toLowerCase(Locale.ROOT)))
        .evidence(claim.setting().evidence())
        .fix(Fixes.manual(claim.ref(), label, true, null))
        .emit();
  }
}
