package org.stomacds.engine.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.facts.CaseFacts;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.Severity;
import org.stomacds.engine.payer.Payer;
import org.stomacds.engine.rules.cms.CmsData;

/**
 * What a check sees while it evaluates one subject for one rule, and where it reports. Made per
 * rule and subject; never shared between requests.
 */
public final class RuleContext {

  private final RulePack pack;
  private final RuleDefinition rule;
  private final Payer payer;
  private final Set<Stage> stages;
  private final LocalDate dateOfService;
  private final CaseFacts facts;
  private final List<Finding> out;

  RuleContext(
      RulePack pack,
      RuleDefinition rule,
      Payer payer,
      Set<Stage> stages,
      LocalDate dateOfService,
      CaseFacts facts,
      List<Finding> out) {
    this.pack = pack;
    this.rule = rule;
    this.payer = payer;
    this.stages = stages;
    this.dateOfService = dateOfService;
    this.facts = facts;
    this.out = out;
  }

  RuleDefinition rule() {
    return rule;
  }

  public Payer payer() {
    return payer;
  }

  public Set<Stage> stages() {
    return stages;
  }

  LocalDate dateOfService() {
    return dateOfService;
  }

  public CaseFacts facts() {
    return facts;
  }

  public CmsData data() {
    return pack.data();
  }

  public String subjectCode() {
    return pack.subjectCode();
  }

  /** A template of the rule file with {@code {payer}} and {@code {code}} filled in. */
  public String fill(String template) {
    if (template == null) {
      return null;
    }
    String text = template;
    if (text.indexOf('{') < 0) {
      return text;
    }
    return text.replace("{payer}", payer.display()).replace("{code}", pack.subjectCode());
  }

  /**
   * A message of the rule file with the check's values, then {@code {payer}} and {@code {code}}
   * filled in.
   *
   * @param values placeholder names and values, alternating
   */
  public String message(MessageTemplate template, Object... values) {
    Map<String, Object> named = new java.util.HashMap<>();
    for (int i = 0; i + 1 < values.length; i += 2) {
      named.put((String) values[i], values[i + 1]);
    }
    return fill(template.fill(named));
  }

  /** Starts a finding of this rule about a resource and element. */
  public FindingBuilder finding(String resource, String expression) {
    return new FindingBuilder(resource, expression);
  }

  /** Collects one finding; {@link #emit()} adds it with the rule's source and notes. */
  public final class FindingBuilder {
    private final String resource;
    private final String expression;
    private String message;
    private Severity severity = rule.severity();
    private final List<Evidence> evidence = new ArrayList<>(2);
    private final List<Fix> fixes = new ArrayList<>(2);
    private final List<String> notes = new ArrayList<>(1);

    private FindingBuilder(String resource, String expression) {
      this.resource = resource;
      this.expression = expression;
    }

    public FindingBuilder message(String message) {
      this.message = message;
      return this;
    }

    /** A severity other than the rule's, for the branches a rule's parameters name. */
    public FindingBuilder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    public FindingBuilder evidence(Evidence item) {
      if (item != null) {
        evidence.add(item);
      }
      return this;
    }

    public FindingBuilder evidence(List<Evidence> items) {
      evidence.addAll(items);
      return this;
    }

    public FindingBuilder fix(Fix fix) {
      fixes.add(fix);
      return this;
    }

    public FindingBuilder note(String note) {
      if (note != null && !note.isBlank() && !notes.contains(note)) {
        notes.add(note);
      }
      return this;
    }

    public void emit() {
      List<String> all = new ArrayList<>(rule.notes().size() + notes.size());
      for (String note : rule.notes()) {
        all.add(fill(note));
      }
      all.addAll(notes);
      List<Fix> ordered = new ArrayList<>(fixes.size());
      for (Fix fix : fixes) {
        if (fix.recommended()) {
          ordered.add(fix);
        }
      }
      for (Fix fix : fixes) {
        if (!fix.recommended()) {
          ordered.add(fix);
        }
      }
      out.add(
          new Finding(
              rule.id(),
              pack.version(),
              severity,
              message,
              resource,
              expression,
              evidence,
              ordered,
              rule.source(),
              all));
    }
  }
}
