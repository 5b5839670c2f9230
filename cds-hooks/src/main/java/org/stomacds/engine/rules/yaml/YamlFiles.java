package org.stomacds.engine.rules.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML file as a tree of nodes that keep their line numbers. Only the node tree is built:
 * no Java objects are constructed from the file, so no tag in it can instantiate anything.
 */
public final class YamlFiles {

  private YamlFiles() {}

  /** Reads a classpath resource; {@code label} is the name errors use. */
  public static YamlMap readResource(String resource, String label) {
    InputStream in = YamlFiles.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new RuleFileException(label, 0, "not found on the classpath");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(reader, label);
    } catch (IOException e) {
      throw new RuleFileException(label, 0, "cannot be read: " + e.getMessage(), e);
    }
  }

  public static YamlMap readFile(Path path) {
    String label = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new RuleFileException(label, 0, "no such file");
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(reader, label);
    } catch (IOException e) {
      throw new RuleFileException(label, 0, "cannot be read: " + e.getMessage(), e);
    }
  }

  public static YamlMap read(Reader reader, String label) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Node root;
    try {
      root = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new RuleFileException(label, line, "not valid YAML: " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new RuleFileException(label, 0, "not valid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      throw new RuleFileException(label, 1, "the file is empty");
    }
    return new YamlNode(label, root).asMap();
  }
}
