package org.stomacds.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.terminology.Terminology;

class DisplayLanguagesTest {

  private static final DisplayLanguages OURS =
      DisplayLanguages.of(Terminology.loadDefault(FhirContext.forR4Cached()).resources());

  @Test
  void ourTerminologyIsWrittenInEnglish() {
    assertThat(OURS.held()).containsExactly("en");
  }

  @Test
  void anyRangeThatFallsBackToEnglishIsAnsweredInEnglish() {
    for (String asked : List.of("en", "EN", "en-US", "en-GB", "de, en;q=0.5", "fr,*;q=0.1", "*")) {
      assertThat(OURS.answer(asked)).as(asked).isEqualTo("en");
    }
  }

  @Test
  void aLanguageWeHoldNoDisplaysInIsRefusedNamingWhatWeHold() {
    for (String asked : List.of("de", "es-MX", "fr, de;q=0.8", "en;q=0, de")) {
      assertThatThrownBy(() -> OURS.answer(asked))
          .as(asked)
          .isInstanceOfSatisfying(
              BaseServerResponseException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(400);
                assertThat(e.getMessage()).contains("en only");
                assertThat(issueCode(e)).isEqualTo("not-supported");
              });
    }
  }

  @Test
  void somethingThatIsNotALanguageTagIsInvalid() {
    assertThatThrownBy(() -> OURS.answer("not a tag!"))
        .isInstanceOfSatisfying(
            BaseServerResponseException.class, e -> assertThat(issueCode(e)).isEqualTo("invalid"));
  }

  @Test
  void theRefusalQuotesNoControlOrDirectionCharactersBack() {
    assertThatThrownBy(() -> OURS.answer("xx-\u202Eab"))
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            e -> assertThat(e.getMessage()).doesNotContain("\u202E"));
  }

  @Test
  void designationLanguagesCountAsHeld() {
    CodeSystem spanish = new CodeSystem().setUrl("http://example.org/cs");
    spanish.setLanguage("en");
    spanish
        .addConcept()
        .setCode("a")
        .setDisplay("A")
        .addDesignation()
        .setLanguage("es")
        .setValue("A");
    DisplayLanguages languages = DisplayLanguages.of(List.of(spanish));
    assertThat(languages.held()).containsExactly("en", "es");
    assertThat(languages.answer("es-MX")).isEqualTo("es");
  }

  private static String issueCode(BaseServerResponseException e) {
    return ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getCode().toCode();
  }
}
