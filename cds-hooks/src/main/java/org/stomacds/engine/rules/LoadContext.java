package org.stomacds.engine.rules;

import java.util.List;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.engine.rules.cms.CmsData;

/**
 * What a check may use while it is built: the terminology's value sets, the payer mapping, the
 * pack's CMS data, its subject, its card wording by kind and its base rule definitions.
 */
public record LoadContext(
    ValueSets valueSets,
    PayerMapping payers,
    CmsData data,
    PackSubject subject,
    PackMessages messages,
    List<RuleDefinition> baseRules) {

  String subjectCode() {
    return subject.code();
  }
}
