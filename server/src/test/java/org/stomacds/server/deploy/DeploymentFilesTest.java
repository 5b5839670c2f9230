package org.stomacds.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.server.deploy.DeploymentFiles.at;
import static org.stomacds.server.deploy.DeploymentFiles.list;
import static org.stomacds.server.deploy.DeploymentFiles.map;
import static org.stomacds.server.deploy.DeploymentFiles.maps;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml, deploy/haproxy/haproxy.cfg and deploy/k8s agree with the server they run:
 * the probes, port, variables, shutdown timing and volumes it has, and they hold no secret. No
 * container engine runs here, so the files are read, not run.
 */
class DeploymentFilesTest {

  private static final String LIVENESS = "/actuator/health/liveness";
  private static final String READINESS = ReadinessCheck.PATH;

  /** Keys Spring Boot itself reads before any application*.yaml (which files to read). */
  private static final Set<String> BOOT_KEYS =
      Set.of("spring.profiles.active", "spring.config.additional-location");

  /** Variables the JVM reads, not the server (the AppCDS archive: ClassDataSharingFilesTest). */
  private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

  /** The name of a variable or key that holds a secret. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|private[_-]?key|api[_-]?key|token).*");

  /** A compose value the operator must set: {@code ${VAR:?message}}. */
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:\\?.+}");

  private final Map<String, Object> compose = DeploymentFiles.compose();
  private final Map<String, Object> deployment =
      DeploymentFiles.kubernetesObject("Deployment", "stomacds");
  private final Map<String, Object> pod = DeploymentFiles.podSpec(deployment);
  private final Map<String, Object> server = DeploymentFiles.container(pod, "server");
  private final Map<String, Object> kubernetesEnvironment =
      DeploymentFiles.kubernetesEnvironment(server);

  @Test
  void kustomizationListsEveryManifest() {
    Map<String, Object> kustomization =
        DeploymentFiles.yaml(DeploymentFiles.K8S.resolve("kustomization.yaml"));

    assertThat(list(kustomization.get("resources")))
        .map(Object::toString)
        .containsExactlyInAnyOrderElementsOf(
            DeploymentFiles.kubernetesManifests().stream()
                .map(file -> file.getFileName().toString())
                .toList());
    assertThat(DeploymentFiles.kubernetesObjects())
        .as("no Secret is committed: the operator creates it (docs/DEPLOY.md)")
        .noneMatch(object -> "Secret".equals(object.get("kind")));
  }

  @Test
  void probesCallTheHealthGroupsTheServerExposes() {
    Map<String, Object> application = DeploymentFiles.applicationYaml();
    assertThat(at(application, "management", "endpoint", "health", "probes", "enabled"))
        .isEqualTo(true);
    assertThat(at(application, "management", "endpoints", "web", "exposure", "include").toString())
        .contains("health");
    assertThat(at(application, "management", "endpoint", "health", "group", "readiness"))
        .isNotNull();

    assertThat(at(server, "startupProbe", "httpGet", "path")).isEqualTo(LIVENESS);
    assertThat(at(server, "livenessProbe", "httpGet", "path")).isEqualTo(LIVENESS);
    assertThat(at(server, "readinessProbe", "httpGet", "path")).isEqualTo(READINESS);

    DeploymentFiles.composeServers(compose)
        .forEach(
            (name, service) ->
                assertThat(list(at(service, "healthcheck", "test")))
                    .as("%s's health check asks the readiness probe", name)
                    .contains(ReadinessCheck.class.getName()));
  }

  @Test
  void everyPortIsThePortTheServerListensOn() {
    String listens =
        kubernetesEnvironment
            .getOrDefault("STOMACDS_PORT", DeploymentFiles.defaultOf("server", "port"))
            .toString();
    Map<String, Object> port = maps(server.get("ports")).get(0);
    assertThat(port.get("containerPort").toString()).isEqualTo(listens);
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(at(server, probe, "httpGet", "port")).as(probe).isEqualTo(port.get("name"));
    }
    Map<String, Object> service = DeploymentFiles.kubernetesObject("Service", "stomacds");
    assertThat(maps(at(service, "spec", "ports")))
        .allSatisfy(p -> assertThat(p.get("targetPort")).isEqualTo(port.get("name")));

    assertThat(DeploymentFiles.composeServers(compose).values())
        .allSatisfy(
            s ->
                assertThat(DeploymentFiles.composeEnvironment(s))
                    .doesNotContainKey("STOMACDS_PORT"));
    assertThat(DeploymentFiles.haproxyLines())
        .filteredOn(line -> line.startsWith("server "))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.split("\\s+")[2]).endsWith(":" + listens));
  }

  @Test
  void everyVariableTheFilesSetIsOneTheServerReads() {
    Set<String> known = DeploymentFiles.serverKeys();
    known.addAll(BOOT_KEYS);
    Set<String> placeholders = DeploymentFiles.placeholderVariables();

    Map<String, Object> set = new LinkedHashMap<>(kubernetesEnvironment);
    DeploymentFiles.composeServers(compose)
        .values()
        .forEach(s -> set.putAll(DeploymentFiles.composeEnvironment(s)));

    assertThat(set.keySet())
        .isNotEmpty()
        .allSatisfy(
            variable ->
                assertThat(
                        placeholders.contains(variable)
                            || JVM_VARIABLES.contains(variable)
                            || DeploymentFiles.bindsToAny(variable, known))
                    .as("%s is read by the server (application*.yaml or README table)", variable)
                    .isTrue());

    // Each profile named exists, and every ${VAR} without a default that it needs is set.
    for (Map<String, ?> environment :
        List.of(kubernetesEnvironment, environmentOfFirstComposeServer())) {
      for (String profile : environment.get("SPRING_PROFILES_ACTIVE").toString().split(",")) {
        Path file = DeploymentFiles.RESOURCES.resolve("application-" + profile.trim() + ".yaml");
        assertThat(file).exists();
        Matcher required =
            Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}").matcher(DeploymentFiles.read(file));
        while (required.find()) {
          assertThat(environment).containsKey(required.group(1));
        }
      }
    }
  }

  @Test
  void mountedApplicationYamlUsesOnlyKeysTheServerHas() {
    Set<String> known = DeploymentFiles.serverKeys();
    Map<String, Object> configMap =
        DeploymentFiles.kubernetesObject("ConfigMap", "stomacds-application");
    Map<String, Object> kubernetesYaml =
        new org.yaml.snakeyaml.Yaml().load(at(configMap, "data", "application.yaml").toString());
    Map<String, Object> composeYaml =
        DeploymentFiles.yaml(DeploymentFiles.DEPLOY.resolve("config/application.yaml"));

    assertThat(DeploymentFiles.keys(kubernetesYaml)).isNotEmpty().isSubsetOf(known);
    assertThat(DeploymentFiles.keys(composeYaml)).isNotEmpty().isSubsetOf(known);

    String location = "optional:file:/etc/stomacds/";
    assertThat(kubernetesEnvironment.get("SPRING_CONFIG_ADDITIONAL_LOCATION")).isEqualTo(location);
    assertThat(maps(server.get("volumeMounts")))
        .anySatisfy(
            m -> {
              assertThat(m.get("mountPath")).isEqualTo("/etc/stomacds");
              assertThat(volume(m.get("name").toString()))
                  .containsEntry("configMap", Map.of("name", "stomacds-application"));
            });
    assertThat(environmentOfFirstComposeServer())
        .containsEntry("SPRING_CONFIG_ADDITIONAL_LOCATION", location);
    assertThat(DeploymentFiles.composeServers(compose).values())
        .allSatisfy(s -> assertThat(list(s.get("volumes"))).contains("./config:/etc/stomacds:ro"));
  }

  @Test
  void noCommittedFileHoldsASecret() {
    assertThat(kubernetesEnvironment)
        .allSatisfy(
            (name, value) -> {
              if (SECRET_NAME.matcher(name).matches()) {
                assertThat(at(value, "secretKeyRef", "name"))
                    .as("%s from a Secret", name)
                    .isNotNull();
              } else {
                assertThat(value).as("%s is a plain setting", name).isInstanceOf(String.class);
              }
            });
    map(compose.get("services"))
        .forEach(
            (service, definition) ->
                DeploymentFiles.composeEnvironment(map(definition))
                    .forEach(
                        (name, value) -> {
                          if (SECRET_NAME.matcher(name).matches()) {
                            assertThat(value)
                                .as("%s of %s is set by the operator", name, service)
                                .matches(REQUIRED_VARIABLE);
                          }
                        }));

    // Whatever the format: a key that names a secret carries no literal value.
    Pattern secretEntry =
        Pattern.compile(
            "(?i)^\\s*-?\\s*[\\w.-]*(password|passwd|secret)[\\w.-]*\\s*[:=]\\s*(\\S.*)$");
    for (Path file : DeploymentFiles.deployFiles()) {
      for (String line : DeploymentFiles.read(file).lines().toList()) {
        assertThat(line).as(file.toString()).doesNotContain("-----BEGIN");
        Matcher entry = secretEntry.matcher(line);
        if (entry.matches() && !line.trim().startsWith("#")) {
          assertThat(entry.group(2).trim())
              .as("%s: %s", DeploymentFiles.ROOT.relativize(file), line.trim())
              .matches(REQUIRED_VARIABLE);
        }
      }
    }
  }

  @Test
  void shutdownOutlastsTheDrainAndTheGracefulPhase() {
    Duration phase =
        DeploymentFiles.duration(
            DeploymentFiles.defaultOf("spring", "lifecycle", "timeout-per-shutdown-phase"));
    assertThat(phase).isPositive();

    Duration kubernetesDrain =
        DeploymentFiles.duration(kubernetesEnvironment.get("STOMACDS_SHUTDOWN_DRAIN"));
    assertThat(Duration.ofSeconds(((Number) pod.get("terminationGracePeriodSeconds")).longValue()))
        .isGreaterThan(kubernetesDrain.plus(phase));

    Map<String, String> composeServer = environmentOfFirstComposeServer();
    Duration composeDrain = DeploymentFiles.duration(composeServer.get("STOMACDS_SHUTDOWN_DRAIN"));
    assertThat(DeploymentFiles.composeServers(compose).values())
        .allSatisfy(
            s ->
                assertThat(DeploymentFiles.duration(s.get("stop_grace_period")))
                    .isGreaterThan(composeDrain.plus(phase)));

    // HAProxy sees a replica go not-ready within inter x fall: the drain covers that.
    String defaults =
        DeploymentFiles.haproxyLines().stream()
            .filter(line -> line.startsWith("default-server "))
            .findFirst()
            .orElseThrow();
    Duration inter = DeploymentFiles.duration(DeploymentFiles.word(defaults, "inter"));
    long fall = Long.parseLong(DeploymentFiles.word(defaults, "fall"));
    assertThat(composeDrain).isGreaterThanOrEqualTo(inter.multipliedBy(fall));
  }

  @Test
  void disruptionBudgetAndServiceSelectTheDeploymentsPods() {
    Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
    Map<String, Object> budget =
        DeploymentFiles.kubernetesObject("PodDisruptionBudget", "stomacds");
    Map<String, Object> service = DeploymentFiles.kubernetesObject("Service", "stomacds");

    assertThat(podLabels)
        .containsAllEntriesOf(map(at(deployment, "spec", "selector", "matchLabels")))
        .containsAllEntriesOf(map(at(budget, "spec", "selector", "matchLabels")))
        .containsAllEntriesOf(map(at(service, "spec", "selector")));
    int replicas = ((Number) at(deployment, "spec", "replicas")).intValue();
    assertThat(replicas).isGreaterThanOrEqualTo(2);
    assertThat(((Number) at(budget, "spec", "minAvailable")).intValue()).isBetween(1, replicas - 1);
  }

  @Test
  void rollingUpdateStartsTheNewPodBeforeStoppingAnOldOne() {
    assertThat(at(deployment, "spec", "strategy", "type")).isEqualTo("RollingUpdate");
    assertThat(at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0);
    assertThat(at(deployment, "spec", "strategy", "rollingUpdate", "maxSurge")).isEqualTo(1);
  }

  @Test
  void haproxyChecksReadinessAndBalancesOverEveryComposeReplica() {
    List<String> lines = DeploymentFiles.haproxyLines();
    assertThat(lines)
        .contains(
            "option httpchk",
            "http-check send meth GET uri " + READINESS,
            "http-check expect status 200",
            "balance roundrobin",
            "retry-on conn-failure empty-response")
        .anyMatch(line -> line.startsWith("option redispatch"))
        .anyMatch(line -> line.matches("retries [1-9]"))
        .anyMatch(line -> line.matches("default-server .*\\bcheck\\b.*"))
        .anyMatch(line -> line.matches("timeout (connect|client|server) \\d+s"));

    Set<String> backends = new LinkedHashSet<>();
    lines.stream()
        .filter(line -> line.startsWith("server "))
        .forEach(line -> backends.add(line.split("\\s+")[2].split(":")[0]));
    assertThat(backends)
        .containsExactlyInAnyOrderElementsOf(DeploymentFiles.composeServers(compose).keySet())
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(list(at(compose, "services", "haproxy", "volumes")))
        .contains("./haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
  }

  @Test
  void haproxyAcceptsItsConfiguration() throws Exception {
    Path haproxy = Path.of("/usr/sbin/haproxy");
    Assumptions.assumeTrue(
        Files.isExecutable(haproxy), "HAProxy (Debian's haproxy) is not installed: not checked");
    Process check =
        new ProcessBuilder(
                haproxy.toString(),
                "-c",
                "-f",
                DeploymentFiles.DEPLOY.resolve("haproxy/haproxy.cfg").toString())
            .redirectErrorStream(true)
            .start();
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output).contains("Configuration file is valid");
  }

  @Test
  void writableVolumesSitWhereTheServerWrites() {
    assertThat(at(server, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
    Map<String, Object> mounts = new LinkedHashMap<>();
    maps(server.get("volumeMounts")).forEach(m -> mounts.put(m.get("mountPath").toString(), m));
    String dataDir = kubernetesEnvironment.get("STOMACDS_DATA_DIR").toString();
    assertThat(mounts).containsKeys("/tmp", dataDir);
    assertThat(volume(at(mounts.get(dataDir), "name").toString())).containsKey("emptyDir");

    DeploymentFiles.composeServers(compose)
        .forEach(
            (name, s) -> {
              assertThat(s.get("read_only")).isEqualTo(true);
              assertThat(list(s.get("tmpfs"))).contains("/tmp");
              String data = DeploymentFiles.composeEnvironment(s).get("STOMACDS_DATA_DIR");
              assertThat(list(s.get("volumes"))).contains(name + "-data:" + data);
            });
  }

  @Test
  void everyFileRunsTheImageThisBuildMakes() {
    Matcher version =
        Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
            .matcher(DeploymentFiles.read(DeploymentFiles.ROOT.resolve("server/pom.xml")));
    assertThat(version.find()).isTrue();
    String image = "stomacds/server:" + version.group(1);

    assertThat(server.get("image")).isEqualTo(image);
    if (pod.get("initContainers") != null) {
      assertThat(maps(pod.get("initContainers")))
          .allSatisfy(c -> assertThat(c.get("image")).isEqualTo(image));
    }
    map(compose.get("services"))
        .forEach(
            (name, s) -> {
              Object used = map(s).get("image");
              if (used.toString().startsWith("stomacds/")) {
                assertThat(used).as(name).isEqualTo(image);
              }
            });
    assertThat(at(compose, "services", "postgres", "image")).isEqualTo("postgres:15");
    assertThat(at(compose, "services", "haproxy", "image").toString()).startsWith("haproxy:2.");
  }

  private Map<String, String> environmentOfFirstComposeServer() {
    return DeploymentFiles.composeEnvironment(
        DeploymentFiles.composeServers(compose).values().iterator().next());
  }

  private Map<String, Object> volume(String name) {
    return DeploymentFiles.volume(pod, name);
  }
}
