package org.stomacds.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the suite as its parts share it: the options, the results being filled, the keys the
 * calls are signed with, and the log every part writes its progress to.
 */
public final class SuiteRun {

  private final SuiteOptions options;
  private final Results results = new Results();
  private final Tokens tokens;

  /** Creates the run's signing keys under the work folder. */
  SuiteRun(SuiteOptions options) throws IOException {
    this.options = options;
    this.tokens = new Tokens(options.work().resolve("keys"));
  }

  public SuiteOptions options() {
    return options;
  }

  public Results results() {
    return results;
  }

  Tokens tokens() {
    return tokens;
  }

  Path work() {
    return options.work();
  }

  public boolean quick() {
    return options.quick();
  }

  /** Progress on standard output, each line with the time. */
  public void say(String format, Object... args) {
    System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
  }

  /** One CDS Hooks JWT for each of {@code n} calls of these, signed now, by service id. */
  public Map<String, String[]> signFor(Load load, List<HookCall> calls, int n) {
    Map<String, String[]> signed = new HashMap<>();
    Load.tokensNeeded(calls, n)
        .forEach(
            (service, count) ->
                signed.put(service, tokens.cdsHooks(load.endpoint(service), count)));
    return signed;
  }
}
