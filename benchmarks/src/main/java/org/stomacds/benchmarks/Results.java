package org.stomacds.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, filled part by part and rendered by {@link
 * org.stomacds.benchmarks.report.Report}.
 */
public final class Results {

  public Machine machine;
  public String loadAtStart;
  public String loadAtEnd;
  public final List<String> loadDuringParts = new ArrayList<>();
  public boolean jwtVerification = true;
  public String jvmOptions;
  public boolean quick;
  public boolean jfr;
  public double minutes;
  public final List<String> notes = new ArrayList<>();
  public int cases;

  // (1) hook latency under load

  /**
   * The title of the series of the call an EHR makes most: order-sign and order-select with the
   * full prefetch and no order of our packs (answered with no card).
   */
  public static final String COMMON_PATH =
      "order-sign and order-select, no pack order, full prefetch";

  public record Series(
      String title,
      String serviceId,
      boolean prefetched,
      int calls,
      double meanBodyKiB,
      List<Load.Step> steps,
      int heldRate,
      String breakReason) {}

  public final List<Series> series = new ArrayList<>();

  // (2) the floor
  public record Floor(
      String title,
      double parseP50Ms,
      double parseMeanMs,
      double serviceP50Ms,
      double serviceP90Ms,
      double ratio) {}

  public final List<Floor> floors = new ArrayList<>();

  /** Closed-loop GET of the liveness page: the loopback HTTP round trip, p50 and p90 in ms. */
  public double transportP50Ms = Double.NaN;

  public double transportP90Ms = Double.NaN;

  // (3) rule evaluation
  public record RuleCase(String caseName, double micros, double error, double allocBytes) {}

  public final List<RuleCase> ruleCases = new ArrayList<>();

  // (4) writes
  public record WriteKind(
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

  public final List<WriteKind> writes = new ArrayList<>();

  /** Durable commits (on) beside H2's default 500 ms write delay (off), write checks on in both. */
  public final List<WriteKind> durability = new ArrayList<>();

  // (5) start-up and memory
  public record StartUp(
      String server,
      String mode,
      double fhirMs,
      double readyMs,
      double firstHookMs,
      double rssAtReadyMiB) {}

  public final List<StartUp> startUps = new ArrayList<>();

  public record Soak(
      int rate,
      double minutes,
      Load.Step step,
      List<double[]> samples, // {seconds, heap used MiB, heap committed MiB, rss MiB}
      double liveAfter1Min,
      double liveAtEnd,
      double rssAfter1Min,
      double rssAtEnd,
      double committedAtEnd) {}

  public Soak soak;

  // (6) growth
  public record Growth(
      String variant,
      double prefetchKiB,
      double prefetchedP50,
      double prefetchedP99,
      double storeP50,
      double storeP99,
      double prefetchedKiBPerCall,
      double storeKiBPerCall,
      int errors) {}

  public final List<Growth> growth = new ArrayList<>();

  public final Map<String, String> timings = new LinkedHashMap<>();
}
