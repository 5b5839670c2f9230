package org.stomacds.server.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A value one interceptor hands to another about the same FHIR request: typed, where HAPI's {@code
 * RequestDetails} user data is a map of strings to objects that neither side can check. Both sides
 * are given the same instance; values are keyed by the request instance (never by an equal one) and
 * live until the request completes: registered on the {@code RestfulServer}, it forgets a request's
 * value on {@code SERVER_PROCESSING_COMPLETED}, which HAPI calls after every request, answered or
 * failed. A reader that takes the value ({@link #take}) ends it sooner.
 *
 * @param <T> what is handed over
 */
@Interceptor
public final class PerRequest<T> {

  private final Map<RequestDetails, T> values =
      Collections.synchronizedMap(new IdentityHashMap<>());

  /** Hands {@code value} over for this request, replacing an earlier one. */
  public void put(RequestDetails request, T value) {
    values.put(request, value);
  }

  /**
   * Replaces this request's value by {@code change} of it ({@code null} when there is none yet); a
   * {@code null} result removes it.
   */
  public void update(RequestDetails request, UnaryOperator<T> change) {
    values.compute(request, (r, old) -> change.apply(old));
  }

  /** The value handed over for this request, if any, left in place. */
  public Optional<T> get(RequestDetails request) {
    return Optional.ofNullable(values.get(request));
  }

  /** The value handed over for this request, if any, removed. */
  public Optional<T> take(RequestDetails request) {
    return Optional.ofNullable(values.remove(request));
  }

  /** The request is over, however it ended: its value goes. */
  @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
  public void completed(RequestDetails request) {
    values.remove(request);
  }

  /** How many requests hold a value now. */
  public int size() {
    return values.size();
  }
}
