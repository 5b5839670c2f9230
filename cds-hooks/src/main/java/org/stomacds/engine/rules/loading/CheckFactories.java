package org.stomacds.engine.rules.loading;

import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.CheckKind;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.bundling.BundlingChecks;
import org.stomacds.engine.rules.coding.CodingChecks;
import org.stomacds.engine.rules.diagnosis.DiagnosisChecks;
import org.stomacds.engine.rules.documentation.DocumentationChecks;
import org.stomacds.engine.rules.modifiers.ModifierChecks;
import org.stomacds.engine.rules.payer.PayerChecks;
import org.stomacds.engine.rules.sedation.SedationChecks;

/**
 * The constructor of each check kind, through the one public class of each feature package. It sits
 * above the feature packages, which know only the core types, so the packages have no cycle; the
 * switch has no default, so a kind without its check does not compile.
 */
final class CheckFactories {

  private CheckFactories() {}

  static Check create(CheckKind kind, Parameters parameters, RuleDefinition rule) {
    return switch (kind) {
      case DOCUMENTATION_ELEMENT -> DocumentationChecks.documentationElement(parameters, rule);
      case DOCUMENTATION_PRESENT -> DocumentationChecks.documentationPresent(parameters, rule);
      case DOCUMENTATION_AGREEMENT -> DocumentationChecks.documentationAgreement(parameters, rule);
      case READABLE_NOTE -> DocumentationChecks.readableNote(parameters, rule);
      case ORDER_CHECKLIST -> DocumentationChecks.orderChecklist(parameters, rule);
      case SUPPORTING_DIAGNOSIS -> DiagnosisChecks.supportingDiagnosis(parameters, rule);
      case EXCLUDES1_PAIR -> DiagnosisChecks.excludes1Pair(parameters, rule);
      case DIAGNOSIS_SEQUENCE -> DiagnosisChecks.diagnosisSequence(parameters, rule);
      case RESOLVED_CONDITION -> DiagnosisChecks.resolvedCondition(parameters, rule);
      case DIAGNOSIS_COMPANION -> DiagnosisChecks.diagnosisCompanion(parameters, rule);
      case MEDICARE_ABN -> PayerChecks.medicareAbn(parameters, rule);
      case NCCI_PTP -> BundlingChecks.ncciPtp(parameters, rule);
      case UNNECESSARY_DISTINCT_MODIFIER ->
          BundlingChecks.unnecessaryDistinctModifier(parameters, rule);
      case DOCUMENTED_BUNDLE -> BundlingChecks.documentedBundle(parameters, rule);
      case DISTINCT_MODIFIER_FIT -> BundlingChecks.distinctModifierFit(parameters, rule);
      case MUE_UNITS -> BundlingChecks.mueUnits(parameters, rule);
      case REPEAT_SESSION -> ModifierChecks.repeatSession(parameters, rule);
      case CODE_SELECTION -> CodingChecks.codeSelection(parameters, rule);
      case INCOMPLETE_PROCEDURE -> CodingChecks.incompleteProcedure(parameters, rule);
      case EXCLUSIVE_MODIFIERS -> ModifierChecks.exclusiveModifiers(parameters, rule);
      case X_MODIFIER_PREFERRED -> BundlingChecks.xModifierPreferred(parameters, rule);
      case GLOBAL_PERIOD -> ModifierChecks.globalPeriod(parameters, rule);
      case FEE_SCHEDULE_MODIFIER -> ModifierChecks.feeScheduleModifier(parameters, rule);
      case GLOBAL_VISIT -> ModifierChecks.globalVisit(parameters, rule);
      case UNEXPECTED_MODIFIER -> ModifierChecks.unexpectedModifier(parameters, rule);
      case ANESTHESIA_MODIFIERS -> SedationChecks.anesthesiaModifiers(parameters, rule);
      case PLACE_OF_SERVICE -> CodingChecks.placeOfService(parameters, rule);
      case ORDER_SITE -> DocumentationChecks.orderSite(parameters, rule);
      case SEDATION_MINIMUM_TIME -> SedationChecks.sedationMinimumTime(parameters, rule);
      case SEDATION_ADDON_TIME -> SedationChecks.sedationAddonTime(parameters, rule);
      case PAYER_SEDATION_CODE -> SedationChecks.payerSedationCode(parameters, rule);
      case AGE_SPECIFIC_CODE -> SedationChecks.ageSpecificCode(parameters, rule);
      case SEDATION_WITH_ANESTHESIA -> SedationChecks.sedationWithAnesthesia(parameters, rule);
      case ANESTHESIA_CODE -> SedationChecks.anesthesiaCode(parameters, rule);
      case ANESTHESIA_TIME_UNITS -> SedationChecks.anesthesiaTimeUnits(parameters, rule);
      case LIABILITY_MODIFIERS -> ModifierChecks.liabilityModifiers(parameters, rule);
      case CLAIM_FORM -> PayerChecks.claimForm(parameters, rule);
      case PAYER_NOTIFICATION -> PayerChecks.payerNotification(parameters, rule);
      case PAYER_RECORDS -> PayerChecks.payerRecords(parameters, rule);
      case SINGLE_LINE_MODIFIER -> PayerChecks.singleLineModifier(parameters, rule);
    };
  }
}
