package org.stomacds.engine.payer;

import java.util.List;

/**
 * What a case says about its payer, as plain strings (the facts layer reads them from the payer
 * Organization and the Coverage).
 *
 * @param organizationPresent whether a payer Organization (or a payor display) was found at all
 * @param names the Organization name and aliases, and a payor reference display
 * @param identifiers the Organization identifiers
 * @param coverageTypes the codings of {@code Coverage.type}
 * @param planNames plan and group names and values of {@code Coverage.class}, which often carry the
 *     line of business ("... Medicare Advantage ...")
 */
public record PayerIdentity(
    boolean organizationPresent,
    List<String> names,
    List<Code> identifiers,
    List<Code> coverageTypes,
    List<String> planNames) {

  public PayerIdentity {
    names = List.copyOf(names);
    identifiers = List.copyOf(identifiers);
    coverageTypes = List.copyOf(coverageTypes);
    planNames = List.copyOf(planNames);
  }

  /** A system and a value (an identifier or a coding); the system may be null. */
  public record Code(String system, String value) {}
}
