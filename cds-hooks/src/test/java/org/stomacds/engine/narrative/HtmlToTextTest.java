package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlToTextTest {

  @Test
  void dropsTagsScriptsStylesAndComments() {
    String html =
        "<html><head><title>t</title><style>p{color:red}</style></head><body>"
            + "<script>var balloon = '99 mm';</script><!-- 77 mm --><p>Dilated to <b>15</b>"
            + " mm.</p></body></html>";
    assertThat(NoteReader.htmlToText(html)).isEqualTo("Dilated to 15 mm.");
  }

  @Test
  void decodesNamedAndNumericEntitiesToPlainText() {
    assertThat(
            NoteReader.htmlToText("<p>18&ndash;19&#8211;20&nbsp;mm &amp; EBL &lt; 5&#x20;mL</p>"))
        .isEqualTo("18-19-20 mm & EBL < 5 mL");
    assertThat(NoteReader.htmlToText("<p>3 &times; 60&#160;sec, ~\u00bd min &hellip;</p>"))
        .isEqualTo("3 x 60 sec, ~1/2 min ...");
  }

  @Test
  void keepsLineAndParagraphBreaks() {
    String html =
        "<div><h2>Findings</h2><p>Stricture at stoma.<br/>Lumen 6 mm.</p>"
            + "<ul><li>Resume diet</li><li>Follow up</li></ul></div>";
    assertThat(NoteReader.htmlToText(html))
        .isEqualTo("Findings\n\nStricture at stoma.\nLumen 6 mm.\n\n- Resume diet\n- Follow up");
  }

  @Test
  void collapsesSourceWhiteSpaceButKeepsPreformattedText() {
    assertThat(NoteReader.htmlToText("<p>a\n   b\t c</p><pre>x\n  y</pre>"))
        .isEqualTo("a b c\n\nx\n  y");
  }

  @Test
  void separatesTableCells() {
    assertThat(NoteReader.htmlToText("<table><tr><th>Balloon</th><td>15 mm</td></tr></table>"))
        .isEqualTo("Balloon\t15 mm");
  }

  @Test
  void writesEachCellAfterItsColumnHeadingWhenARowOfHeadingsNamesTheColumns() {
    assertThat(
            NoteReader.htmlToText(
                "<table><tr><th>Site</th><th>Lumen before</th><th colspan=\"2\">Balloon</th>"
                    + "<th>Lumen after</th></tr>"
                    + "<tr><td>A</td><td>6 mm</td><td>15 mm</td><td>TTS</td><td>14 mm</td></tr>"
                    + "</table>"))
        .isEqualTo(
            "Site\tLumen before\tBalloon\tLumen after\n"
                + "A\tLumen before: 6 mm\tBalloon: 15 mm\tBalloon: TTS\tLumen after: 14 mm");
  }

  @Test
  void leavesKeyValueTablesAndTablesOfThingsAsTheyAre() {
    assertThat(
            NoteReader.htmlToText(
                "<table><tr><th>Item</th><th>Result</th></tr>"
                    + "<tr><td>Inflations</td><td>3</td></tr></table>"))
        .isEqualTo("Item\tResult\nInflations\t3");
    assertThat(
            NoteReader.htmlToText(
                "<table><tr><th></th><th>Stricture 1</th><th>Stricture 2</th></tr>"
                    + "<tr><td>Lumen before</td><td>7 mm</td><td>11 mm</td></tr></table>"))
        .isEqualTo("Stricture 1\tStricture 2\nLumen before\t7 mm\t11 mm");
  }

  @Test
  void leavesALoneLessThanSignAsText() {
    assertThat(NoteReader.htmlToText("EBL < 5 mL and 3 > 2")).isEqualTo("EBL < 5 mL and 3 > 2");
  }

  @Test
  void readsNullAndEmptyAsEmpty() {
    assertThat(NoteReader.htmlToText(null)).isEmpty();
    assertThat(NoteReader.htmlToText("")).isEmpty();
    assertThat(NoteReader.htmlToText("<div></div>")).isEmpty();
  }

  /** As a browser shows them: a tag cut off by the end of the text is dropped, not its text. */
  @Test
  void survivesAnUnclosedTagAndComment() {
    assertThat(NoteReader.htmlToText("Dilated to 15 mm <b")).isEqualTo("Dilated to 15 mm");
    assertThat(NoteReader.htmlToText("Dilated <!-- to 99 mm")).isEqualTo("Dilated");
  }

  @Test
  void repairsMalformedMarkupAsABrowserDoes() {
    assertThat(
            NoteReader.htmlToText(
                "<P>Lumen 6 mm<p>Dilated to 15 mm<table><tr><td>Sedation<td>MAC</table>"
                    + "<p class=MsoNormal>Complications: none<o:p></o:p>"))
        .isEqualTo("Lumen 6 mm\n\nDilated to 15 mm\n\nSedation\tMAC\n\nComplications: none");
  }

  /** Issue 14: EHRs write any HTML5 entity, not only the common ones. */
  @Test
  void decodesEveryNamedEntityOfHtml() {
    assertThat(
            NoteReader.htmlToText("<p>12 &rarr; 13.5 &rarr; 15 mm &bull; lumen &asymp; 8 mm</p>"))
        .isEqualTo("12 \u2192 13.5 \u2192 15 mm * lumen \u2248 8 mm");
    assertThat(NoteReader.htmlToText("<p>&frac13; &hearts; &CounterClockwiseContourIntegral;</p>"))
        .isEqualTo("\u2153 \u2665 \u2233");
    // HTML5 reads "&amp" without its semicolon as "&", as browsers do.
    assertThat(NoteReader.htmlToText("<p>&nosuchentity; &amp</p>")).isEqualTo("&nosuchentity; &");
  }

  @Test
  void readsSizesWrittenWithEntities() {
    NoteReading r =
        Notes.read(
            NoteReader.htmlToText(
                "<p>Balloon 12 &rarr; 13.5 &rarr; 15 mm, 3 inflations.</p>"
                    + "<p>Post-dilation lumen &asymp; 12 mm.</p>"));
    assertThat(r.balloonDiametersMmExact()).containsExactly(12.0, 13.5, 15.0);
    assertThat(r.postDilationLumenMm()).hasValue(12);
  }
}
