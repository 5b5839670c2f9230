package org.stomacds.cds;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.stomacds.engine.Evaluation;
import org.stomacds.engine.EvaluationRequest;
import org.stomacds.engine.RuleEngine;
import org.stomacds.engine.facts.PackSubjects;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.rules.RulePack;

/** A rule engine that returns the findings a test chooses, and remembers what it was asked. */
public final class FakeRuleEngine implements RuleEngine {

  public final List<EvaluationRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Function<EvaluationRequest, List<Finding>> rules = r -> List.of();

  public FakeRuleEngine returning(Function<EvaluationRequest, List<Finding>> rules) {
    this.rules = rules;
    return this;
  }

  public EvaluationRequest last() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public Evaluation evaluate(EvaluationRequest request) {
    requests.add(request);
    return new Evaluation(TestFindings.PACK, rules.apply(request));
  }

  @Override
  public String packVersion() {
    return TestFindings.PACK;
  }

  @Override
  public List<RulePack> packs() {
    return List.of();
  }

  /** The shipped packs' ids, so the service catalog's packs are all known. */
  @Override
  public Set<String> packIds() {
    return Set.of("cpt-44405", "cpt-44381", "cpt-45386");
  }

  /** The orders and procedures of 44405 are subjects, as with the shipped pack. */
  @Override
  public PackSubjects subjects() {
    return new PackSubjects(Set.of("44405"), Set.of("00811", "00812", "00813"));
  }

  @Override
  public PackSubjects subjects(Set<String> packIds) {
    return subjects();
  }
}
