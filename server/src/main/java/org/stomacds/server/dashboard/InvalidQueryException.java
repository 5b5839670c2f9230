package org.stomacds.server.dashboard;

/** A dashboard query parameter that cannot be used; the message says which and why. */
final class InvalidQueryException extends RuntimeException {

  InvalidQueryException(String message) {
    super(message);
  }
}
