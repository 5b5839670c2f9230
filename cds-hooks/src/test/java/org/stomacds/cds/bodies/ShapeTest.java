package org.stomacds.cds.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShapeTest {

  private static final BodyLimits LIMITS = new BodyLimits(20, 100, 1000);
  private static final JsonShape JSON = new JsonShape(LIMITS);
  private static final XmlShape XML = new XmlShape(LIMITS);

  private static BodyViolation json(String body) {
    return JSON.check(body.getBytes(StandardCharsets.UTF_8));
  }

  private static BodyViolation xml(String body) {
    return XML.check(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jsonNumbersOutOfBoundsAreRefusedSayingWhere() {
    BodyViolation v =
        json("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1e999999999}}");
    assertThat(v.status()).isEqualTo(400);
    assertThat(v.code()).isEqualTo("number-out-of-range");
    assertThat(v.message()).contains("/valueQuantity/value");
    assertThat(json("{\"a\":[1,2,{\"b\":\"-1e-999999999\"}]}").message()).contains("/a/2/b");
    assertThat(json("{\"a\":" + "9".repeat(1_000_000) + "}").code())
        .isEqualTo("number-out-of-range");
    assertThat(json("{'a':+1E+2147483647}").code()).isEqualTo("number-out-of-range");
  }

  @Test
  void ordinaryJsonPasses() {
    assertThat(json("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":98.6}}"))
        .isNull();
    assertThat(json("{\"family\":\"1e5\",\"id\":\"12345\"}")).isNull();
  }

  @Test
  void jsonDepthArraysAndValuesAreBounded() {
    assertThat(json("[".repeat(21) + "]".repeat(21)).code()).isEqualTo("too-deep");
    assertThat(json("[".repeat(20) + "]".repeat(20))).isNull();
    assertThat(json("{\"a\":[" + "0,".repeat(100) + "0]}").message())
        .contains("/a")
        .contains("100 items");
    assertThat(json("{\"a\":[" + "0,".repeat(99) + "0]}")).isNull();
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 20; i++) {
      many.append(i == 0 ? "" : ",")
          .append("\"k")
          .append(i)
          .append("\":[")
          .append("0,".repeat(59))
          .append("0]");
    }
    assertThat(json(many + "}").code()).isEqualTo("too-many-values");
  }

  @Test
  void malformedJsonSaysWhere() {
    BodyViolation v = json("{\"a\":\n [1,}");
    assertThat(v.status()).isEqualTo(400);
    assertThat(v.message()).contains("line 2");
  }

  @Test
  void xmlValuesDepthAndChildrenAreBounded() {
    BodyViolation v =
        xml(
            "<Observation xmlns=\"http://hl7.org/fhir\"><valueQuantity><value"
                + " value=\"1e999999999\"/></valueQuantity></Observation>");
    assertThat(v.code()).isEqualTo("number-out-of-range");
    assertThat(v.message()).contains("/Observation/valueQuantity/value/@value");
    assertThat(xml("<a>" + "<b>".repeat(25) + "</b>".repeat(25) + "</a>").code())
        .isEqualTo("too-deep");
    assertThat(xml("<a>" + "<b/>".repeat(101) + "</a>").code()).isEqualTo("too-many-values");
    assertThat(xml("<a><family value=\"Smith\"/><b value=\"98.6\"/></a>")).isNull();
  }

  @Test
  void xmlEntitiesAndMalformedXmlAreRefused() {
    assertThat(
            xml("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>")
                .status())
        .isEqualTo(400);
    assertThat(xml("<a><b></a>").code()).isEqualTo("invalid-xml");
  }
}
