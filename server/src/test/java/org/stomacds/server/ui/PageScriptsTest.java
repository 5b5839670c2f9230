package org.stomacds.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The unit tests of the pages' own scripts (the Markdown renderer, request building, payer
 * rewriting) in {@code src/test/e2e/unit}, run with Node's test runner. No browser needed.
 */
class PageScriptsTest {

  @Test
  void pageScriptsPassTheirUnitTests() throws Exception {
    NodeTools.requireOrSkip(NodeTools.missingForUnitTests(), "page script unit tests");

    NodeTools.Result result = NodeTools.run(List.of("node", "--test", "unit/"), 300);

    result.output().lines().filter(line -> line.startsWith("# ")).forEach(System.out::println);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).containsPattern("# pass [1-9]").contains("# fail 0");
  }
}
