package org.stomacds.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.Readiness;

/**
 * The container image that {@code mvn package} writes ({@code target/stomacds-image.tar}, Jib)
 * starts to readiness as its own config says, with no container engine on this machine: its layers
 * are unpacked in order into a root file system ({@link ImageTarball}), and the config's
 * entrypoint, environment, user and working directory are run in it ({@link ContainerProcess}: a
 * mount namespace, {@code /proc}, a chroot, the numeric user).
 *
 * <p>Class-data sharing, both ways the image is run (deploy/image/README.md):
 *
 * <ol>
 *   <li>As shipped, with nothing in {@code /cds}: the entrypoint names no archive, so the JVM maps
 *       the JDK's own (jlink's {@code lib/server/classes.jsa}). Shown by a short start of the
 *       image's java with every entrypoint flag and {@code -version} before the main class: which
 *       archive is mapped is settled when the JVM starts, before any main class, and the full start
 *       below runs the same entrypoint to readiness. A second full start (over a minute of CPU)
 *       would only add that the server also starts without the application's archive.
 *   <li>As deploy/compose.yaml runs it: its one-shot step's dump command, then the server with the
 *       {@code JAVA_TOOL_OPTIONS} its replicas set, both read from that file. The server must
 *       become ready, run as the image's non-root user, load the application's classes from that
 *       archive, and stop cleanly on SIGTERM.
 * </ol>
 *
 * <p>Needs root (as a container runtime does). Without it the test is skipped, saying so, except
 * where {@code STOMACDS_E2E_REQUIRED} is set (CI, which runs as root), where it fails.
 */
class ImageStartIT {

  private static final Path TARBALL =
      Path.of(System.getProperty("stomacds.image.tar", "target/stomacds-image.tar"))
          .toAbsolutePath();
  private static final Path WORK = Path.of("target", "image-it").toAbsolutePath();
  private static final String MAIN_CLASS = "org.stomacds.server.StomaCdsApplication";
  private static final Duration READY_WITHIN = Duration.ofMinutes(8);

  @BeforeAll
  static void requireRootAndTheImage() throws IOException {
    Assumptions.assumeFalse(
        Boolean.getBoolean("stomacds.image.skip"), "the image was not built (-Dimage.skip=true)");
    List<String> missing = new ArrayList<>();
    if (!isRoot()) {
      missing.add("root (to mount /proc and chroot as a container runtime does)");
    }
    for (String tool : List.of("/usr/bin/unshare", "/usr/bin/env", "/bin/sh")) {
      if (!Files.isExecutable(Path.of(tool))) {
        missing.add(tool);
      }
    }
    if (!missing.isEmpty()) {
      String message = "ImageStartIT needs " + missing;
      String required = System.getenv("STOMACDS_E2E_REQUIRED");
      if (required != null && !required.isBlank() && !required.equals("0")) {
        throw new AssertionError(message + " (STOMACDS_E2E_REQUIRED is set: cannot skip)");
      }
      Assumptions.abort(message + " (skipped)");
    }
    assertThat(TARBALL)
        .as("the image tarball (built by mvn package in server, unless -Dimage.skip=true)")
        .isRegularFile();
  }

  @Test
  void imageMapsTheJdksArchiveAsShippedAndStartsOnComposesAppCdsArchiveAndStopsOnSigterm()
      throws Exception {
    long unpackStart = System.nanoTime();
    ImageTarball image = ImageTarball.unpack(TARBALL, WORK);
    ImageTarball.Config config = image.config();
    Path rootfs = WORK.resolve("rootfs");
    System.out.printf(
        "[image] %d layers unpacked in %d s; entrypoint %s; user %s; env %s%n",
        image.layers().size(),
        seconds(unpackStart),
        config.entrypoint(),
        config.user(),
        config.env());

    // What the image promises before anything runs.
    assertThat(config.uid()).as("the image's user is not root").isNotZero();
    assertThat(config.gid()).as("the image's group is not root").isNotZero();
    assertThat(config.exposedPorts()).contains("8080/tcp");
    assertThat(config.volumes()).contains("/var/lib/stomacds").doesNotContain("/cds");
    assertThat(config.entrypoint())
        .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Xshare"))
        .endsWith(MAIN_CLASS);
    String dataDir = config.env().get("STOMACDS_DATA_DIR");
    assertThat(dataDir).as("STOMACDS_DATA_DIR in the image's environment").isNotBlank();
    String java = config.entrypoint().get(0);

    // 1. As shipped, no archive in /cds: the entrypoint's flags map the JDK's own archive.
    String jdkArchive = java.replaceFirst("/bin/java$", "/lib/server/classes.jsa");
    assertThat(rootfs.resolve(jdkArchive.substring(1))).as("jlink's CDS archive").isRegularFile();
    assertThat(rootfs.resolve("cds")).isEmptyDirectory();
    List<String> version = new ArrayList<>(config.entrypoint());
    version.add(version.size() - 1, "-version");
    Map<String, String> logged = new LinkedHashMap<>(config.env());
    logged.put("JAVA_TOOL_OPTIONS", "-Xlog:cds=info -Xlog:class+load=info");
    long versionStart = System.nanoTime();
    try (ContainerProcess jvm = run(config, rootfs, logged, version, "jdk-archive.log")) {
      assertThat(jvm.waitFor(Duration.ofMinutes(2))).as("java -version" + jvm.tail()).contains(0);
      List<String> lines = jvm.output().lines().toList();
      assertThat(lines)
          .as("the JDK's archive is mapped" + jvm.tail())
          .anyMatch(l -> l.contains("Opened archive " + jdkArchive))
          .anyMatch(l -> l.endsWith(" java.lang.Object source: shared objects file"))
          .noneMatch(l -> l.contains("Unable to map shared spaces"));
      System.out.printf(
          "[image] as shipped: JDK archive %s mapped, %d classes from it (java -version, %d s)%n",
          jdkArchive,
          lines.stream().filter(l -> l.endsWith("source: shared objects file")).count(),
          seconds(versionStart));
    }

    // 2. Compose's one-shot step: its dump command, with the image's own java and classpath.
    List<String> dump = ComposeFile.dumpCommand();
    String archive = ComposeFile.option(dump, "-XX:SharedArchiveFile=");
    String classList = ComposeFile.option(dump, "-XX:SharedClassListFile=");
    assertThat(rootfs.resolve(classList.substring(1))).as("the AppCDS class list").isRegularFile();
    String appCds = ComposeFile.replicaJavaToolOptions();
    assertThat(appCds).contains("-XX:SharedArchiveFile=" + archive);
    long dumpStart = System.nanoTime();
    try (ContainerProcess dumping = run(config, rootfs, config.env(), dump, "cds-dump.log")) {
      Optional<Integer> status = dumping.waitFor(Duration.ofMinutes(10));
      assertThat(status).as("the CDS dump step's exit status" + dumping.tail()).contains(0);
    }
    Path archiveFile = rootfs.resolve(archive.substring(1));
    assertThat(archiveFile).isRegularFile();
    System.out.printf(
        "[image] CDS dump step: %d s, %d MB archive%n",
        seconds(dumpStart), Files.size(archiveFile) >> 20);

    // 3. The server: the image's entrypoint and command, as `run image --server.address=...`, with
    // compose's JAVA_TOOL_OPTIONS.
    int port = freePort();
    Map<String, String> env = new LinkedHashMap<>(config.env());
    env.put("STOMACDS_PORT", Integer.toString(port));
    // Logged to files inside the image: which classes came from the archive, and the archive's use.
    env.put(
        "JAVA_TOOL_OPTIONS",
        appCds
            + " -Xlog:class+load=info:file=/tmp/class-load.log -Xlog:cds=info:file=/tmp/cds.log");
    List<String> argv = new ArrayList<>(config.entrypoint());
    argv.addAll(config.cmd());
    argv.add("--server.address=127.0.0.1");

    long start = System.nanoTime();
    try (ContainerProcess server = run(config, rootfs, env, argv, "server.log")) {
      long pid = server.pid();
      awaitReady(server, port);
      long toReady = seconds(start);

      Map<String, String> status = procStatus(pid);
      assertThat(status.get("Uid"))
          .as("real, effective, saved and file-system uid of the server")
          .isEqualTo(String.join("\t", ids(config.uid())));
      assertThat(status.get("Gid")).isEqualTo(String.join("\t", ids(config.gid())));
      assertThat(status.get("Groups")).as("no supplementary groups").isEmpty();
      assertThat(rootfs.resolve(dataDir.substring(1)).resolve("h2"))
          .as("the embedded database, written in the image's data directory")
          .isDirectory();

      String cdsLog = Files.readString(rootfs.resolve("tmp/cds.log"));
      assertThat(cdsLog).contains("Opened archive " + archive);
      List<String> loads = Files.readAllLines(rootfs.resolve("tmp/class-load.log"));
      long shared = loads.stream().filter(l -> l.contains("source: shared objects file")).count();
      assertThat(loads)
          .as("the application's main class from the AppCDS archive")
          .anyMatch(l -> l.contains(" " + MAIN_CLASS + " source: shared objects file"));
      assertThat(shared)
          .as("classes from the archive, of %d loaded", loads.size())
          .isGreaterThan(loads.size() / 2);
      System.out.printf(
          "[image] ready in %d s (pid %d, uid %d); %d of %d classes loaded from the CDS archive%n",
          toReady, pid, config.uid(), shared, loads.size());

      // 4. SIGTERM, as an orchestrator stops a container: graceful shutdown, exit 143.
      long stopStart = System.nanoTime();
      ProcessHandle.of(pid).orElseThrow().destroy();
      Optional<Integer> exit = server.waitFor(Duration.ofSeconds(60));
      assertThat(exit).as("exit status after SIGTERM" + server.tail()).contains(143);
      // (Not "no ERROR line": a HAPI background task started at readiness may still be writing
      // and log that the database closed under it; that is the application's shutdown, not the
      // image's.)
      assertThat(server.output())
          .contains("Commencing graceful shutdown")
          .contains("Graceful shutdown complete");
      System.out.printf("[image] stopped by SIGTERM in %d s, exit 143%n", seconds(stopStart));
    }
    ImageTarball.deleteTree(WORK);
  }

  private static ContainerProcess run(
      ImageTarball.Config config,
      Path rootfs,
      Map<String, String> env,
      List<String> argv,
      String logName)
      throws IOException {
    return ContainerProcess.start(
        rootfs, config.uid(), config.gid(), config.workingDir(), env, argv, WORK.resolve(logName));
  }

  private static void awaitReady(ContainerProcess server, int port) {
    Readiness.await("http://127.0.0.1:" + port, READY_WITHIN, server::isAlive, server::tail);
  }

  private static Map<String, String> procStatus(long pid) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      int colon = line.indexOf(':');
      fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
    }
    return fields;
  }

  private static List<String> ids(int id) {
    String s = Integer.toString(id);
    return List.of(s, s, s, s);
  }

  private static boolean isRoot() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("Uid:"))
        .anyMatch(l -> l.split("\\s+")[1].equals("0"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long seconds(long sinceNanos) {
    return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
  }
}
