package org.stomacds.engine.payer;

import java.util.List;

/**
 * Who pays for a case and under which kind of coverage.
 *
 * @param key the payer we know by name, or {@link PayerKey#UNKNOWN}
 * @param licensee for {@link PayerKey#BCBS}, the licensee (e.g. {@code Independence Blue Cross});
 *     null when not known or not applicable
 * @param lineOfBusiness the kind of coverage
 * @param name the payer's own name as the case gives it (the Organization name), or null
 * @param basis how the payer and line of business were decided, one line each, for evidence
 */
public record Payer(
    PayerKey key, String licensee, LineOfBusiness lineOfBusiness, String name, List<String> basis) {

  public Payer {
    basis = List.copyOf(basis);
  }

  /** A payer nothing is known about. */
  public static Payer unknown(String reason) {
    return new Payer(PayerKey.UNKNOWN, null, LineOfBusiness.UNKNOWN, null, List.of(reason));
  }

  /** How a sentence names the payer: "UnitedHealthcare (Medicare Advantage)". */
  public String display() {
    String who;
    if (key == PayerKey.UNKNOWN) {
      who = name == null ? key.label() : name;
    } else if (licensee != null) {
      who = licensee;
    } else {
      who = key.label();
    }
    return lineOfBusiness == LineOfBusiness.UNKNOWN
        ? who
        : who + " (" + lineOfBusiness.label() + ")";
  }
}
