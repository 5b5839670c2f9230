package org.stomacds.engine.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.DefaultRuleEngine;
import org.stomacds.engine.EvaluationRequest;
import org.stomacds.engine.findings.Finding;

/**
 * The default pack loaded from a copy on disk with one more fee-schedule row (44320, global 010,
 * deliberately unlike the supplement's 090), as an operator would add a fuller fee schedule: a data
 * change, not a code change, and the fee schedule's row wins over the supplement's.
 */
final class DefaultRuleEngineWithGlobals {

  private static DefaultRuleEngineWithGlobals instance;
  private final DefaultRuleEngine engine;

  private DefaultRuleEngineWithGlobals(DefaultRuleEngine engine) {
    this.engine = engine;
  }

  static synchronized DefaultRuleEngineWithGlobals get() {
    if (instance == null) {
      try {
        Path folder = Files.createTempDirectory("pack");
        Path pack = PackFolders.copy44405(folder);
        Path data = folder.resolve("data");
        // The CY 2025 rows without 44320, so that the appended 2024 row is the fee schedule's.
        String rows2025 = TestFiles.text("rules/data/pfs-rvu-2025.csv");
        Files.writeString(
            data.resolve("pfs-rvu-2025.csv"), rows2025.replaceAll("(?m)^44320,.*\\R", ""));
        Files.writeString(
            data.resolve("pfs-rvu-2024jul.csv"),
            "44320,,A,0,0,0,0,0,0,0,010,2,0,0,0,0,,33.2875\n",
            java.nio.file.StandardOpenOption.APPEND);
        instance =
            new DefaultRuleEngineWithGlobals(
                DefaultRuleEngine.builder()
                    .terminology(org.stomacds.engine.Engines.terminology())
                    .ruleFile(pack)
                    .build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  List<Finding> evaluate(CaseBuilder c) {
    return engine
        .evaluate(new EvaluationRequest(c.resources(), EnumSet.of(Stage.CLAIM), Set.of()))
        .findings();
  }
}
