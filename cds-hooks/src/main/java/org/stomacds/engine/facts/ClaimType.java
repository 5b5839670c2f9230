package org.stomacds.engine.facts;

/** {@code Claim.type}: who bills. Modifiers such as 52 vs 73/74 depend on it. */
public enum ClaimType {
  /** The physician's claim (CMS-1500 / 837P). */
  PROFESSIONAL,
  /** The facility's claim (UB-04 / 837I): hospital outpatient, ASC. */
  INSTITUTIONAL,
  /** Any other claim type, or none given. */
  OTHER
}
