package org.stomacds.engine;

/**
 * The one rule engine: plain Java, thread-safe, no per-request state. The CDS service, the server's
 * write checks and {@code $check} all call it.
 */
public interface RuleEngine {

  /** Evaluates the request against the loaded rule pack. Never throws for bad clinical data. */
  Evaluation evaluate(EvaluationRequest request);

  /** The version of the loaded rule pack. */
  String packVersion();
}
