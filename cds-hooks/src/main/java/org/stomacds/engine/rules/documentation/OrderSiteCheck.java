package org.stomacds.engine.rules.documentation;

import org.stomacds.engine.facts.OrderFacts;
import org.stomacds.engine.facts.Setting;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.FeeScheduleRow;
import org.stomacds.engine.rules.cms.PfsData;
import org.stomacds.engine.rules.cms.Selection;

/**
 * {@code order-site}: a signed order should say where the procedure will be done, because the place
 * of service on the claim must match it and the payment differs by setting.
 */
final class OrderSiteCheck implements Check {

  private final String fixLabel;
  private final MessageTemplate noSetting;
  private final MessageTemplate payments;

  OrderSiteCheck(Parameters p, RuleDefinition rule) {
    this.fixLabel = rule.fix();
    this.noSetting = p.message("no-setting");
    this.payments = p.message("fee-schedule-payments", "release", "office-rvu", "facility-rvu");
  }

  @Override
  public void onOrder(OrderFacts order, RuleContext context) {
    if (order.setting().setting() != Setting.UNKNOWN) {
      return;
    }
    StringBuilder message = new StringBuilder(context.message(noSetting));
    Selection<PfsData> selection = context.data().pfs(order.date());
    if (selection != null) {
      FeeScheduleRow row = selection.data().row(context.subjectCode(), "");
      if (row != null && row.nonFacilityTotal() != null && row.facilityTotal() != null) {
        message
            .append(' ')
            .append(
                context.message(
                    payments,
                    "release",
                    selection.file().release(),
                    "office-rvu",
                    row.nonFacilityTotal().toPlainString(),
                    "facility-rvu",
                    row.facilityTotal().toPlainString()));
      }
    }
    context
        .finding(order.ref(), "ServiceRequest.locationCode")
        .message(message.toString())
        .fix(Fixes.manual(order.ref(), context.fill(fixLabel), true, null))
        .emit();
  }
}
