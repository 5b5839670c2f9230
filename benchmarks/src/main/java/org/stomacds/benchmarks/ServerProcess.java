package org.stomacds.benchmarks;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A server JVM started by the suite ({@code java <options> -jar <jar> <arguments>}), its output in
 * a log file. Times are measured from just before {@link ProcessBuilder#start()}.
 */
public final class ServerProcess implements AutoCloseable {

  private static final HttpClient PROBE =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private static final Pattern HEAP =
      Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K", Pattern.CASE_INSENSITIVE);

  /** Servers still running: stopped when the suite exits, even when it is interrupted. */
  private static final java.util.Set<Process> LIVE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    LIVE.forEach(
                        p -> {
                          p.destroyForcibly();
                        }),
                "stop-servers"));
  }

  private final String name;
  private final Process process;
  private final long launchedAt;
  private final Path log;
  private JMXConnector jmx;
  private ThreadMXBean threadBean;

  private ServerProcess(String name, Process process, long launchedAt, Path log) {
    this.name = name;
    this.process = process;
    this.launchedAt = launchedAt;
    this.log = log;
  }

  static ServerProcess start(
      String name, Path jar, List<String> jvmOptions, List<String> arguments, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(jar.getParent().toFile());
    long launchedAt = System.nanoTime();
    Process process = builder.start();
    LIVE.add(process);
    return new ServerProcess(name, process, launchedAt, log);
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /**
   * Sends a fresh request every 50 ms until an answer satisfies {@code ok}; returns the
   * milliseconds from launch to that answer.
   */
  double waitFor(
      Supplier<HttpRequest.Builder> request, Predicate<HttpResponse<String>> ok, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited (" + process.exitValue() + ") while starting; see " + log);
      }
      try {
        HttpResponse<String> answer =
            PROBE.send(
                request.get().timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ok.test(answer)) {
          return (System.nanoTime() - launchedAt) / 1e6;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
  }

  double waitForGet(String url, Duration timeout) throws InterruptedException {
    return waitFor(
        () -> HttpRequest.newBuilder(URI.create(url)).GET(), r -> r.statusCode() == 200, timeout);
  }

  /** Resident set size from /proc, MiB. */
  public double rssMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /** CPU time used so far (user + system), in clock ticks (normally 1/100 s). */
  long cpuTicks() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /**
   * Waits until the server has used at most 5% of a core over a second (work queued by earlier
   * steps, such as write checks or JIT compilation, is done), at most {@code timeout}.
   */
  public void waitIdle(Duration timeout) throws IOException, InterruptedException {
    waitIdle(timeout, Duration.ofSeconds(1));
  }

  /** As {@link #waitIdle(Duration)}, over windows of {@code window} (at least 200 ms). */
  public void waitIdle(Duration timeout, Duration window) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long allowedTicks = Math.max(1, window.toMillis() / 200); // 5% of a core, in 10 ms ticks
    long before = cpuTicks();
    while (System.nanoTime() < deadline) {
      Thread.sleep(window.toMillis());
      long now = cpuTicks();
      if (now - before <= allowedTicks) {
        return;
      }
      before = now;
    }
  }

  /** Heap in use and committed, MiB, as {@code jcmd GC.heap_info} reports it. */
  public Heap heap() throws IOException, InterruptedException {
    String out = jcmd("GC.heap_info");
    Matcher m = HEAP.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("unexpected GC.heap_info output: " + out);
    }
    return new Heap(Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0);
  }

  /**
   * The live set: {@code GC.class_histogram} collects fully and counts what survived in the same
   * safepoint (a {@code GC.run} followed by {@code GC.heap_info} would also count what the load
   * allocated between the two commands); committed from {@code GC.heap_info}.
   */
  public Heap heapAfterFullGc() throws IOException, InterruptedException {
    String histogram = jcmd("GC.class_histogram");
    Matcher m = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(histogram);
    double committed = heap().committedMiB();
    if (!m.find()) {
      throw new IllegalStateException("unexpected GC.class_histogram output");
    }
    return new Heap(Long.parseLong(m.group(1)) / (1024.0 * 1024.0), committed);
  }

  String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid()),
                command)
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  /** Heap figures in MiB. */
  public record Heap(double usedMiB, double committedMiB) {}

  /**
   * What each of the server's live threads has allocated so far: HotSpot's per-thread allocation
   * counters (every allocation, in a TLAB or not, humongous arrays included), read over a local JMX
   * connection opened by attaching to the process once. Each reading itself allocates a few KiB in
   * the server's RMI threads.
   */
  public Allocations allocations() throws IOException {
    ThreadMXBean threads = threads();
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    Map<Long, Long> byThread = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        byThread.put(ids[i], bytes[i]);
      }
    }
    return new Allocations(byThread);
  }

  /** Bytes allocated per thread id at one moment (thread ids are never reused). */
  public record Allocations(Map<Long, Long> byThread) {

    /**
     * Bytes allocated between {@code before} and this reading by the threads alive at this one; a
     * thread that ended between the two readings took its bytes with it (counted in {@code
     * threadsEnded}, so a figure with ended threads is a lower bound).
     */
    public Allocated since(Allocations before) {
      long bytes = 0;
      for (Map.Entry<Long, Long> e : byThread.entrySet()) {
        bytes += e.getValue() - before.byThread.getOrDefault(e.getKey(), 0L);
      }
      int ended = 0;
      for (Long id : before.byThread.keySet()) {
        if (!byThread.containsKey(id)) {
          ended++;
        }
      }
      return new Allocated(bytes, ended);
    }
  }

  /** Bytes allocated over a window, and how many threads ended in it. */
  public record Allocated(long bytes, int threadsEnded) {}

  private ThreadMXBean threads() throws IOException {
    if (jmx == null) {
      String address;
      try {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid()));
        try {
          address = vm.startLocalManagementAgent();
        } finally {
          vm.detach();
        }
      } catch (AttachNotSupportedException e) {
        throw new IOException("cannot attach to " + name + " (pid " + pid() + ")", e);
      }
      jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
      threadBean =
          ManagementFactory.newPlatformMXBeanProxy(
              jmx.getMBeanServerConnection(),
              ManagementFactory.THREAD_MXBEAN_NAME,
              ThreadMXBean.class);
    }
    return threadBean;
  }

  /** SIGTERM (graceful shutdown), then a kill after 60 s. */
  @Override
  public void close() throws InterruptedException {
    LIVE.remove(process);
    if (jmx != null) {
      try {
        jmx.close();
      } catch (IOException e) {
        // the server is going anyway
      }
      jmx = null;
    }
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
