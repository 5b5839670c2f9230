package org.stomacds.engine.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stomacds.engine.documentation.DocumentationElement;

/** The structured-label table is data; each of its rows carries an example that runs here. */
class DocumentationLabelsTest {

  static Stream<DocumentationLabels.Row> rows() {
    return DocumentationLabels.ROWS.stream();
  }

  @ParameterizedTest
  @MethodSource("rows")
  void everyRowReadsItsOwnExample(DocumentationLabels.Row row) {
    DocumentationLabels.Match match;
    if (row.code()) {
      // A code row's code is enough: its example is only the code's display.
      match =
          DocumentationLabels.of(new CodeableConcept(new Coding(row.system(), row.text(), null)));
    } else {
      match = DocumentationLabels.of(new CodeableConcept().setText(row.example()));
    }
    assertThat(match)
        .as("%s line %d: '%s'", DocumentationLabels.FILE, row.line(), row.example())
        .isEqualTo(row.match());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Inflation pressure (atm)",
        "Balloon manufacturer",
        "Heart rate",
        "Medication route",
        "Estimated blood loss (mL)",
        "Balloon length (cm)"
      })
  void readsLabelsNoRowNamesAsNoElement(String label) {
    assertThat(DocumentationLabels.ofLabel(label)).isNull();
  }

  @Test
  void readsALocalCodeByItsDisplayWhenItHasNoText() {
    CodeableConcept local =
        new CodeableConcept(
            new Coding(
                "urn:oid:1.2.840.114350.1.13.0.1.7.2.707679",
                "3040101234",
                "Number of inflations"));
    assertThat(DocumentationLabels.of(local).element())
        .isEqualTo(DocumentationElement.INFLATION_COUNT);
  }

  @Test
  void readsLinkIdsWrittenInCamelCaseOrWithUnderscores() {
    assertThat(DocumentationLabels.ofLabel("balloonDiameterMm").element())
        .isEqualTo(DocumentationElement.BALLOON_DIAMETER);
    assertThat(DocumentationLabels.ofLabel("inflation_time_sec").element())
        .isEqualTo(DocumentationElement.INFLATION_DURATION);
    assertThat(DocumentationLabels.ofLabel("# of inflations").element())
        .isEqualTo(DocumentationElement.INFLATION_COUNT);
  }

  @Test
  void aNarrowerRowWinsOverAWiderOne() {
    assertThat(DocumentationLabels.ofLabel("Sedation start time"))
        .isEqualTo(new DocumentationLabels.Match(DocumentationElement.SEDATION_TIMES, "start"));
    assertThat(DocumentationLabels.ofLabel("Number of balloon inflations").element())
        .isEqualTo(DocumentationElement.INFLATION_COUNT);
    assertThat(DocumentationLabels.ofLabel("Balloon inflation time").element())
        .isEqualTo(DocumentationElement.INFLATION_DURATION);
  }

  @Test
  void ourOwnCodeSystemNeedsNoRow() {
    Coding ours = new Coding(CodeSystems.DOCUMENTATION_ELEMENT, "pre-dilation-lumen", null);
    assertThat(DocumentationLabels.ofCoding(ours).element())
        .isEqualTo(DocumentationElement.PRE_DILATION_LUMEN);
    assertThat(DocumentationLabels.ofCoding(new Coding("http://loinc.org", "8867-4", null)))
        .isNull();
  }

  @Test
  void aBadRowFailsWithItsLine() {
    assertThatThrownBy(
            () ->
                DocumentationLabels.parse(
                    "# c\nindication\t-\twords\tindication\t\tIndication\nnope\t-\twords\tx\t\tX\n"))
        .hasMessageContaining(DocumentationLabels.FILE + ":3")
        .hasMessageContaining("unknown documentation element");
    assertThatThrownBy(() -> DocumentationLabels.parse("indication\t-\twords\n"))
        .hasMessageContaining(":1: expected 6");
    assertThatThrownBy(
            () ->
                DocumentationLabels.parse("indication\t-\tcode\thttp://loinc.org\t\tIndication\n"))
        .hasMessageContaining("system|code");
    assertThatThrownBy(
            () -> DocumentationLabels.parse("indication\tstart\twords\tindication\t\tIndication\n"))
        .hasMessageContaining("part 'start'");
  }
}
