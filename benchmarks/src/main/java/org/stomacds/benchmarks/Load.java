package org.stomacds.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator, on loopback.
 *
 * <p>{@link #openLoop}: requests leave on a fixed schedule (request {@code i} is due at {@code
 * start + i / rate}) whether or not earlier ones have been answered, and each latency is measured
 * from the time the request was <em>due</em>, not from when it was actually sent: a stalled server
 * or a late sender cannot hide latency (no coordinated omission). Latencies go into an HdrHistogram
 * (microseconds, 3 significant digits).
 *
 * <p>{@link #closedLoop}: one request at a time, for the service time without queueing.
 */
public final class Load {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(2, daemon()))
          .build();
  private final String baseUrl;

  /** The first answer body of each failing status (our error bodies name paths, never data). */
  private final Map<String, String> errorSamples = new ConcurrentHashMap<>();

  public Load(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** What one fixed-rate step did. */
  public record Step(
      int rate,
      int sent,
      int answered,
      int errors,
      Map<String, Integer> outcomes,
      double achievedRate,
      Histogram latencyMicros) {

    public double percentileMs(double p) {
      return latencyMicros.getTotalCount() == 0
          ? Double.NaN
          : latencyMicros.getValueAtPercentile(p) / 1000.0;
    }

    public double maxMs() {
      return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }

    /** Held: no error, p99 within the limit, and the schedule was kept. */
    public boolean held(double p99LimitMs) {
      return errors == 0 && percentileMs(99) <= p99LimitMs && achievedRate >= rate * 0.95;
    }
  }

  /** Endpoint of a service: {@code /cds-services/{id}}, the URL its tokens are signed for. */
  public String endpoint(String serviceId) {
    return baseUrl + "/cds-services/" + serviceId;
  }

  /**
   * Sends {@code calls} round-robin at {@code rate} per second for {@code warmup + measure}; only
   * requests due after the warm-up count. {@code tokens} holds one JWT per request, for the calls'
   * services ({@code tokens.get(serviceId)[i]}).
   */
  public Step openLoop(
      List<HookCall> calls,
      Map<String, String[]> tokens,
      int rate,
      Duration warmup,
      Duration measure)
      throws InterruptedException {
    int warm = (int) (rate * warmup.toMillis() / 1000);
    int total = warm + (int) (rate * measure.toMillis() / 1000);
    long interval = 1_000_000_000L / rate;
    Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(total);
    Map<String, AtomicInteger> used = new ConcurrentHashMap<>();
    long start = System.nanoTime() + 20_000_000L;
    long firstMeasured = start + warm * interval;
    long lastSent = start;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      HookCall call = calls.get(i % calls.size());
      String[] serviceTokens = tokens.get(call.serviceId());
      int t = used.computeIfAbsent(call.serviceId(), k -> new AtomicInteger()).getAndIncrement();
      boolean measured = i >= warm;
      HttpRequest request = hookRequest(call, serviceTokens[t]);
      lastSent = System.nanoTime();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete(
              (response, failure) -> {
                long latency = (System.nanoTime() - due) / 1000;
                String outcome =
                    failure != null
                        ? failure.getClass().getSimpleName()
                        : Integer.toString(response.statusCode());
                if (failure == null && response.statusCode() != 200) {
                  sample(call, response);
                }
                if (measured) {
                  recorder.recordValue(Math.min(latency, TimeUnit.SECONDS.toMicros(60)));
                  outcomes.merge(outcome, 1, Integer::sum);
                  if (failure == null && response.statusCode() == 200) {
                    answered.incrementAndGet();
                  } else {
                    errors.incrementAndGet();
                  }
                }
                done.countDown();
              });
    }
    double sendSeconds = (lastSent - firstMeasured) / 1e9;
    int measuredCount = total - warm;
    if (!done.await(TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("requests still open long after their timeout");
    }
    return new Step(
        rate,
        measuredCount,
        answered.get(),
        errors.get(),
        new TreeMap<>(outcomes),
        sendSeconds > 0 ? (measuredCount - 1) / sendSeconds : rate,
        recorder.getIntervalHistogram());
  }

  /** One request at a time: {@code warmup} unmeasured, then {@code count} measured. */
  public Step closedLoop(List<HookCall> calls, Map<String, String[]> tokens, int warmup, int count)
      throws IOException, InterruptedException {
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    Map<String, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> used = new ConcurrentHashMap<>();
    int errors = 0;
    long started = System.nanoTime();
    for (int i = 0; i < warmup + count; i++) {
      HookCall call = calls.get(i % calls.size());
      int t = used.merge(call.serviceId(), 1, Integer::sum) - 1;
      HttpRequest request = hookRequest(call, tokens.get(call.serviceId())[t]);
      long start = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long micros = (System.nanoTime() - start) / 1000;
      if (i == warmup) {
        started = start;
      }
      if (i >= warmup) {
        histogram.recordValue(micros);
        outcomes.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
        if (response.statusCode() != 200) {
          errors++;
          sample(call, response);
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Step(0, count, count - errors, errors, outcomes, count / seconds, histogram);
  }

  /**
   * One GET at a time of a trivial page ({@code warmup} unmeasured, then {@code count}): the round
   * trip of this client and the server's HTTP stack on loopback, the part of every service time
   * that is not the service's work.
   */
  public Step closedLoopGet(String url, int warmup, int count)
      throws IOException, InterruptedException {
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    Map<String, Integer> outcomes = new TreeMap<>();
    int errors = 0;
    for (int i = 0; i < warmup + count; i++) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
      long start = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long micros = (System.nanoTime() - start) / 1000;
      if (i >= warmup) {
        histogram.recordValue(micros);
        outcomes.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
        errors += response.statusCode() == 200 ? 0 : 1;
      }
    }
    return new Step(0, count, count - errors, errors, outcomes, 0, histogram);
  }

  private void sample(HookCall call, HttpResponse<byte[]> response) {
    String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    errorSamples.putIfAbsent(
        call.serviceId() + " " + response.statusCode(),
        call.caseName() + ": " + body.substring(0, Math.min(400, body.length())));
  }

  /** Per service and status, the first failing answer seen: its case and body (shortened). */
  Map<String, String> errorSamples() {
    return new TreeMap<>(errorSamples);
  }

  private HttpRequest hookRequest(HookCall call, String token) {
    return HttpRequest.newBuilder(URI.create(endpoint(call.serviceId())))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofByteArray(call.body(UUID.randomUUID().toString())))
        .build();
  }

  /** How many tokens of each service {@code n} requests round-robin over {@code calls} use. */
  static Map<String, Integer> tokensNeeded(List<HookCall> calls, int n) {
    Map<String, Integer> needed = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      needed.merge(calls.get(i % calls.size()).serviceId(), 1, Integer::sum);
    }
    return needed;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "load-client");
      t.setDaemon(true);
      return t;
    };
  }
}
