package org.stomacds.cds.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

  @Test
  void quotedNoteTextCannotBuildHtmlLinksOrNewBlocks() {
    String hostile =
        "<script>alert(1)</script> [click](javascript:x) ![i](http://x) **b**\n# Heading &amp;";

    String escaped = MarkdownText.escape(hostile);

    assertThat(escaped).doesNotContain("\n");
    assertThat(escaped).contains("\\<script\\>");
    assertThat(escaped).contains("\\[click\\]");
    assertThat(escaped).contains("\\!\\[i\\]");
    assertThat(escaped).contains("\\*\\*b\\*\\*");
    assertThat(escaped).contains("\\&amp;");
    // every special character is preceded by a backslash
    assertThat(escaped.replaceAll("\\\\[\\\\`*_\\[\\]<>|~&!#]", ""))
        .doesNotContainPattern("[\\\\`*_\\[\\]<>|~&!#]");
  }

  @Test
  void acceptsOnlyPlainHttpUrlsAsLinkTargets() {
    assertThat(MarkdownText.safeUrl("https://www.cms.gov/ncci"))
        .isEqualTo("https://www.cms.gov/ncci");
    assertThat(MarkdownText.safeUrl("javascript:alert(1)")).isNull();
    assertThat(MarkdownText.safeUrl("https://x.org/a) [y](z")).isNull();
  }
}
