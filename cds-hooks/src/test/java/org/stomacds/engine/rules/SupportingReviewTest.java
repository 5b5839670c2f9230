package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stomacds.engine.facts.CodeSystems;
import org.stomacds.engine.rules.cms.CsvTable;

/**
 * Each pack's supporting set is reviewed code by code in its {@code
 * dx-<code>-supporting-review.csv} (in {@code rules/packs/cpt-<code>/data/}): every code of the
 * value set has a row saying why it supports the dilation, and no code the review rejects is in the
 * value set.
 */
class SupportingReviewTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cpt-44405-supporting-diagnoses, /rules/packs/cpt-44405/data/dx-44405-supporting-review.csv",
    "cpt-44381-supporting-diagnoses, /rules/packs/cpt-44381/data/dx-44381-supporting-review.csv",
    "cpt-45386-supporting-diagnoses, /rules/packs/cpt-45386/data/dx-45386-supporting-review.csv"
  })
  void everySupportingCodeHasAReviewedReasonAndNoRejectedCodeSupports(
      String valueSet, String review) throws Exception {
    String url = Parameters.url(valueSet);
    org.stomacds.engine.terminology.Terminology terminology =
        org.stomacds.engine.Engines.terminology();
    Set<String> members = new TreeSet<>();
    terminology.expand(url).forEach(coded -> members.add(coded.code()));
    assertThat(members).as(valueSet).isNotEmpty();
    Set<String> yes = new TreeSet<>();
    Set<String> no = new TreeSet<>();
    InputStream in = getClass().getResourceAsStream(review);
    assertThat(in).as(review).isNotNull();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      CsvTable csv =
          CsvTable.read(
              review.substring(review.lastIndexOf('/') + 1),
              reader,
              java.util.List.of("code", "words", "supports", "why", "confidence"));
      for (int row = 0; row < csv.size(); row++) {
        assertThat(csv.get(row, "why")).as(csv.get(row, "code")).isNotBlank();
        assertThat(csv.get(row, "supports")).as(csv.get(row, "code")).isIn("yes", "no");
        (csv.get(row, "supports").equals("yes") ? yes : no).add(csv.get(row, "code"));
      }
    }
    assertThat(yes).isEqualTo(members);
    for (String code : no) {
      assertThat(terminology.memberOf(url, CodeSystems.ICD10CM, code)).as(code).isFalse();
    }
  }
}
