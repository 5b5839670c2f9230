package org.stomacds.engine.rules;

import java.util.List;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.engine.rules.cms.CmsData;

/**
 * What a check may use while it is built: the terminology's value sets, the payer mapping, the
 * pack's CMS data, its subject and its base rule definitions.
 */
public record LoadContext(
    ValueSets valueSets,
    PayerMapping payers,
    CmsData data,
    PackSubject subject,
    List<RuleDefinition> baseRules) {

  String subjectCode() {
    return subject.code();
  }
}
