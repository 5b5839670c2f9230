package org.stomacds.cds.bodies;

/** A request body refused while it was being read: carries the {@link BodyViolation}. */
public final class BodyException extends RuntimeException {

  private final transient BodyViolation violation;

  public BodyException(BodyViolation violation) {
    super(violation.message(), null, false, false);
    this.violation = violation;
  }

  public BodyViolation violation() {
    return violation;
  }
}
