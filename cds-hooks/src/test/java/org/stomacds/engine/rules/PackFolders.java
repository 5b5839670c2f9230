package org.stomacds.engine.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shipped 44405 pack copied to a folder in the classpath's layout, to load from disk. */
final class PackFolders {

  static final List<String> SHARED_DATA =
      List.of(
          "ncci-mue-2024q3.csv",
          "pfs-rvu-2024jul.csv",
          "pfs-rvu-2025.csv",
          "global-days-supplement.csv",
          "icd10cm-tabular-notes-fy2025.csv",
          "endoscopy-code-family.csv");

  private PackFolders() {}

  /**
   * Copies {@code rules/packs/cpt-44405/} (pack and own data) and {@code rules/data/} under {@code
   * root}.
   *
   * @return the copied {@code pack.yaml}
   */
  static Path copy44405(Path root) throws IOException {
    Path shared = Files.createDirectories(root.resolve("data"));
    for (String file : SHARED_DATA) {
      if (!Files.exists(shared.resolve(file))) {
        Files.write(shared.resolve(file), TestFiles.resource("rules/data/" + file));
      }
    }
    Path pack = Files.createDirectories(root.resolve("packs/cpt-44405/data"));
    for (String file : List.of("ncci-ptp-44405-2024q3.csv", "dx-44405-supporting-review.csv")) {
      Files.write(pack.resolve(file), TestFiles.resource("rules/packs/cpt-44405/data/" + file));
    }
    Path yaml = root.resolve("packs/cpt-44405/pack.yaml");
    Files.write(yaml, TestFiles.resource("rules/packs/cpt-44405/pack.yaml"));
    return yaml;
  }
}
