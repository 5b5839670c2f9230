package org.stomacds.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stomacds.engine.terminology.Coded;
import org.stomacds.engine.terminology.Terminology;

/** {@code ValueSet/$expand} as terminology clients call it: paging, filter, language, refusals. */
class ExpandIT extends TerminologyCalls {

  @Autowired Terminology terminology;

  private List<String> expectedCodes() {
    return terminology.expand(SUPPORTING).stream().map(Coded::code).toList();
  }

  @Test
  void pagesWithCountAndOffsetFromTheFirstRequest() {
    List<String> all = expectedCodes();
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < all.size(); offset += 10) {
      ValueSet page =
          expansion(
              query(
                  "/fhir/ValueSet/$expand",
                  "url",
                  SUPPORTING,
                  "count",
                  "10",
                  "offset",
                  String.valueOf(offset)));
      assertThat(page.getExpansion().getTotal()).isEqualTo(all.size());
      assertThat(page.getExpansion().getOffset()).isEqualTo(offset);
      assertThat(codes(page)).hasSizeLessThanOrEqualTo(10);
      paged.addAll(codes(page));
    }
    assertThat(paged).isEqualTo(all);
  }

  @Test
  void pagesAtInstanceLevelToo() {
    ValueSet page =
        expansion(
            query(
                "/fhir/ValueSet/cpt-44405-supporting-diagnoses/$expand",
                "count",
                "2",
                "offset",
                "1"));
    assertThat(codes(page)).isEqualTo(expectedCodes().subList(1, 3));
    assertThat(page.getExpansion().getTotal()).isEqualTo(expectedCodes().size());
  }

  @Test
  void pagesByAParametersBody() {
    Parameters body = new Parameters();
    body.addParameter("url", new UriType(SUPPORTING));
    body.addParameter("count", new IntegerType(3));
    body.addParameter("offset", new IntegerType(3));
    ValueSet page = ok(postParameters("/fhir/ValueSet/$expand", body), ValueSet.class);
    assertThat(codes(page)).isEqualTo(expectedCodes().subList(3, 6));
  }

  @Test
  void filtersByWordsOfTheDisplayAndCountsEveryMatch() {
    ValueSet all =
        expansion(query("/fhir/ValueSet/$expand", "url", SUPPORTING, "filter", "colostomy"));
    assertThat(codes(all)).containsExactly("K94.00", "K94.03", "K94.09");
    assertThat(all.getExpansion().getTotal()).isEqualTo(3);

    ValueSet second =
        expansion(
            query(
                "/fhir/ValueSet/$expand",
                "url",
                SUPPORTING,
                "filter",
                "colostomy",
                "count",
                "1",
                "offset",
                "1"));
    assertThat(codes(second)).containsExactly("K94.03");
    // HAPI alone says 2 here (the matches up to the end of this page).
    assertThat(second.getExpansion().getTotal()).isEqualTo(3);
  }

  @Test
  void answersInEnglishWhenEnglishIsAcceptableAndSaysSo() {
    for (String language : List.of("en", "en-US", "de, en;q=0.5", "*")) {
      ValueSet answer =
          expansion(
              query(
                  "/fhir/ValueSet/$expand",
                  "url",
                  SUPPORTING,
                  "count",
                  "1",
                  "displayLanguage",
                  language));
      assertThat(answer.getLanguage()).as(language).isEqualTo("en");
      assertThat(answer.getExpansion().getParameter())
          .as(language)
          .anySatisfy(
              p -> {
                assertThat(p.getName()).isEqualTo("displayLanguage");
                assertThat(p.getValue().primitiveValue()).isEqualTo("en");
              });
      assertThat(answer.getExpansion().getContainsFirstRep().getDisplay())
          .isEqualTo("Colostomy problem, kind not stated");
    }
  }

  @Test
  void refusesALanguageItHoldsNoDisplaysIn() {
    var issue =
        refused(
            call(query("/fhir/ValueSet/$expand", "url", SUPPORTING, "displayLanguage", "de")),
            400,
            "not-supported");
    assertThat(issue.getDiagnostics()).contains("'de'").contains("en only");
    refused(
        call(query("/fhir/ValueSet/$expand", "url", SUPPORTING, "displayLanguage", "not a tag!")),
        400,
        "invalid");
  }

  @Test
  void refusesPagingThatIsNotAWholeNumber() {
    for (String[] bad :
        List.of(
            new String[] {"offset", "abc"},
            new String[] {"offset", "-5"},
            new String[] {"count", "-1"},
            new String[] {"count", "1.5"},
            new String[] {"count", "99999999999999"})) {
      var issue =
          refused(
              call(query("/fhir/ValueSet/$expand", "url", SUPPORTING, bad[0], bad[1])),
              400,
              "invalid");
      assertThat(issue.getDiagnostics()).contains(bad[0]);
    }
    Answer twice =
        call("/fhir/ValueSet/$expand?url=" + SUPPORTING.replace(":", "%3A") + "&count=1&count=2");
    refused(twice, 400, "invalid");
  }

  @Test
  void refusesParametersItWouldOtherwiseIgnore() {
    for (String[] ignored :
        List.of(
            new String[] {"activeOnly", "true"},
            new String[] {"includeDefinition", "true"},
            new String[] {"date", "2020-01-01"},
            new String[] {"system-version", CPT + "|2020"})) {
      var issue =
          refused(
              call(query("/fhir/ValueSet/$expand", "url", SUPPORTING, ignored[0], ignored[1])),
              400,
              "not-supported");
      assertThat(issue.getDiagnostics()).contains("'" + ignored[0] + "'");
    }
    // What the answer satisfies anyway is let through.
    assertThat(
            codes(
                expansion(
                    query(
                        "/fhir/ValueSet/$expand",
                        "url",
                        SUPPORTING,
                        "activeOnly",
                        "false",
                        "excludeNested",
                        "true",
                        "count",
                        "1"))))
        .containsExactly("K94.00");
  }

  @Test
  void unknownValueSetOrVersionIsNotFound() {
    var unknown =
        refused(
            call(query("/fhir/ValueSet/$expand", "url", "https://example.org/ValueSet/none")),
            404,
            "not-found");
    assertThat(unknown.getDiagnostics()).contains("https://example.org/ValueSet/none");
    var version =
        refused(
            call(query("/fhir/ValueSet/$expand", "url", SUPPORTING, "valueSetVersion", "1999.1.0")),
            404,
            "not-found");
    assertThat(version.getDiagnostics()).contains("'" + VERSION + "'").contains("'1999.1.0'");
    assertThat(
            expansion(
                    query(
                        "/fhir/ValueSet/$expand",
                        "url",
                        SUPPORTING,
                        "valueSetVersion",
                        VERSION,
                        "count",
                        "1"))
                .getExpansion()
                .getTotal())
        .isEqualTo(expectedCodes().size());
  }

  @Test
  void aValueSetJustWrittenPagesAtOnce() {
    // A client's value set over our ICD-10-CM hierarchy, written now: HAPI would store its
    // expansion within ten minutes and until then fail count below its size (HAPI-0831, 500).
    ValueSet written = new ValueSet();
    written.setId("it-obstruction-" + System.nanoTime());
    written.setUrl("https://client.example.org/ValueSet/" + written.getIdElement().getIdPart());
    written.setVersion("1");
    written.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
    written
        .getCompose()
        .addInclude()
        .setSystem(ICD10)
        .addFilter()
        .setProperty("concept")
        .setOp(ValueSet.FilterOperator.ISA)
        .setValue("K56.6");
    fhirClient().update().resource(written).execute();

    ValueSet page =
        expansion(
            query("/fhir/ValueSet/$expand", "url", written.getUrl(), "count", "3", "offset", "1"));
    List<String> underK566 =
        List.of(
            "K56.6", "K56.60", "K56.600", "K56.601", "K56.609", "K56.69", "K56.690", "K56.691",
            "K56.699");
    assertThat(page.getExpansion().getTotal()).isEqualTo(underK566.size());
    assertThat(page.getExpansion().getOffset()).isEqualTo(1);
    assertThat(codes(page)).hasSize(3).isSubsetOf(underK566);
  }

  @Test
  void pagesHapisBuiltInValueSetsToo() {
    ValueSet page =
        expansion(
            query(
                "/fhir/ValueSet/$expand",
                "url",
                "http://hl7.org/fhir/ValueSet/administrative-gender",
                "count",
                "2",
                "offset",
                "1"));
    assertThat(page.getExpansion().getTotal()).isEqualTo(4);
    assertThat(page.getExpansion().getOffset()).isEqualTo(1);
    assertThat(codes(page)).hasSize(2);
  }

  @Test
  void aFilterOfPatternCharactersMatchesNothingRatherThanFailing() {
    ValueSet none =
        expansion(query("/fhir/ValueSet/$expand", "url", SUPPORTING, "filter", "%_(a+)+$"));
    assertThat(codes(none)).isEmpty();
  }
}
