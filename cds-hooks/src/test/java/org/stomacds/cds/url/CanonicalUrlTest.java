package org.stomacds.cds.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spellings attackers use to make an allowlist read one URL while the fetch goes to another:
 * each is either normalised to the one form both see, or refused.
 */
class CanonicalUrlTest {

  private static final CanonicalUrl KEYS = CanonicalUrl.parse("https://ehr.test/keys/").get();
  private static final CanonicalUrl FHIR = CanonicalUrl.parse("https://ehr.test/fhir").get();

  /** Accepted, with the canonical form both the check and the fetch use. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://ehr.test/keys/a.json            | https://ehr.test/keys/a.json",
        "HTTPS://EHR.TEST/keys/a.json            | https://ehr.test/keys/a.json",
        "https://ehr.test:443/keys/a.json        | https://ehr.test/keys/a.json",
        "http://127.0.0.1:80/x                   | http://127.0.0.1/x",
        "https://ehr.test:8443/keys/a.json       | https://ehr.test:8443/keys/a.json",
        "https://ehr.test/keys/%61.json          | https://ehr.test/keys/a.json",
        "https://ehr.test/keys/a%7e%2D.json      | https://ehr.test/keys/a~-.json",
        "https://ehr.test/keys/%c3%a9.json       | https://ehr.test/keys/%C3%A9.json",
        "https://ehr.test/keys/                  | https://ehr.test/keys/",
        "https://ehr.test                        | https://ehr.test",
        "https://xn--bcher-kva.test/keys/a.json  | https://xn--bcher-kva.test/keys/a.json",
        "http://[::1]:8080/fhir                  | http://[0:0:0:0:0:0:0:1]:8080/fhir",
        "https://ehr.test/fhir/Patient:x@y       | https://ehr.test/fhir/Patient:x@y",
      })
  void normalises(String given, String canonical) {
    assertThat(CanonicalUrl.parse(given)).map(CanonicalUrl::toString).contains(canonical);
  }

  /** Refused outright: some reader would see another URL than the check did. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://ehr.test/keys/%2e%2e/evil.json",
        "https://ehr.test/keys/%2E%2E/evil.json",
        "https://ehr.test/keys/%2E./evil.json",
        "https://ehr.test/keys/.%2e/evil.json",
        "https://ehr.test/keys/../evil.json",
        "https://ehr.test/keys/./a.json",
        "https://ehr.test/keys/%2e/a.json",
        "https://ehr.test/keys/..",
        "https://ehr.test/keys/%252e%252e/evil.json",
        "https://ehr.test/keys/%25/a.json",
        "https://ehr.test/keys/..;/evil.json",
        "https://ehr.test/keys/a.json;x=1",
        "https://ehr.test/keys\\..\\evil.json",
        "https://ehr.test/keys/%5c..%5cevil.json",
        "https://ehr.test/keys/..%2fevil.json",
        "https://ehr.test/keys/%2f%2fevil.test/a.json",
        "https://ehr.test/keys//evil.json",
        "https://ehr.test//keys/a.json",
        "https://ehr.test/keys/a%00.json",
        "https://ehr.test/keys/a%zz.json",
        "https://ehr.test/keys/a%2",
        "https://ehr.test@evil.test/keys/a.json",
        "https://user:pw@ehr.test/keys/a.json",
        "https://@ehr.test/keys/a.json",
        "https://ehr.test/keys/a.json#frag",
        "https://ehr.test/keys/a.json?x=1",
        "https://ehr.test./keys/a.json",
        "https://ehr..test/keys/a.json",
        "https://ehr.test:/keys/a.json",
        "https://ehr.test:0/keys/a.json",
        "https://ehr.test:65536/keys/a.json",
        "https://ehr.test:+443/keys/a.json",
        "https://ehr.test:443:443/keys/a.json",
        "https://bücher.test/keys/a.json",
        "https://ehr\uFF0Etest/keys/a.json",
        "https://ehr.test/keys/\u00e9.json",
        "https://ehr.test/keys/a b.json",
        "https://ehr.test/keys/a\tb.json",
        "https://%65hr.test/keys/a.json",
        "http://127.1/x",
        "http://0x7f.0.0.1/x",
        "http://0x7f000001/x",
        "http://2130706433/x",
        "http://017700000001/x",
        "http://0177.0.0.1/x",
        "http://127.000.000.001/x",
        "http://256.0.0.1/x",
        "http://169.254.169.254.0/x",
        "http://[::ffff:127.0.0.1]/x",
        "http://[::ffff:a9fe:a9fe]/x",
        "http://[fe80::1%25eth0]/x",
        "http://[::1/x",
        "file:///etc/passwd",
        "ftp://ehr.test/x",
        "gopher://ehr.test/x",
        "//ehr.test/keys/a.json",
        "/keys/a.json",
        "https:/ehr.test/keys/a.json",
        "https:ehr.test/keys/a.json",
        "https://",
        "https:///keys",
        "",
        "https://ehr.test/keys/<script>",
        "https://ehr.test/keys/a|b",
      })
  void refuses(String given) {
    assertThat(CanonicalUrl.parse(given)).isEmpty();
  }

  @Test
  void refusesNull() {
    assertThat(CanonicalUrl.parse(null)).isEmpty();
  }

  /** A prefix matches on segment boundaries, same origin, after normalisation. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://ehr.test/keys/a.json               | true",
        "HTTPS://Ehr.Test:443/keys/r1.json          | true",
        "https://ehr.test/keys/%61.json             | true",
        "https://ehr.test/keys/sub/a.json           | true",
        "https://ehr.test/keys/                     | false",
        "https://ehr.test/keys                      | false",
        "https://ehr.test/keysx/a.json              | false",
        "https://ehr.test/key/a.json                | false",
        "https://ehr.test.evil.test/keys/a.json     | false",
        "https://evil.test/keys/a.json              | false",
        "https://ehr.test:8443/keys/a.json          | false",
        "http://ehr.test/keys/a.json                | false",
        "https://ehr.tes/keys/a.json                | false",
      })
  void comparesAgainstAPrefix(String given, boolean under) {
    Optional<CanonicalUrl> url = CanonicalUrl.parse(given);
    assertThat(url.map(u -> u.isStrictlyUnder(KEYS)).orElse(false)).isEqualTo(under);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://ehr.test/fhir                      | true",
        "https://ehr.test/fhir/                     | true",
        "https://ehr.test/fhir/Patient/1            | true",
        "https://ehr.test/fhir?_getpages=x          | true",
        "https://ehr.test/fhir/Coverage?a=b&c=%7C   | true",
        "https://ehr.test/fhirx                     | false",
        "https://ehr.test/fhi                       | false",
        "https://ehr.test/                          | false",
        "https://ehr.test/elsewhere                 | false",
      })
  void comparesAgainstABase(String given, boolean under) {
    Optional<CanonicalUrl> url = CanonicalUrl.parseWithQuery(given);
    assertThat(url.map(u -> u.isUnder(FHIR)).orElse(false)).isEqualTo(under);
  }

  @Test
  void keepsTheQueryOnlyWhereAllowed() {
    assertThat(CanonicalUrl.parseWithQuery("https://ehr.test/fhir?_getpages=a&_count=20"))
        .map(CanonicalUrl::toString)
        .contains("https://ehr.test/fhir?_getpages=a&_count=20");
    assertThat(CanonicalUrl.parse("https://ehr.test/fhir?_getpages=a")).isEmpty();
    assertThat(CanonicalUrl.parseWithQuery("https://ehr.test/fhir?a=%zz")).isEmpty();
    assertThat(CanonicalUrl.parseWithQuery("https://ehr.test/fhir?a=b#c")).isEmpty();
  }

  @Test
  void theUrlComparedIsTheUrlJavaNetReads() {
    CanonicalUrl url = CanonicalUrl.parse("HTTPS://EHR.test:443/keys/%61.json").get();
    assertThat(url.toUri().getHost()).isEqualTo("ehr.test");
    assertThat(url.toUri().getPort()).isEqualTo(-1);
    assertThat(url.toUri().getRawPath()).isEqualTo("/keys/a.json");
    assertThat(url.toUri().toString()).isEqualTo(url.toString());
  }
}
