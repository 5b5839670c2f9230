package org.stomacds.server.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * What deploy/compose.yaml runs in the image for class-data sharing: the one-shot {@code
 * cds-archive} service's dump command and the {@code JAVA_TOOL_OPTIONS} of its server replicas
 * (held consistent with each other by {@code ClassDataSharingFilesTest}), so that {@link
 * ImageStartIT} runs exactly what an operator's compose runs.
 */
final class ComposeFile {

  /** Tests run in {@code server/}. */
  private static final Path COMPOSE =
      Path.of("..", "deploy", "compose.yaml").toAbsolutePath().normalize();

  private ComposeFile() {}

  /** The {@code cds-archive} service's entrypoint: the dump command. */
  static List<String> dumpCommand() throws IOException {
    Object entrypoint = service("cds-archive").get("entrypoint");
    if (!(entrypoint instanceof List<?> command) || command.isEmpty()) {
      throw new AssertionError("no entrypoint list for cds-archive in " + COMPOSE);
    }
    return command.stream().map(Object::toString).toList();
  }

  /** {@code JAVA_TOOL_OPTIONS} of the first server replica ({@code server-1}). */
  static String replicaJavaToolOptions() throws IOException {
    Object environment = service("server-1").get("environment");
    if (environment instanceof Map<?, ?> variables
        && variables.get("JAVA_TOOL_OPTIONS") instanceof String options) {
      return options;
    }
    throw new AssertionError("no JAVA_TOOL_OPTIONS for server-1 in " + COMPOSE);
  }

  /** The value of {@code prefix...} in a command line. */
  static String option(List<String> command, String prefix) {
    return command.stream()
        .filter(a -> a.startsWith(prefix))
        .map(a -> a.substring(prefix.length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " in " + command));
  }

  private static Map<?, ?> service(String name) throws IOException {
    Map<?, ?> compose = new Yaml().load(Files.readString(COMPOSE));
    if (compose.get("services") instanceof Map<?, ?> services
        && services.get(name) instanceof Map<?, ?> service) {
      return service;
    }
    throw new AssertionError("no service " + name + " in " + COMPOSE);
  }
}
