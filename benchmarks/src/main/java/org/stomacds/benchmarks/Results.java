package org.stomacds.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured, filled part by part and rendered by {@link Report}. */
final class Results {

  Machine machine;
  String loadAtStart;
  String loadAtEnd;
  final List<String> loadDuringParts = new ArrayList<>();
  boolean jwtVerification = true;
  String jvmOptions;
  boolean quick;
  boolean jfr;
  double minutes;
  final List<String> notes = new ArrayList<>();
  int cases;

  // (1) hook latency under load
  record Series(
      String title,
      String serviceId,
      boolean prefetched,
      int calls,
      double meanBodyKiB,
      List<Load.Step> steps,
      int heldRate,
      String breakReason) {}

  final List<Series> series = new ArrayList<>();

  // (2) the floor
  record Floor(
      String title,
      double parseP50Ms,
      double parseMeanMs,
      double serviceP50Ms,
      double serviceP90Ms,
      double ratio) {}

  final List<Floor> floors = new ArrayList<>();

  /** Closed-loop GET of the liveness page: the loopback HTTP round trip, p50 and p90 in ms. */
  double transportP50Ms = Double.NaN;

  double transportP90Ms = Double.NaN;

  // (3) rule evaluation
  record RuleCase(String caseName, double micros, double error, double allocBytes) {}

  final List<RuleCase> ruleCases = new ArrayList<>();

  // (4) writes
  record WriteKind(
      String kind,
      int samples,
      double onP50,
      double onP90,
      double offP50,
      double offP90,
      double issuesP50,
      double issuesP90,
      int issueSamples,
      int issueTimeouts) {}

  final List<WriteKind> writes = new ArrayList<>();

  /** Durable commits (on) beside H2's default 500 ms write delay (off), write checks on in both. */
  final List<WriteKind> durability = new ArrayList<>();

  // (5) start-up and memory
  record StartUp(
      String server,
      String mode,
      double fhirMs,
      double readyMs,
      double firstHookMs,
      double rssAtReadyMiB) {}

  final List<StartUp> startUps = new ArrayList<>();

  record Soak(
      int rate,
      double minutes,
      Load.Step step,
      List<double[]> samples, // {seconds, heap used MiB, heap committed MiB, rss MiB}
      double liveAfter1Min,
      double liveAtEnd,
      double rssAfter1Min,
      double rssAtEnd,
      double committedAtEnd) {}

  Soak soak;

  // (6) growth
  record Growth(
      String variant,
      double prefetchKiB,
      double prefetchedP50,
      double prefetchedP99,
      double storeP50,
      double storeP99,
      int errors) {}

  final List<Growth> growth = new ArrayList<>();

  final Map<String, String> timings = new LinkedHashMap<>();
}
