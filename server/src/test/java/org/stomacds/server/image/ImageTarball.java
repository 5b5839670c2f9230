package org.stomacds.server.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A container image as Jib's {@code buildTar} writes it (the {@code docker save} layout: {@code
 * manifest.json}, the config JSON it names, one {@code .tar.gz} per layer), unpacked the way a
 * container runtime does it: the layers extracted in order into one root file system, and the
 * config's entrypoint, command, environment, user and working directory read back.
 *
 * <p>GNU tar does the extracting, as root, so modes and owners are what the layers say.
 */
final class ImageTarball {

  /** What the image's config says about the process it runs. */
  record Config(
      List<String> entrypoint,
      List<String> cmd,
      Map<String, String> env,
      String user,
      String workingDir,
      List<String> exposedPorts,
      List<String> volumes) {

    int uid() {
      return Integer.parseInt(user.split(":")[0]);
    }

    int gid() {
      String[] parts = user.split(":");
      return Integer.parseInt(parts.length > 1 ? parts[1] : parts[0]);
    }
  }

  private final Config config;
  private final List<String> layers;

  private ImageTarball(Config config, List<String> layers) {
    this.config = config;
    this.layers = layers;
  }

  /**
   * Unpacks {@code tarball} into {@code work}: the image's files in {@code work/image}, its root
   * file system in {@code work/rootfs} (both emptied first).
   */
  static ImageTarball unpack(Path tarball, Path work) throws IOException, InterruptedException {
    Path image = work.resolve("image");
    Path rootfs = work.resolve("rootfs");
    deleteTree(work);
    Files.createDirectories(image);
    Files.createDirectories(rootfs);
    tar("-xf", tarball.toString(), "-C", image.toString());

    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(image.resolve("manifest.json").toFile());
    if (!manifest.isArray() || manifest.size() != 1) {
      throw new IllegalStateException("manifest.json should describe one image: " + manifest);
    }
    List<String> layers = new ArrayList<>();
    manifest.get(0).get("Layers").forEach(l -> layers.add(l.asText()));
    for (String layer : layers) {
      // Layers in order, later files over earlier ones; Jib writes no whiteout files.
      tar(
          "--warning=no-unknown-keyword",
          "-xzf",
          image.resolve(layer).toString(),
          "-C",
          rootfs.toString());
    }
    JsonNode config =
        json.readTree(image.resolve(manifest.get(0).get("Config").asText()).toFile()).get("config");
    return new ImageTarball(readConfig(config), List.copyOf(layers));
  }

  private static Config readConfig(JsonNode config) {
    Map<String, String> env = new LinkedHashMap<>();
    config
        .path("Env")
        .forEach(
            e -> {
              String s = e.asText();
              int eq = s.indexOf('=');
              env.put(s.substring(0, eq), s.substring(eq + 1));
            });
    List<String> ports = new ArrayList<>();
    config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    List<String> volumes = new ArrayList<>();
    config.path("Volumes").fieldNames().forEachRemaining(volumes::add);
    return new Config(
        strings(config.path("Entrypoint")),
        strings(config.path("Cmd")),
        env,
        config.path("User").asText("0:0"),
        config.path("WorkingDir").asText("/"),
        ports,
        volumes);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  Config config() {
    return config;
  }

  List<String> layers() {
    return layers;
  }

  private static void tar(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("tar");
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  /** Deletes a directory tree (the unpacked image: hundreds of megabytes). */
  static void deleteTree(Path dir) throws IOException, InterruptedException {
    if (Files.exists(dir)) {
      Process p = new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString()).start();
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException("could not delete " + dir);
      }
    }
  }
}
