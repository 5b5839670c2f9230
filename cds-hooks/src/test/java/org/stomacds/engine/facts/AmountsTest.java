package org.stomacds.engine.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AmountsTest {

  private static List<Amounts.Amount> parse(String text) {
    return Amounts.parse(text);
  }

  @Test
  void aStagedBalloonGivesEachSizeWithTheUnitThatFollowsTheSeries() {
    assertThat(parse("CRE wireguided balloon 15-16.5-18 mm"))
        .containsExactly(
            new Amounts.Amount(15, "mm"),
            new Amounts.Amount(16.5, "mm"),
            new Amounts.Amount(18, "mm"));
    assertThat(parse("18/19/20mm")).extracting(Amounts.Amount::unit).containsOnly("mm");
    assertThat(parse("15 to 18 mm")).hasSize(2);
  }

  @Test
  void aFrenchSizeIsItsCircumferenceSoADiameterOfAThird() {
    assertThat(Amounts.millimetres(parse("54 Fr").get(0))).isEqualTo(18.0);
    assertThat(Amounts.millimetres(new Amounts.Amount(54, Amounts.unit("[Ch]")))).isEqualTo(18.0);
    assertThat(Amounts.millimetres(new Amounts.Amount(54, Amounts.unit("[French]"))))
        .isEqualTo(18.0);
    assertThat(Amounts.millimetres(new Amounts.Amount(1.8, "cm"))).isEqualTo(18.0);
    assertThat(Amounts.millimetres(new Amounts.Amount(3, "s"))).isNaN();
  }

  @Test
  void readsCountsWrittenAsTimesSignsAnnotationsOrWords() {
    assertThat(Amounts.count(parse("x3").get(0))).isEqualTo(3);
    assertThat(Amounts.count(parse("3x").get(0))).isEqualTo(3);
    assertThat(Amounts.count(parse("three").get(0))).isEqualTo(3);
    assertThat(Amounts.count(parse("3 inflations").get(0))).isEqualTo(3);
    assertThat(Amounts.count(new Amounts.Amount(3, Amounts.unit("{count}")))).isEqualTo(3);
    assertThat(Amounts.count(new Amounts.Amount(3, Amounts.unit("1")))).isEqualTo(3);
    assertThat(Amounts.count(parse("18 mm").get(0))).isEqualTo(-1);
    assertThat(Amounts.count(new Amounts.Amount(2.5, ""))).isEqualTo(-1);
  }

  @Test
  void readsDurationsInSecondsMinutesAndPrimes() {
    assertThat(Amounts.seconds(parse("60 sec").get(0))).isEqualTo(60.0);
    assertThat(Amounts.seconds(parse("1 min").get(0))).isEqualTo(60.0);
    assertThat(Amounts.seconds(parse("45\"").get(0))).isEqualTo(45.0);
    assertThat(Amounts.minutes(parse("29 minutes").get(0))).isEqualTo(29.0);
  }

  @Test
  void takesTheUnitALabelNames() {
    assertThat(Amounts.unitOfLabel("Balloon diameter (mm)")).isEqualTo("mm");
    assertThat(Amounts.unitOfLabel("inflationTimeSec")).isEqualTo("s");
    assertThat(Amounts.unitOfLabel("Number of inflations")).isEmpty();
  }

  @Test
  void readsOnlyTheStartOfALongTextAndNeverThrows() {
    String longText = "1 mm ".repeat(10_000);
    assertThat(parse(longText)).hasSizeLessThanOrEqualTo(Amounts.MAX_TEXT / 4);
    assertThat(parse("99999999999999999999999 mm")).isNotEmpty();
    assertThat(parse("-.-/ to mm x")).isEmpty();
    assertThat(parse(null)).isEmpty();
  }
}
