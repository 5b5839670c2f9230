package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesOnlyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "APPLICATION/JSON; Charset=\"utf-8\"",
        "application/json; profile=x"
      })
  void takesJsonInUtf8(String contentType) {
    assertThat(JsonBodiesOnly.refusal(contentType)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "text/plain",
        "text/json",
        "application/fhir+json",
        "application/json-patch+json",
        "application/xml",
        "multipart/form-data; boundary=x",
        "application/json; charset=ISO-8859-1",
        "application/json; charset=utf-16",
        "application/json; charset=no-such-charset",
        "application/json;charset=\"utf-8;boundary=;;=",
        "application/",
        "json",
        "application/json; charset=\u00e9"
      })
  void refusesEverythingElseSayingWhy(String contentType) {
    assertThat(JsonBodiesOnly.refusal(contentType))
        .hasValueSatisfying(m -> assertThat(m).isNotBlank());
  }

  @org.junit.jupiter.api.Test
  void refusesAMissingContentType() {
    assertThat(JsonBodiesOnly.refusal(null))
        .hasValueSatisfying(m -> assertThat(m).contains("no Content-Type"));
  }
}
