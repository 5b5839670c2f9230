package org.stomacds.server.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One process of the image, started the way a container runtime starts it, without one: in a mount
 * namespace of its own ({@code unshare --mount}, so nothing mounted leaks to this machine) with
 * {@code /proc} and the {@code /dev} nodes a JVM reads mounted into the root file system, then with
 * exactly the image's environment ({@code env -i}), the root file system as {@code /}, the image's
 * working directory and its numeric user and group ({@code unshare --root --wd --setuid --setgid},
 * util-linux 2.38). Needs root, as a runtime does.
 *
 * <p>The namespace's first process is {@code unshare --kill-child}: if it dies, the image's process
 * dies with it. {@link #pid()} is the image's own process (the command is exec'd, never forked).
 */
final class ContainerProcess implements AutoCloseable {

  /** Mounts /proc and the device nodes, then execs the rest of the command line. */
  private static final String MOUNTS =
      "set -e; r=$1; shift; mkdir -p \"$r/proc\" \"$r/dev\"; mount -t proc proc \"$r/proc\";"
          + " for d in null zero random urandom; do touch \"$r/dev/$d\";"
          + " mount --bind \"/dev/$d\" \"$r/dev/$d\"; done; exec \"$@\"";

  private final Process outer;
  private final Path log;

  private ContainerProcess(Process outer, Path log) {
    this.outer = outer;
    this.log = log;
  }

  /**
   * Starts {@code argv} in {@code rootfs} as {@code uid:gid} in {@code workingDir} with exactly
   * {@code env}; its output (both streams) goes to {@code log}.
   */
  static ContainerProcess start(
      Path rootfs,
      int uid,
      int gid,
      String workingDir,
      Map<String, String> env,
      List<String> argv,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "/usr/bin/unshare",
            "--mount",
            "--fork",
            "--kill-child=SIGKILL",
            "/bin/sh",
            "-c",
            MOUNTS));
    command.add("sh");
    command.add(rootfs.toString());
    command.add("/usr/bin/env");
    command.add("-i");
    env.forEach((k, v) -> command.add(k + "=" + v));
    command.addAll(
        List.of(
            "/usr/bin/unshare",
            "--root=" + rootfs,
            "--wd=" + workingDir,
            "--setgid=" + gid,
            "--setuid=" + uid));
    command.addAll(argv);
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ContainerProcess(p, log);
  }

  /** The image's process (the namespace's forked child), once it is there. */
  long pid() throws IOException, InterruptedException {
    Path children = Path.of("/proc", "" + outer.pid(), "task", "" + outer.pid(), "children");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!outer.isAlive()) {
        throw new IllegalStateException("the container process ended: " + tail());
      }
      String text = Files.exists(children) ? Files.readString(children).trim() : "";
      if (!text.isEmpty()) {
        return Long.parseLong(text.split("\\s+")[0]);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no child of unshare " + outer.pid());
  }

  boolean isAlive() {
    return outer.isAlive();
  }

  /** Waits for the end; the exit status, or empty if still running after {@code timeout}. */
  Optional<Integer> waitFor(Duration timeout) throws InterruptedException {
    if (outer.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.of(outer.exitValue());
    }
    return Optional.empty();
  }

  /** The output so far. */
  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** The last lines of the output, for a failure message. */
  String tail() {
    try {
      List<String> lines = output().lines().toList();
      return "\n--- last lines of "
          + log
          + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** Kills whatever is left: the image's process first, then the namespace. */
  @Override
  public void close() throws InterruptedException {
    if (outer.isAlive()) {
      outer.descendants().forEach(ProcessHandle::destroyForcibly);
      outer.destroyForcibly();
      outer.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
