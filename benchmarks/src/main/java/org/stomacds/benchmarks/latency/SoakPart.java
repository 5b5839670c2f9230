package org.stomacds.benchmarks.latency;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.stomacds.benchmarks.HookCall;
import org.stomacds.benchmarks.Load;
import org.stomacds.benchmarks.Machine;
import org.stomacds.benchmarks.Results;
import org.stomacds.benchmarks.RunningServer;
import org.stomacds.benchmarks.ServerProcess;
import org.stomacds.benchmarks.SuiteRun;

/**
 * Part {@code soak}: five minutes (one with {@code --quick}) at 200 requests per second, open loop,
 * with the server's heap and RSS sampled as it runs and its live set (after a full collection) at
 * one minute and at the end: memory that only grows shows here.
 */
public final class SoakPart {

  private final SuiteRun run;

  public SoakPart(SuiteRun run) {
    this.run = run;
  }

  public void run(RunningServer server, Load load, List<HookCall> mix) throws Exception {
    Results results = run.results();
    boolean quick = run.quick();
    int rate = 200;
    Duration length = Duration.ofMinutes(quick ? 1 : 5);
    int n = (int) (rate * length.toSeconds());
    Map<String, String[]> soakTokens = run.signFor(load, mix, n);
    server.process().waitIdle(Duration.ofSeconds(30));
    results.loadDuringParts.add("soak start: " + Machine.loadAverage());
    List<double[]> samples = new ArrayList<>();
    double[] live1 = {Double.NaN};
    double[] rss1 = {Double.NaN};
    long start = System.nanoTime();
    Thread sampler =
        new Thread(
            () -> {
              try {
                int every = quick ? 10 : 30;
                int early = quick ? every : 60;
                for (int s = every; s < length.toSeconds(); s += every) {
                  long due = start + TimeUnit.SECONDS.toNanos(s);
                  Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                  ServerProcess.Heap heap =
                      s == early ? server.process().heapAfterFullGc() : server.process().heap();
                  double rss = server.process().rssMiB();
                  if (s == early) {
                    live1[0] = heap.usedMiB();
                    rss1[0] = rss;
                  }
                  samples.add(new double[] {s, heap.usedMiB(), heap.committedMiB(), rss});
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException e) {
                results.notes.add("soak sampling failed: " + e);
              }
            },
            "soak-sampler");
    sampler.setDaemon(true);
    sampler.start();
    Load.Step step = load.openLoop(mix, soakTokens, rate, Duration.ZERO, length);
    sampler.interrupt();
    sampler.join(5000);
    double rssEnd = server.process().rssMiB();
    ServerProcess.Heap end = server.process().heapAfterFullGc();
    samples.add(new double[] {length.toSeconds(), end.usedMiB(), end.committedMiB(), rssEnd});
    results.loadDuringParts.add("soak end: " + Machine.loadAverage());
    results.soak =
        new Results.Soak(
            rate,
            length.toSeconds() / 60.0,
            step,
            samples,
            live1[0],
            end.usedMiB(),
            rss1[0],
            rssEnd,
            end.committedMiB());
    run.say(
        "soak: %d sent, errors %d, p99 %.1f ms; live heap %.0f -> %.0f MiB, RSS %.0f -> %.0f MiB",
        step.sent(),
        step.errors(),
        step.percentileMs(99),
        live1[0],
        end.usedMiB(),
        rss1[0],
        rssEnd);
  }
}
