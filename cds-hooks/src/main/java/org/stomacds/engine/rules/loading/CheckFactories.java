package org.stomacds.engine.rules.loading;

import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.CheckKind;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.bundling.DistinctModifierFitCheck;
import org.stomacds.engine.rules.bundling.DocumentedBundleCheck;
import org.stomacds.engine.rules.bundling.MueCheck;
import org.stomacds.engine.rules.bundling.PtpCheck;
import org.stomacds.engine.rules.bundling.UnnecessaryModifierCheck;
import org.stomacds.engine.rules.bundling.XModifierCheck;
import org.stomacds.engine.rules.coding.CodeSelectionCheck;
import org.stomacds.engine.rules.coding.IncompleteProcedureCheck;
import org.stomacds.engine.rules.coding.PlaceOfServiceCheck;
import org.stomacds.engine.rules.diagnosis.DiagnosisCompanionCheck;
import org.stomacds.engine.rules.diagnosis.DiagnosisSequenceCheck;
import org.stomacds.engine.rules.diagnosis.Excludes1Check;
import org.stomacds.engine.rules.diagnosis.ResolvedConditionCheck;
import org.stomacds.engine.rules.diagnosis.SupportingDiagnosisCheck;
import org.stomacds.engine.rules.documentation.DocumentationAgreementCheck;
import org.stomacds.engine.rules.documentation.DocumentationElementCheck;
import org.stomacds.engine.rules.documentation.DocumentationPresentCheck;
import org.stomacds.engine.rules.documentation.OrderChecklistCheck;
import org.stomacds.engine.rules.documentation.OrderSiteCheck;
import org.stomacds.engine.rules.documentation.ReadableNoteCheck;
import org.stomacds.engine.rules.modifiers.ExclusiveModifiersCheck;
import org.stomacds.engine.rules.modifiers.FeeScheduleModifierCheck;
import org.stomacds.engine.rules.modifiers.GlobalPeriodCheck;
import org.stomacds.engine.rules.modifiers.GlobalVisitCheck;
import org.stomacds.engine.rules.modifiers.LiabilityModifierCheck;
import org.stomacds.engine.rules.modifiers.RepeatSessionCheck;
import org.stomacds.engine.rules.modifiers.UnexpectedModifierCheck;
import org.stomacds.engine.rules.payer.AbnCheck;
import org.stomacds.engine.rules.payer.ClaimFormCheck;
import org.stomacds.engine.rules.payer.PayerNotificationCheck;
import org.stomacds.engine.rules.payer.PayerRecordsCheck;
import org.stomacds.engine.rules.payer.SingleLineModifierCheck;
import org.stomacds.engine.rules.sedation.AgeSpecificCodeCheck;
import org.stomacds.engine.rules.sedation.AnesthesiaCodeCheck;
import org.stomacds.engine.rules.sedation.AnesthesiaModifiersCheck;
import org.stomacds.engine.rules.sedation.AnesthesiaTimeCheck;
import org.stomacds.engine.rules.sedation.PayerSedationCodeCheck;
import org.stomacds.engine.rules.sedation.SedationAddonTimeCheck;
import org.stomacds.engine.rules.sedation.SedationMinimumTimeCheck;
import org.stomacds.engine.rules.sedation.SedationWithAnesthesiaCheck;

/**
 * The constructor of each check kind. It sits above the feature packages, which know only the core
 * types, so the packages have no cycle; the switch has no default, so a kind without its check does
 * not compile.
 */
final class CheckFactories {

  private CheckFactories() {}

  static Check create(CheckKind kind, Parameters parameters, RuleDefinition rule) {
    return switch (kind) {
      case DOCUMENTATION_ELEMENT -> new DocumentationElementCheck(parameters, rule);
      case DOCUMENTATION_PRESENT -> new DocumentationPresentCheck(parameters, rule);
      case DOCUMENTATION_AGREEMENT -> new DocumentationAgreementCheck(parameters, rule);
      case READABLE_NOTE -> new ReadableNoteCheck(parameters, rule);
      case ORDER_CHECKLIST -> new OrderChecklistCheck(parameters, rule);
      case SUPPORTING_DIAGNOSIS -> new SupportingDiagnosisCheck(parameters, rule);
      case EXCLUDES1_PAIR -> new Excludes1Check(parameters, rule);
      case DIAGNOSIS_SEQUENCE -> new DiagnosisSequenceCheck(parameters, rule);
      case RESOLVED_CONDITION -> new ResolvedConditionCheck(parameters, rule);
      case DIAGNOSIS_COMPANION -> new DiagnosisCompanionCheck(parameters, rule);
      case MEDICARE_ABN -> new AbnCheck(parameters, rule);
      case NCCI_PTP -> new PtpCheck(parameters, rule);
      case UNNECESSARY_DISTINCT_MODIFIER -> new UnnecessaryModifierCheck(parameters, rule);
      case DOCUMENTED_BUNDLE -> new DocumentedBundleCheck(parameters, rule);
      case DISTINCT_MODIFIER_FIT -> new DistinctModifierFitCheck(parameters, rule);
      case MUE_UNITS -> new MueCheck(parameters, rule);
      case REPEAT_SESSION -> new RepeatSessionCheck(parameters, rule);
      case CODE_SELECTION -> new CodeSelectionCheck(parameters, rule);
      case INCOMPLETE_PROCEDURE -> new IncompleteProcedureCheck(parameters, rule);
      case EXCLUSIVE_MODIFIERS -> new ExclusiveModifiersCheck(parameters, rule);
      case X_MODIFIER_PREFERRED -> new XModifierCheck(parameters, rule);
      case GLOBAL_PERIOD -> new GlobalPeriodCheck(parameters, rule);
      case FEE_SCHEDULE_MODIFIER -> new FeeScheduleModifierCheck(parameters, rule);
      case GLOBAL_VISIT -> new GlobalVisitCheck(parameters, rule);
      case UNEXPECTED_MODIFIER -> new UnexpectedModifierCheck(parameters, rule);
      case ANESTHESIA_MODIFIERS -> new AnesthesiaModifiersCheck(parameters, rule);
      case PLACE_OF_SERVICE -> new PlaceOfServiceCheck(parameters, rule);
      case ORDER_SITE -> new OrderSiteCheck(parameters, rule);
      case SEDATION_MINIMUM_TIME -> new SedationMinimumTimeCheck(parameters, rule);
      case SEDATION_ADDON_TIME -> new SedationAddonTimeCheck(parameters, rule);
      case PAYER_SEDATION_CODE -> new PayerSedationCodeCheck(parameters, rule);
      case AGE_SPECIFIC_CODE -> new AgeSpecificCodeCheck(parameters, rule);
      case SEDATION_WITH_ANESTHESIA -> new SedationWithAnesthesiaCheck(parameters, rule);
      case ANESTHESIA_CODE -> new AnesthesiaCodeCheck(parameters, rule);
      case ANESTHESIA_TIME_UNITS -> new AnesthesiaTimeCheck(parameters, rule);
      case LIABILITY_MODIFIERS -> new LiabilityModifierCheck(parameters, rule);
      case CLAIM_FORM -> new ClaimFormCheck(parameters, rule);
      case PAYER_NOTIFICATION -> new PayerNotificationCheck(parameters, rule);
      case PAYER_RECORDS -> new PayerRecordsCheck(parameters, rule);
      case SINGLE_LINE_MODIFIER -> new SingleLineModifierCheck(parameters, rule);
    };
  }
}
