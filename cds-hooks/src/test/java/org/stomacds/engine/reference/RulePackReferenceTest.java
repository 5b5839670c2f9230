package org.stomacds.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.Engines;
import org.stomacds.engine.rules.CheckKind;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.RulePack;

/** The committed reference is what the generator writes from the rule file now. */
class RulePackReferenceTest {

  static final String REGENERATE = "stomacds.regenerate-reference";

  /** The repository root: surefire runs in the module folder. */
  private static Path reference(RulePack pack) {
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("cds-hooks")) ? here : here.getParent();
    return root.resolve("docs").resolve(RulePackReference.fileName(pack));
  }

  @Test
  void theCommittedReferenceOfEveryPackIsCurrent() throws IOException {
    for (RulePack pack : Engines.standard().packs()) {
      checkCurrent(pack);
    }
  }

  private static void checkCurrent(RulePack pack) throws IOException {
    String generated = RulePackReference.markdown(pack);
    Path file = reference(pack);
    if (Boolean.getBoolean(REGENERATE)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    if (!Files.exists(file)) {
      fail(
          file
              + " is missing. Generate it: mvn -pl cds-hooks test -Dtest=RulePackReferenceTest -D"
              + REGENERATE
              + "=true");
    }
    String committed = Files.readString(file, StandardCharsets.UTF_8);
    if (!committed.equals(generated)) {
      fail(
          file
              + " is out of date with the rule file. Regenerate it and commit the result:\n"
              + "  mvn -pl cds-hooks test -Dtest=RulePackReferenceTest -D"
              + REGENERATE
              + "=true");
    }
  }

  @Test
  void theReferenceListsEveryRuleKindSourceAndDataFile() {
    RulePack pack = Engines.standard().packFor("44405").orElseThrow();
    String markdown = RulePackReference.markdown(pack);
    assertThat(markdown).contains("version " + pack.version());
    for (CheckKind kind : CheckKind.values()) {
      assertThat(markdown).contains("| `" + kind.id() + "` |");
    }
    for (RuleDefinition rule : pack.rules()) {
      assertThat(markdown).contains("### `" + rule.id() + "`");
    }
    pack.overlays()
        .forEach(
            o -> o.rules().forEach(r -> assertThat(markdown).contains("#### `" + r.id() + "`")));
    assertThat(markdown).contains("data/ncci-ptp-44405-2024q3.csv").contains("2024-09-30");
    assertThat(markdown)
        .contains("## Card wording by check kind")
        .contains("### `documentation-element`")
        .contains("- `not-given`: The procedure documentation does not give the {element}.");
  }
}
