package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.facts.CodeSystems;

/**
 * The supporting set is reviewed code by code in {@code
 * rules/packs/cpt-44405/data/dx-44405-supporting-review.csv}: every code of the value set has a row
 * saying why it supports the dilation, and no code the review rejects is in the value set.
 */
class SupportingReviewTest {

  @Test
  void everySupportingCodeHasAReviewedReasonAndNoRejectedCodeSupports() throws Exception {
    String url = Parameters.url("cpt-44405-supporting-diagnoses");
    org.stomacds.engine.terminology.Terminology terminology =
        org.stomacds.engine.Engines.terminology();
    Set<String> members = new TreeSet<>();
    terminology.expand(url).forEach(coded -> members.add(coded.code()));
    Set<String> yes = new TreeSet<>();
    Set<String> no = new TreeSet<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                getClass()
                    .getResourceAsStream(
                        "/rules/packs/cpt-44405/data/dx-44405-supporting-review.csv"),
                StandardCharsets.UTF_8))) {
      CsvTable csv =
          CsvTable.read(
              "dx-44405-supporting-review.csv",
              reader,
              java.util.List.of("code", "words", "supports", "why", "confidence"));
      for (int row = 0; row < csv.size(); row++) {
        assertThat(csv.get(row, "why")).as(csv.get(row, "code")).isNotBlank();
        (csv.get(row, "supports").equals("yes") ? yes : no).add(csv.get(row, "code"));
      }
    }
    assertThat(yes).isEqualTo(members);
    for (String code : no) {
      assertThat(terminology.memberOf(url, CodeSystems.ICD10CM, code)).as(code).isFalse();
    }
  }
}
