package org.stomacds.server.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * How the rules' cards fared over a range of days: issued, accepted, overridden (with the reasons
 * given), in total and day by day. Counts and rule ids only: nothing about a patient or a claim.
 *
 * @param from the first day
 * @param to the last day
 * @param timeZone where the days are counted
 * @param days every day of the range, in order; each {@code daily} array is aligned with it
 * @param totals all rules together
 * @param rules one row per rule that had a card issued or feedback given in the range, busiest
 *     first
 */
record RuleActivity(
    LocalDate from,
    LocalDate to,
    String timeZone,
    List<LocalDate> days,
    Counts totals,
    List<Rule> rules) {

  /**
   * Totals and day-by-day counts.
   *
   * @param issued cards issued
   * @param accepted feedback entries with outcome {@code accepted}
   * @param overridden feedback entries with outcome {@code overridden}
   * @param daily the same, per day of the range
   */
  record Counts(long issued, long accepted, long overridden, Daily daily) {}

  /** Per-day counts, aligned with {@link RuleActivity#days()}. */
  record Daily(long[] issued, long[] accepted, long[] overridden) {}

  /**
   * One rule's activity.
   *
   * @param ruleId the rule
   * @param title the rule's title in the loaded rule pack, or null for a rule it no longer has
   * @param severity {@code error}, {@code warning} or {@code info}, or null as for the title
   * @param issued cards issued
   * @param accepted feedback entries with outcome {@code accepted}
   * @param overridden feedback entries with outcome {@code overridden}
   * @param overrideReasons the overrides that gave a reason, by reason, most frequent first
   * @param daily per-day counts
   */
  record Rule(
      String ruleId,
      String title,
      String severity,
      long issued,
      long accepted,
      long overridden,
      List<Reason> overrideReasons,
      Daily daily) {}

  /**
   * Overrides with one reason.
   *
   * @param system the reason's code system
   * @param code the reason's code
   * @param display our words for it when the code is one of ours, else null
   * @param count how many
   */
  record Reason(String system, String code, String display, long count) {}
}
