package org.stomacds.server.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts card issuances and feedback entries into the days of a range, per rule. Rows outside the
 * range are ignored. Not thread-safe: one tally per query.
 */
final class ActivityTally {

  private final ActivityRange range;
  private final RuleCatalog catalog;
  private final Map<String, RuleCounts> rules = new TreeMap<>();
  private final RuleCounts totals;

  ActivityTally(ActivityRange range, RuleCatalog catalog) {
    this.range = range;
    this.catalog = catalog;
    this.totals = new RuleCounts(range.dayCount());
  }

  void issued(String ruleId, Instant at) {
    int day = range.dayIndex(at);
    if (day < 0) {
      return;
    }
    rule(ruleId).issued[day]++;
    totals.issued[day]++;
  }

  /**
   * @param outcome {@code accepted} or {@code overridden} (anything else is not counted)
   * @param reasonSystem the override reason's system, or null
   * @param reasonCode the override reason's code, or null when none was given
   */
  void feedback(String ruleId, String outcome, String reasonSystem, String reasonCode, Instant at) {
    int day = range.dayIndex(at);
    if (day < 0) {
      return;
    }
    RuleCounts counts = rule(ruleId);
    if ("accepted".equals(outcome)) {
      counts.accepted[day]++;
      totals.accepted[day]++;
    } else if ("overridden".equals(outcome)) {
      counts.overridden[day]++;
      totals.overridden[day]++;
      if (reasonCode != null) {
        counts.reasons.merge(new ReasonKey(reasonSystem, reasonCode), 1L, Long::sum);
      }
    }
  }

  RuleActivity result() {
    List<RuleActivity.Rule> rows = new ArrayList<>();
    rules.forEach(
        (id, counts) ->
            rows.add(
                new RuleActivity.Rule(
                    id,
                    catalog.title(id).orElse(null),
                    catalog.severity(id).orElse(null),
                    sum(counts.issued),
                    sum(counts.accepted),
                    sum(counts.overridden),
                    reasons(counts.reasons),
                    counts.daily())));
    // Busiest first; ties in rule id order (the map's order; the sort is stable).
    rows.sort(Comparator.comparingLong(RuleActivity.Rule::issued).reversed());
    return new RuleActivity(
        range.from(),
        range.to(),
        range.zone().getId(),
        range.days(),
        new RuleActivity.Counts(
            sum(totals.issued), sum(totals.accepted), sum(totals.overridden), totals.daily()),
        rows);
  }

  private RuleCounts rule(String ruleId) {
    return rules.computeIfAbsent(ruleId, id -> new RuleCounts(range.dayCount()));
  }

  private List<RuleActivity.Reason> reasons(Map<ReasonKey, Long> reasons) {
    return reasons.entrySet().stream()
        .sorted(
            Map.Entry.<ReasonKey, Long>comparingByValue()
                .reversed()
                .thenComparing(e -> e.getKey().code()))
        .map(
            e ->
                new RuleActivity.Reason(
                    e.getKey().system(),
                    e.getKey().code(),
                    catalog
                        .overrideReasonDisplay(e.getKey().system(), e.getKey().code())
                        .orElse(null),
                    e.getValue()))
        .toList();
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }

  private record ReasonKey(String system, String code) {
    ReasonKey {
      Objects.requireNonNull(code);
    }
  }

  private static final class RuleCounts {
    final long[] issued;
    final long[] accepted;
    final long[] overridden;
    final Map<ReasonKey, Long> reasons = new LinkedHashMap<>();

    RuleCounts(int days) {
      issued = new long[days];
      accepted = new long[days];
      overridden = new long[days];
    }

    RuleActivity.Daily daily() {
      return new RuleActivity.Daily(issued, accepted, overridden);
    }
  }
}
