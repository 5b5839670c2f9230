package org.stomacds.engine.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtfTextTest {

  private static String text(String rtf) {
    return RtfText.toText(rtf.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void readsParagraphsAndDropsFormatting() {
    String rtf =
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}"
            + "{\\colortbl;\\red0\\green0\\blue0;}"
            + "{\\stylesheet{\\s0 Normal;}}"
            + "{\\info{\\author Dr. Okafor}{\\title Op note}}"
            + "\\pard\\plain\\f0\\fs20 {\\b PROCEDURE:} Colonoscopy through the colostomy.\\par "
            + "Dilated with an 18 mm balloon x3.\\line Held 60 seconds each.\\par}";
    assertThat(text(rtf))
        .isEqualTo(
            "PROCEDURE: Colonoscopy through the colostomy.\n"
                + "Dilated with an 18 mm balloon x3.\nHeld 60 seconds each.\n");
  }

  @Test
  void decodesHexEscapesInTheDocumentsCodePage() {
    assertThat(text("{\\rtf1\\ansi\\ansicpg1252 Lumen \\'9318 mm\\'94, 5\\'b0C\\par}"))
        .isEqualTo("Lumen \u201C18 mm\u201D, 5\u00B0C\n");
  }

  @Test
  void readsUnicodeEscapesAndSkipsTheirFallback() {
    assertThat(text("{\\rtf1\\ansi\\uc1 dilated \\u8805\\'3f 18 mm}"))
        .isEqualTo("dilated \u2265 18 mm");
    assertThat(text("{\\rtf1\\uc2 a\\u-3913??b}")).isEqualTo("a\uF0B7b");
    assertThat(text("{\\rtf1\\uc0 x\\u955 y}")).isEqualTo("x\u03BBy");
  }

  @Test
  void skipsPicturesObjectsHeadersFieldInstructionsAndStarredDestinations() {
    String rtf =
        "{\\rtf1{\\header Page 1}{\\*\\generator Epic;}"
            + "{\\pict\\pngblip 89504e470d0a1a0a0000000d4948445200}"
            + "{\\*\\bkmkstart x}{\\field{\\*\\fldinst HYPERLINK \"x\"}{\\fldrslt Balloon 18 mm}}"
            + "{\\object{\\*\\objdata 0102}}"
            + " done}";
    assertThat(text(rtf)).isEqualTo("Balloon 18 mm done");
  }

  @Test
  void readsEscapedBracesBackslashesAndTableCells() {
    assertThat(text("{\\rtf1 a\\{b\\}c\\\\d\\tab e\\cell f\\row}")).isEqualTo("a{b}c\\d\te\tf\n");
  }

  @Test
  void skipsBinaryDataWithoutReadingItAsText() {
    assertThat(text("{\\rtf1 {\\pict\\bin4 {}\\x}after}")).isEqualTo("after");
    assertThat(text("{\\rtf1 a\\bin3 xyzb}")).isEqualTo("ab");
  }

  @Test
  void tellsRtfByItsFirstBytes() {
    assertThat(RtfText.isRtf("  {\\rtf1 x}".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(RtfText.isRtf("{\\rt".getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(RtfText.isRtf("<html>".getBytes(StandardCharsets.US_ASCII))).isFalse();
  }

  @Test
  void isBoundedOnDeepNestingLongOutputAndMalformedInput() {
    String deep = "{\\rtf1 " + "{".repeat(100_000) + "x" + "}".repeat(100_000) + " end}";
    assertThat(text(deep)).isEqualTo(" end");
    String big = "{\\rtf1 " + "a".repeat(RtfText.MAX_OUTPUT + 1000) + "}";
    assertThat(text(big)).hasSize(RtfText.MAX_OUTPUT);
    for (String bad :
        new String[] {
          "{\\rtf1 \\",
          "{\\rtf1 \\'",
          "{\\rtf1 \\'zz",
          "{\\rtf1 }}}}}",
          "{\\rtf1 \\u99999999999 x",
          "{\\rtf1 \\bin99999999999",
          "{\\rtf1 \\uc-5 \\u65 ab"
        }) {
      assertThatCode(() -> text(bad)).as(bad).doesNotThrowAnyException();
    }
  }
}
