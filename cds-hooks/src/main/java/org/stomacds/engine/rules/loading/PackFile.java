package org.stomacds.engine.rules.loading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stomacds.engine.rules.yaml.YamlFiles;
import org.stomacds.engine.rules.yaml.YamlMap;

/**
 * One rule file as read, and where the files it names are found: its data files and the pack it
 * extends, relative to its own folder (on the classpath or on disk), or {@code classpath:...} for a
 * file of the application's own packs.
 */
final class PackFile {

  /** The prefix naming a file on the classpath from a pack on disk. */
  static final String CLASSPATH = "classpath:";

  private final YamlMap root;
  private final String label;
  private final String resourceFolder;
  private final Path folder;

  private PackFile(YamlMap root, String label, String resourceFolder, Path folder) {
    this.root = root;
    this.label = label;
    this.resourceFolder = resourceFolder;
    this.folder = folder;
  }

  static PackFile resource(String resource) {
    String path =
        resource.startsWith(CLASSPATH) ? resource.substring(CLASSPATH.length()) : resource;
    String label = CLASSPATH + path;
    int slash = path.lastIndexOf('/');
    return new PackFile(
        YamlFiles.readResource(path, label),
        label,
        slash < 0 ? "" : path.substring(0, slash + 1),
        null);
  }

  static PackFile file(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return new PackFile(
        YamlFiles.readFile(absolute), absolute.toString(), null, absolute.getParent());
  }

  YamlMap root() {
    return root;
  }

  String label() {
    return label;
  }

  /** The file another file names ({@code extends:}), relative to this one unless classpath. */
  PackFile resolve(String reference) {
    if (reference.startsWith(CLASSPATH)) {
      return resource(reference);
    }
    if (folder != null) {
      return file(folder.resolve(reference));
    }
    return resource(normalize(resourceFolder + reference));
  }

  /** Opens a data file named relative to this file; null when there is none. */
  BufferedReader open(String file) throws IOException {
    if (folder != null) {
      Path path = folder.resolve(file).normalize();
      return Files.isRegularFile(path)
          ? Files.newBufferedReader(path, StandardCharsets.UTF_8)
          : null;
    }
    InputStream in =
        PackFile.class.getClassLoader().getResourceAsStream(normalize(resourceFolder + file));
    return in == null
        ? null
        : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The name of a data file for messages. */
  String name(String file) {
    return folder != null
        ? folder.resolve(file).normalize().toString()
        : CLASSPATH + normalize(resourceFolder + file);
  }

  /** {@code rules/packs/a/../../data/x.csv} is {@code rules/data/x.csv} (class loaders need it). */
  static String normalize(String path) {
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new IllegalArgumentException("'" + path + "' leaves the classpath root");
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }
}
