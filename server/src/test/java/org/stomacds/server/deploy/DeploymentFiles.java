package org.stomacds.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The committed deployment files (deploy/), and what the server reads (its application*.yaml and
 * the README's configuration table), read as the tests of {@link DeploymentFilesTest} need them.
 */
final class DeploymentFiles {

  /** The repository: tests run in {@code server/}. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static final Path DEPLOY = ROOT.resolve("deploy");
  static final Path K8S = DEPLOY.resolve("k8s");
  static final Path RESOURCES = ROOT.resolve("server/src/main/resources");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

  private DeploymentFiles() {}

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> yaml(Path file) {
    Map<String, Object> document = new Yaml().load(read(file));
    assertThat(document).as("%s holds a YAML mapping", file).isNotNull();
    return document;
  }

  static Map<String, Object> compose() {
    return yaml(DEPLOY.resolve("compose.yaml"));
  }

  /** Every document of every manifest in deploy/k8s, but the kustomization. */
  static List<Map<String, Object>> kubernetesObjects() {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Path file : kubernetesManifests()) {
      for (Object document : new Yaml().loadAll(read(file))) {
        if (document != null) {
          objects.add(map(document));
        }
      }
    }
    return objects;
  }

  static List<Path> kubernetesManifests() {
    try (Stream<Path> files = Files.list(K8S)) {
      return files
          .filter(file -> file.toString().endsWith(".yaml"))
          .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> kubernetesObject(String kind, String name) {
    return kubernetesObjects().stream()
        .filter(object -> kind.equals(object.get("kind")))
        .filter(object -> name.equals(at(object, "metadata", "name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
  }

  /** Every text file committed under deploy/ (what an operator copies). */
  static List<Path> deployFiles() {
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's own configuration: application.yaml and its profiles. */
  static List<Path> applicationYamls() {
    try (Stream<Path> files = Files.list(RESOURCES)) {
      return files
          .filter(file -> file.getFileName().toString().matches("application(-[a-z0-9-]+)?\\.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> applicationYaml() {
    return yaml(RESOURCES.resolve("application.yaml"));
  }

  /** Environment variables named in a {@code ${VAR} / ${VAR:default}} of application*.yaml. */
  static Set<String> placeholderVariables() {
    Set<String> variables = new LinkedHashSet<>();
    for (Path file : applicationYamls()) {
      Matcher matcher = PLACEHOLDER.matcher(read(file));
      while (matcher.find()) {
        variables.add(matcher.group(1));
      }
    }
    return variables;
  }

  /** Keys that application*.yaml declare, flattened ({@code spring.datasource.hikari...}). */
  static Set<String> applicationKeys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Path file : applicationYamls()) {
      flatten("", yaml(file), keys);
    }
    return keys;
  }

  static Set<String> keys(Map<String, Object> document) {
    Set<String> keys = new LinkedHashSet<>();
    flatten("", document, keys);
    return keys;
  }

  private static void flatten(String prefix, Map<String, Object> node, Set<String> keys) {
    node.forEach(
        (name, value) -> {
          String key = prefix.isEmpty() ? name : prefix + "." + name;
          if (value instanceof Map<?, ?> child) {
            flatten(key, map(child), keys);
          } else {
            keys.add(key);
          }
        });
  }

  /** The keys of the README's configuration table (its "key" column), the operator's contract. */
  static Set<String> readmeConfigurationKeys() {
    String readme = read(ROOT.resolve("README.md"));
    int start = readme.indexOf("\n## Configuration");
    assertThat(start).as("README has a Configuration section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    Set<String> keys = new LinkedHashSet<>();
    for (String line : readme.substring(start, end).split("\n")) {
      String[] columns = line.split("\\|");
      if (line.startsWith("|") && columns.length > 3) {
        Matcher key = Pattern.compile("`([a-z][a-z0-9.-]+)`").matcher(columns[2]);
        if (key.find()) {
          keys.add(key.group(1));
        }
      }
    }
    assertThat(keys).as("keys of the README's configuration table").isNotEmpty();
    return keys;
  }

  /** The value at a path of mapping keys, or null. */
  static Object at(Object node, String... path) {
    Object current = node;
    for (String step : path) {
      if (!(current instanceof Map<?, ?> mapping)) {
        return null;
      }
      current = mapping.get(step);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    assertThat(node).as("a YAML mapping").isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    assertThat(node).as("a YAML list").isInstanceOf(List.class);
    return (List<Object>) node;
  }

  static List<Map<String, Object>> maps(Object node) {
    return list(node).stream().map(DeploymentFiles::map).toList();
  }

  /** A compose {@code environment:}, as a map whether written as a map or as a list of K=V. */
  static Map<String, String> composeEnvironment(Map<String, Object> service) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object declared = service.get("environment");
    if (declared instanceof Map<?, ?> mapping) {
      mapping.forEach((name, value) -> environment.put(name.toString(), String.valueOf(value)));
    } else if (declared != null) {
      for (Object entry : list(declared)) {
        String[] pair = entry.toString().split("=", 2);
        environment.put(pair[0], pair.length > 1 ? pair[1] : null);
      }
    }
    return environment;
  }

  /** The compose services running the stomacds server (not its one-shot archive step). */
  static Map<String, Map<String, Object>> composeServers(Map<String, Object> compose) {
    Map<String, Map<String, Object>> servers = new LinkedHashMap<>();
    map(compose.get("services"))
        .forEach(
            (name, service) -> {
              Map<String, Object> definition = map(service);
              if (String.valueOf(definition.get("image")).startsWith("stomacds/server:")
                  && definition.get("entrypoint") == null) {
                servers.put(name, definition);
              }
            });
    return servers;
  }

  /** The pod template's spec of a Deployment. */
  static Map<String, Object> podSpec(Map<String, Object> deployment) {
    return map(at(deployment, "spec", "template", "spec"));
  }

  static Map<String, Object> container(Map<String, Object> podSpec, String name) {
    return maps(podSpec.get("containers")).stream()
        .filter(container -> name.equals(container.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name));
  }

  /** The server's environment in Kubernetes: its ConfigMaps (envFrom) and its own env entries. */
  static Map<String, Object> kubernetesEnvironment(Map<String, Object> container) {
    Map<String, Object> environment = new LinkedHashMap<>();
    Object envFrom = container.get("envFrom");
    if (envFrom != null) {
      for (Map<String, Object> source : maps(envFrom)) {
        Object configMap = at(source, "configMapRef", "name");
        assertThat(configMap).as("envFrom names ConfigMaps only (no Secret wholesale)").isNotNull();
        Object data = at(kubernetesObject("ConfigMap", configMap.toString()), "data");
        map(data).forEach(environment::put);
      }
    }
    Object env = container.get("env");
    if (env != null) {
      for (Map<String, Object> entry : maps(env)) {
        Object value = entry.containsKey("value") ? entry.get("value") : entry.get("valueFrom");
        environment.put(entry.get("name").toString(), value);
      }
    }
    return environment;
  }

  /** The lines of the HAProxy configuration, comments and blank lines left out, trimmed. */
  static List<String> haproxyLines() {
    return read(DEPLOY.resolve("haproxy/haproxy.cfg"))
        .lines()
        .map(String::trim)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** Keys the server declares: application*.yaml and the README's configuration table. */
  static Set<String> serverKeys() {
    Set<String> keys = new LinkedHashSet<>(applicationKeys());
    keys.addAll(readmeConfigurationKeys());
    return keys;
  }

  static Map<String, Object> volume(Map<String, Object> podSpec, String name) {
    return maps(podSpec.get("volumes")).stream()
        .filter(v -> name.equals(v.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  /** The default of a {@code ${VAR:default}} value in application.yaml, or the value itself. */
  static String defaultOf(String... path) {
    String value = at(applicationYaml(), path).toString();
    Matcher placeholder = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}").matcher(value);
    return placeholder.matches() ? placeholder.group(1) : value;
  }

  static Duration duration(Object value) {
    assertThat(value).as("a duration").isNotNull();
    return DurationStyle.detectAndParse(value.toString());
  }

  /** The word after {@code after} in a line ({@code inter 2s} gives 2s). */
  static String word(String line, String after) {
    Matcher matcher = Pattern.compile("\\b" + after + "\\s+(\\S+)").matcher(line);
    assertThat(matcher.find()).as("%s in %s", after, line).isTrue();
    return matcher.group(1);
  }

  /** Whether Spring Boot binds the variable to one of the keys (relaxed binding, as it runs). */
  static boolean bindsToAny(String variable, Set<String> keys) {
    StandardEnvironment environment = new StandardEnvironment();
    MutablePropertySources sources = environment.getPropertySources();
    sources.forEach(source -> sources.remove(source.getName()));
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(variable, "probe")));
    ConfigurationPropertySources.attach(environment);
    return keys.stream().anyMatch(key -> "probe".equals(environment.getProperty(key)));
  }
}
