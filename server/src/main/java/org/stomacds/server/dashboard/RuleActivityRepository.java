package org.stomacds.server.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads card issuances and feedback of a range of days from the {@code stomacds} schema (the CDS
 * service's tables {@code card_issuance} and {@code card_feedback}). Read-only; selects rule ids,
 * outcomes, reason codes and times, never anything about a patient.
 *
 * <p>Days are counted in Java rather than in SQL: turning a time with a zone into a day in a given
 * zone is written differently in H2 and PostgreSQL, and the range is at most a year of rows.
 */
final class RuleActivityRepository {

  private static final String ISSUED =
      "SELECT rule_id, issued_at FROM \"stomacds\".card_issuance"
          + " WHERE issued_at >= ? AND issued_at < ?";
  private static final String FEEDBACK =
      "SELECT rule_id, outcome, override_reason_system, override_reason_code, outcome_at"
          + " FROM \"stomacds\".card_feedback WHERE outcome_at >= ? AND outcome_at < ?";
  private static final String BY_SERVICE = " AND service_id = ?";

  private final JdbcTemplate jdbc;
  private final RuleCatalog catalog;

  RuleActivityRepository(JdbcTemplate jdbc, RuleCatalog catalog) {
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  /**
   * The activity of every rule in the range.
   *
   * @param serviceId only this CDS service's cards, or null for all services
   */
  RuleActivity activity(ActivityRange range, String serviceId) {
    ActivityTally tally = new ActivityTally(range, catalog);
    Object[] args = arguments(range, serviceId);
    String filter = serviceId == null ? "" : BY_SERVICE;
    RowCallbackHandler issued = rs -> tally.issued(rs.getString(1), instant(rs, 2));
    RowCallbackHandler feedback =
        rs ->
            tally.feedback(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5));
    jdbc.query(ISSUED + filter, issued, args);
    jdbc.query(FEEDBACK + filter, feedback, args);
    return tally.result();
  }

  private static Object[] arguments(ActivityRange range, String serviceId) {
    List<Object> args = new ArrayList<>();
    args.add(range.start().atOffset(ZoneOffset.UTC));
    args.add(range.end().atOffset(ZoneOffset.UTC));
    if (serviceId != null) {
      args.add(serviceId);
    }
    return args.toArray();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
