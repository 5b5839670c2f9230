package org.stomacds.engine;

import java.util.List;
import java.util.Set;
import org.stomacds.engine.facts.PackSubjects;
import org.stomacds.engine.rules.RulePack;

/**
 * The one rule engine: plain Java, thread-safe, no per-request state. The CDS service, the server's
 * write checks and {@code $check} all call it.
 */
public interface RuleEngine {

  /** Evaluates the request against the loaded rule packs. Never throws for bad clinical data. */
  Evaluation evaluate(EvaluationRequest request);

  /** The version of the loaded rule packs (one pack: its version; several: id and version each). */
  String packVersion();

  /** The loaded packs, in the order they run. */
  List<RulePack> packs();

  /** The ids of the loaded packs (what {@code services.json} names). */
  default Set<String> packIds() {
    Set<String> ids = new java.util.LinkedHashSet<>();
    packs().forEach(p -> ids.add(p.id()));
    return ids;
  }

  /** Which resources are about the code of a loaded pack (the hooks and the write checks ask). */
  PackSubjects subjects();

  /** Which resources are about the code of one of these packs (by id; empty: every pack). */
  PackSubjects subjects(Set<String> packIds);
}
