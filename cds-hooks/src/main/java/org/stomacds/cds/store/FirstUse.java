package org.stomacds.cds.store;

/**
 * The first use of a call's token, written by {@link CallRecords} as the first statement of the
 * call's own transaction, so that accepting a token and recording the call cost one commit. The
 * security side implements it (it knows the token's key and how long to remember it); its write
 * must go through the {@code DataSource} {@link CallRecords} was given, so that it joins that
 * transaction.
 */
@FunctionalInterface
public interface FirstUse {

  /**
   * Writes the token's first use in the current transaction.
   *
   * @return false when its first use is already on record: the token is being replayed
   */
  boolean record();

  /**
   * Thrown by {@link CallRecords} when the token's first use was already on record: the transaction
   * is rolled back, so nothing of the call is written, and the call must be refused (401) without
   * an answer.
   */
  final class Replayed extends RuntimeException {

    public Replayed() {
      super("the token's first use is already on record", null, false, false);
    }
  }
}
