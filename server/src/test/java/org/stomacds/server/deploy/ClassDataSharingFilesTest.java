package org.stomacds.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.server.deploy.DeploymentFiles.list;
import static org.stomacds.server.deploy.DeploymentFiles.map;
import static org.stomacds.server.deploy.DeploymentFiles.maps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where the application's AppCDS archive is made and used (deploy/image/README.md). The image's
 * entrypoint names no archive, so a plain start maps the JDK's own (on Java 17 a named archive that
 * is missing leaves the JVM with none at all). Compose, where the volume {@code cds} outlives
 * restarts, dumps the archive once in its one-shot step and opts the replicas in with {@code
 * JAVA_TOOL_OPTIONS} naming that same file; Kubernetes, whose per-pod volume would make the dump
 * cost more than it saves, has neither.
 */
class ClassDataSharingFilesTest {

  private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

  private final Map<String, Object> compose = DeploymentFiles.compose();

  @Test
  void theImageEntrypointNamesNoArchiveSoTheJdksOwnIsMapped() {
    List<String> entrypoint = jibEntrypoint();
    assertThat(entrypoint)
        .as("the Jib entrypoint in server/pom.xml")
        .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
        .noneMatch(arg -> arg.startsWith(ARCHIVE_OPTION) || arg.startsWith("-Xshare"));
  }

  @Test
  void composeDumpsTheArchiveOnceAndEveryReplicaMapsThatFile() {
    Map<String, Map<String, Object>> dumpers = new LinkedHashMap<>();
    map(compose.get("services"))
        .forEach(
            (name, service) -> {
              Object entrypoint = map(service).get("entrypoint");
              if (entrypoint != null && list(entrypoint).contains("-Xshare:dump")) {
                dumpers.put(name, map(service));
              }
            });
    assertThat(dumpers).as("one dump step in compose").containsOnlyKeys("cds-archive");
    Map<String, Object> dump = dumpers.get("cds-archive");
    List<Object> command = list(dump.get("entrypoint"));
    assertThat(command)
        .as("the dump reads the class list the build puts in the image")
        .contains("-XX:SharedClassListFile=" + imageClassList());
    String archive = option(command.stream().map(Object::toString).toList(), ARCHIVE_OPTION);
    assertThat(archive).as("the dump's -XX:SharedArchiveFile").startsWith("/");
    String directory = archive.substring(0, archive.lastIndexOf('/'));
    String volume = volumeAt(list(dump.get("volumes")), directory, false);
    assertThat(DeploymentFiles.composeEnvironment(dump))
        .as("the dump maps no archive")
        .doesNotContainKey("JAVA_TOOL_OPTIONS");

    assertThat(DeploymentFiles.composeServers(compose))
        .isNotEmpty()
        .allSatisfy(
            (name, server) -> {
              List<String> options =
                  Arrays.asList(
                      DeploymentFiles.composeEnvironment(server)
                          .getOrDefault("JAVA_TOOL_OPTIONS", "")
                          .trim()
                          .split("\\s+"));
              assertThat(options)
                  .as("%s maps the archive the dump writes; a missing one is no error", name)
                  .contains(ARCHIVE_OPTION + archive, "-Xshare:auto");
              assertThat(volumeAt(list(server.get("volumes")), directory, true))
                  .as("%s mounts the dump's volume", name)
                  .isEqualTo(volume);
              assertThat(map(server.get("depends_on")))
                  .as("%s starts once the archive is there", name)
                  .containsEntry(
                      "cds-archive", Map.of("condition", "service_completed_successfully"));
            });
    assertThat(map(compose.get("volumes")))
        .as("a named volume: it outlives restarts, so the dump pays")
        .containsKey(volume);
  }

  @Test
  void kubernetesPodsDumpNoArchiveAndMapOnlyTheJdks() {
    for (Path manifest : DeploymentFiles.kubernetesManifests()) {
      assertThat(DeploymentFiles.read(manifest))
          .as("%s", manifest.getFileName())
          .doesNotContain("-Xshare")
          .doesNotContain("SharedArchiveFile");
    }
    Map<String, Object> deployment = DeploymentFiles.kubernetesObject("Deployment", "stomacds");
    Map<String, Object> pod = DeploymentFiles.podSpec(deployment);
    assertThat(pod.get("initContainers")).as("no per-pod dump step").isNull();
    for (Map<String, Object> container : maps(pod.get("containers"))) {
      assertThat(maps(container.get("volumeMounts")))
          .noneMatch(m -> m.get("mountPath").toString().startsWith("/cds"));
      assertThat(DeploymentFiles.kubernetesEnvironment(container))
          .doesNotContainKey("JAVA_TOOL_OPTIONS");
    }
  }

  /** The {@code <arg>}s of the Jib {@code <entrypoint>} in server/pom.xml, comments left out. */
  private static List<String> jibEntrypoint() {
    String pom =
        DeploymentFiles.read(DeploymentFiles.ROOT.resolve("server/pom.xml"))
            .replaceAll("(?s)<!--.*?-->", "");
    Matcher block = Pattern.compile("(?s)<entrypoint>(.*?)</entrypoint>").matcher(pom);
    assertThat(block.find()).as("a Jib <entrypoint> in server/pom.xml").isTrue();
    List<String> args = new ArrayList<>();
    Matcher arg = Pattern.compile("<arg>([^<]*)</arg>").matcher(block.group(1));
    while (arg.find()) {
      args.add(arg.group(1).trim());
    }
    assertThat(args).isNotEmpty();
    return args;
  }

  /** Where the build writes the class list into the image's root ({@code image-root/...}). */
  private static String imageClassList() {
    Matcher written =
        Pattern.compile("/image-root(/[^<]*classes\\.lst)</argument>")
            .matcher(DeploymentFiles.read(DeploymentFiles.ROOT.resolve("server/pom.xml")));
    assertThat(written.find()).as("train-cds.sh's output under image-root").isTrue();
    return written.group(1);
  }

  private static String option(List<String> command, String prefix) {
    return command.stream()
        .filter(a -> a.startsWith(prefix))
        .map(a -> a.substring(prefix.length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " in " + command));
  }

  /** The compose volume mounted at {@code path} ({@code name:path[:ro]}), read-only or not. */
  private static String volumeAt(List<Object> volumes, String path, boolean readOnly) {
    for (Object entry : volumes) {
      String[] parts = entry.toString().split(":");
      if (parts.length >= 2 && parts[1].equals(path)) {
        assertThat(parts.length == 3 && parts[2].equals("ro"))
            .as("%s mounted %s", entry, readOnly ? "read-only" : "writable")
            .isEqualTo(readOnly);
        return parts[0];
      }
    }
    throw new AssertionError("nothing mounted at " + path + " in " + volumes);
  }
}
