package org.stomacds.engine.narrative;

/**
 * A clock time in a sedation sentence, and whether the words before it make it a start or a stop.
 */
record Clock(int minuteOfDay, Role role, int sentence, int start, int end) {

  enum Role {
    START,
    STOP,
    ANY
  }
}
