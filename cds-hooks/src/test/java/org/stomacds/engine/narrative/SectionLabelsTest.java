package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The section-label table is data; each of its rows carries an example that runs here. */
class SectionLabelsTest {

  static Stream<SectionLabels.Row> rows() {
    return SectionLabels.ROWS.stream();
  }

  @ParameterizedTest
  @MethodSource("rows")
  void everyRowReadsItsOwnExample(SectionLabels.Row row) {
    assertThat(Section.ofLabel(row.example().toLowerCase(Locale.ROOT)))
        .as("%s line %d: '%s'", SectionLabels.FILE, row.line(), row.example())
        .isEqualTo(row.section());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"post-op dx", "final diagnosis", "findings", "impression", "home medications"})
  void readsLabelsNoRowNamesAsOther(String label) {
    assertThat(Section.ofLabel(label)).isEqualTo(Section.OTHER);
  }

  @Test
  void readsTheNarrowerRowFirst() {
    assertThat(Section.ofLabel("sedation start")).isEqualTo(Section.SEDATION_TIME);
    assertThat(Section.ofLabel("discharge medications")).isEqualTo(Section.PLAN);
    assertThat(Section.ofLabel("discharge diagnosis")).isEqualTo(Section.PLAN);
  }

  @Test
  void aBadRowFailsWithItsLine() {
    assertThatThrownBy(
            () ->
                SectionLabels.parse(
                    "# c\nPLAN\tcontains\tplan\t\t\tPlan\nNOPE\tequals\tx\t\t\tX\n"))
        .hasMessageContaining(SectionLabels.FILE + ":3");
    assertThatThrownBy(() -> SectionLabels.parse("PLAN\tcontains\tplan\n"))
        .hasMessageContaining(":1: expected 6");
  }
}
