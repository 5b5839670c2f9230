package org.stomacds.server.crash;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every call a replica test's writers made through the load balancer: when it started and ended
 * (monotonic nanoseconds), what it was, how it was answered and by which replica (the balancer's
 * {@code X-Served-By}), so failures can be set against the moment a replica was killed or stopped.
 */
final class CallJournal {

  /** One call; {@code status} is -1 when no HTTP answer came back at all. */
  record Call(String kind, long startNanos, long endNanos, int status, String servedBy) {

    boolean failed() {
      return status < 0 || status >= 500;
    }

    boolean inFlightAt(long nanos) {
      return startNanos <= nanos && endNanos >= nanos;
    }
  }

  private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
  private final AtomicInteger open = new AtomicInteger();

  /** A call is being sent; {@link #record} closes it. */
  void opened() {
    open.incrementAndGet();
  }

  void record(Call call) {
    calls.add(call);
    open.decrementAndGet();
  }

  /** Calls sent and not answered yet. */
  int inFlight() {
    return open.get();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> between(long fromNanos, long toNanos) {
    return calls.stream()
        .filter(c -> c.startNanos() >= fromNanos && c.startNanos() < toNanos)
        .toList();
  }
}
