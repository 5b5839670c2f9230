package org.stomacds.server.checks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evaluations owed after FHIR writes (table {@code stomacds.pending_evaluation}, migration V2)
 * and the per-subject leases ({@code stomacds.evaluation_lease}).
 *
 * <p>{@link #add} joins the caller's transaction when there is one (Spring binds the write's JDBC
 * connection to the thread, and {@link JdbcTemplate} uses it): the row commits or rolls back with
 * the FHIR write. Everything else runs outside any transaction, one statement at a time, so a claim
 * is visible to other replicas at once. Claims are conditional updates: of two replicas claiming
 * the same rows, the second updates none.
 */
final class PendingEvaluations {

  private static final String TABLE = "\"stomacds\".pending_evaluation";
  private static final String LEASE = "\"stomacds\".evaluation_lease";

  /** A claimed row: the resource written and what it pointed at. */
  record Row(long id, String batchId, String triggerRef, Set<String> relatedRefs, int attempts) {}

  private final JdbcTemplate jdbc;

  PendingEvaluations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void add(String batchId, String triggerRef, Set<String> relatedRefs, Instant now) {
    jdbc.update(
        "INSERT INTO "
            + TABLE
            + " (batch_id, trigger_ref, related_refs, created_at, attempts)"
            + " VALUES (?, ?, ?, ?, 0)",
        batchId,
        clip(triggerRef, 200),
        joined(relatedRefs),
        at(now));
  }

  /**
   * Claims the rows of a batch that nobody holds (or whose holder went silent before {@code
   * staleBefore}) for {@code token}, and returns them.
   */
  List<Row> claimBatch(String batchId, String token, Instant now, Instant staleBefore) {
    int claimed =
        jdbc.update(
            "UPDATE "
                + TABLE
                + " SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1"
                + " WHERE batch_id = ? AND (claimed_by IS NULL OR claimed_at < ?)",
            token,
            at(now),
            batchId,
            at(staleBefore));
    if (claimed == 0) {
      return List.of();
    }
    return jdbc.query(
        "SELECT id, batch_id, trigger_ref, related_refs, attempts FROM "
            + TABLE
            + " WHERE claimed_by = ? ORDER BY id",
        (rs, n) ->
            new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                refs(rs.getString(4)),
                rs.getInt(5)),
        token);
  }

  /**
   * Batches that are due: unclaimed and written before {@code unclaimedBefore} (their writer had
   * its chance), or claimed before {@code staleBefore} (their claimer stopped or crashed).
   */
  List<String> dueBatches(Instant unclaimedBefore, Instant staleBefore, int limit) {
    return jdbc.queryForList(
        "SELECT batch_id FROM "
            + TABLE
            + " WHERE (claimed_by IS NULL AND created_at < ?) OR (claimed_by IS NOT NULL AND claimed_at < ?)"
            + " GROUP BY batch_id ORDER BY MIN(id) FETCH FIRST "
            + limit
            + " ROWS ONLY",
        String.class,
        at(unclaimedBefore),
        at(staleBefore));
  }

  /** The rows claimed with {@code token} are done. */
  void done(String token) {
    jdbc.update("DELETE FROM " + TABLE + " WHERE claimed_by = ?", token);
  }

  /** The rows claimed with {@code token} go back to the queue, for a later attempt. */
  void release(String token) {
    jdbc.update(
        "UPDATE " + TABLE + " SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ?",
        token);
  }

  int count() {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE, Integer.class);
    return n == null ? 0 : n;
  }

  /** Takes the lease on a subject unless another evaluation holds it (and is not stale). */
  boolean lease(String subjectRef, String owner, Instant now, Instant staleBefore) {
    try {
      jdbc.update(
          "INSERT INTO " + LEASE + " (subject_ref, owner, leased_at) VALUES (?, ?, ?)",
          clip(subjectRef, 200),
          owner,
          at(now));
      return true;
    } catch (DuplicateKeyException held) {
      return jdbc.update(
              "UPDATE "
                  + LEASE
                  + " SET owner = ?, leased_at = ? WHERE subject_ref = ? AND leased_at < ?",
              owner,
              at(now),
              clip(subjectRef, 200),
              at(staleBefore))
          == 1;
    }
  }

  void unlease(String subjectRef, String owner) {
    jdbc.update(
        "DELETE FROM " + LEASE + " WHERE subject_ref = ? AND owner = ?",
        clip(subjectRef, 200),
        owner);
  }

  /** The references, comma-separated, as many whole ones as fit the column. */
  private static String joined(Set<String> refs) {
    StringBuilder joined = new StringBuilder();
    for (String ref : refs) {
      if (joined.length() + ref.length() + 1 > 2000) {
        break;
      }
      if (!joined.isEmpty()) {
        joined.append(',');
      }
      joined.append(ref);
    }
    return joined.isEmpty() ? null : joined.toString();
  }

  private static Set<String> refs(String joined) {
    if (joined == null || joined.isBlank()) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.asList(joined.split(",")));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
