package org.stomacds.cds.card;

import java.util.List;
import org.stomacds.cds.wire.Coding;

/** The override reasons offered on every card: a small fixed list of our own codes. */
public final class OverrideReasons {

  public static final String SYSTEM = "https://stomacds.org/fhir/CodeSystem/override-reason";

  public static final List<Coding> ALL =
      List.of(
          new Coding(SYSTEM, "documented-elsewhere", "Documented elsewhere in the record"),
          new Coding(SYSTEM, "payer-exception", "The payer has a different rule for this case"),
          new Coding(SYSTEM, "clinically-justified", "Clinically justified as it stands"),
          new Coding(SYSTEM, "will-fix-later", "Will fix before the claim goes out"));

  private OverrideReasons() {}
}
