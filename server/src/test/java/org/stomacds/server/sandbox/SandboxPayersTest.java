package org.stomacds.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.payer.KnownPayer;
import org.stomacds.engine.payer.LineOfBusiness;
import org.stomacds.engine.payer.Payer;
import org.stomacds.engine.payer.PayerIdentity;
import org.stomacds.engine.payer.PayerKey;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.server.sandbox.SandboxPayers.Option;

class SandboxPayersTest {

  private static final PayerMapping MAPPING = PayerMapping.loadDefault();
  private final List<Option> options = new SandboxPayers(MAPPING).options();

  @Test
  void everyOptionIsReadByTheEngineAsThePayerAndLineOfBusinessItNames() {
    for (Option option : options) {
      Payer read =
          MAPPING.resolve(
              new PayerIdentity(
                  true,
                  List.of(option.name()),
                  option.identifier().stream()
                      .map(i -> new PayerIdentity.Code(i.system(), i.value()))
                      .toList(),
                  option.type().coding().stream()
                      .map(c -> new PayerIdentity.Code(c.system(), c.code()))
                      .toList(),
                  List.of(option.plan())));
      assertThat(read.key()).as(option.id()).isEqualTo(option.key());
      assertThat(read.licensee()).as(option.id()).isEqualTo(option.licensee());
      assertThat(read.lineOfBusiness()).as(option.id()).isEqualTo(option.lineOfBusiness());
      assertThat(option.label()).as(option.id()).endsWith(read.display());
    }
  }

  @Test
  void offersEveryCarrierCommerciallyAndAsMedicareAdvantageAndEachProgramOnItsOwnLine() {
    for (KnownPayer known : MAPPING.known()) {
      List<LineOfBusiness> lines =
          known.government()
              ? List.of(known.defaultLineOfBusiness())
              : List.of(LineOfBusiness.COMMERCIAL, LineOfBusiness.MEDICARE_ADVANTAGE);
      for (LineOfBusiness line : lines) {
        assertThat(options)
            .as("%s %s on %s", known.key(), known.licensee(), line)
            .anySatisfy(
                o -> {
                  assertThat(o.name()).isEqualTo(known.name());
                  assertThat(o.lineOfBusiness()).isEqualTo(line);
                });
      }
    }
    assertThat(options)
        .filteredOn(o -> o.key() == PayerKey.MEDICARE)
        .extracting(Option::lineOfBusiness)
        .containsExactly(LineOfBusiness.ORIGINAL_MEDICARE);
  }

  @Test
  void offersOnePayerTheMappingDoesNotKnow() {
    assertThat(options)
        .filteredOn(o -> o.name().equals(SandboxPayers.UNKNOWN_PAYER))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.key()).isEqualTo(PayerKey.UNKNOWN);
              assertThat(o.label()).startsWith("A payer stomacds does not know");
            });
  }

  @Test
  void idsAreUniqueAndStable() {
    assertThat(options).extracting(Option::id).doesNotHaveDuplicates();
    assertThat(options)
        .extracting(Option::id)
        .contains("cigna-commercial", "aetna-medicare-advantage");
  }
}
