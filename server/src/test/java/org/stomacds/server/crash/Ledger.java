package org.stomacds.server.crash;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the server told the writers it had stored, kept by the test across crashes: what a client
 * may rely on. A write cut off by a crash is recorded as attempted only.
 */
final class Ledger {

  /** Resources the server answered 200/201 for ({@code Type/id}). */
  final List<String> resources = new CopyOnWriteArrayList<>();

  /** Transactions sent (by name, with their entries), and the ones answered 200. */
  final Map<String, List<String>> transactionsAttempted = new ConcurrentHashMap<>();

  final Set<String> transactionsAcknowledged = ConcurrentHashMap.newKeySet();

  /** Hook calls answered 200 (their hookInstance), and the cards they issued (card uuid). */
  final Set<String> hookInstances = ConcurrentHashMap.newKeySet();

  final Set<String> cards = ConcurrentHashMap.newKeySet();

  /** Cards whose feedback was answered 200 (card uuid). */
  final Set<String> feedback = ConcurrentHashMap.newKeySet();

  /** Acknowledged writes of every kind, counted as they come (what a kill waits for). */
  final AtomicInteger acknowledgements = new AtomicInteger();

  void acknowledged(String reference) {
    resources.add(reference);
    acknowledgements.incrementAndGet();
  }

  void acknowledgedAll(List<String> references) {
    resources.addAll(references);
    acknowledgements.incrementAndGet();
  }

  String summary() {
    return String.format(
        "%d resources, %d of %d transactions, %d hook calls issuing %d cards, %d feedbacks",
        resources.size(),
        transactionsAcknowledged.size(),
        transactionsAttempted.size(),
        hookInstances.size(),
        cards.size(),
        feedback.size());
  }
}
