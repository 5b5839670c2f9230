package org.stomacds.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DecimalType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.stomacds.cds.bodies.BodyLimits;

/**
 * The FHIR write path from arbitrary bytes: a body goes through the {@link RequestBodyGate} as our
 * server configures it (size, Content-Encoding, UTF-8, shape and number bounds), and what the gate
 * lets through is parsed by HAPI's parser (JSON or XML, lenient, as {@code RestfulServer} parses a
 * create), encoded again as the store does, and every decimal rendered as indexing and comparison
 * do ({@code toPlainString}, {@code stripTrailingZeros}).
 *
 * <p>The gate may refuse (a 4xx) and HAPI may refuse (an exception, answered 400 by {@link
 * RequestParseFailures}); an {@link Error} — OutOfMemoryError in the fuzz JVM's small heap ({@code
 * -Xmx512m}, server/pom.xml), StackOverflowError — or a hang is a finding.
 */
class FhirWritePathFuzzTest {

  private static final long MAX = 2L << 20;
  private static final RequestBodyGate GATE =
      new RequestBodyGate(MAX, 1L << 20, 1L << 20, BodyLimits.DEFAULT, BodyLimits.DEFAULT);
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @FuzzTest(maxDuration = "30s")
  @DictionaryEntries({
    "\"resourceType\"",
    "\"Observation\"",
    "\"valueQuantity\"",
    "\"value\"",
    "\"extension\"",
    "\"valueDecimal\"",
    "1e999999999",
    "-1e-999999999",
    "1E+2147483647",
    "<Observation xmlns=\"http://hl7.org/fhir\">",
    "<value value=\"",
    "\"/>",
    "[[[[[[[[",
    "{\"given\":[\"a\",\"a\"]}",
    "\\u0000",
  })
  void anyBodyIsRefusedOrParsedWithinBounds(FuzzedDataProvider data) throws Exception {
    boolean xml = data.consumeBoolean();
    int coding = data.consumeInt(0, 2);
    boolean validate = data.consumeBoolean();
    byte[] body = data.consumeRemainingAsBytes();
    MockHttpServletRequest request =
        new MockHttpServletRequest(
            "POST", validate ? "/fhir/Observation/$validate" : "/fhir/Observation");
    request.setContentType(xml ? "application/fhir+xml" : "application/fhir+json");
    if (coding > 0) {
      request.addHeader("Content-Encoding", "gzip");
      // 1: the fuzz bytes are what inflates; 2: they are sent as gzip as they are.
      body = coding == 1 ? gzip(body) : body;
    }
    request.setContent(body);
    MockHttpServletResponse response = new MockHttpServletResponse();
    GATE.doFilter(request, response, (req, res) -> parseAsHapiDoes((HttpServletRequest) req, xml));
  }

  private static void parseAsHapiDoes(HttpServletRequest request, boolean xml) throws IOException {
    if (request.getHeader("Content-Encoding") != null) {
      throw new AssertionError("the gate let a Content-Encoding through");
    }
    byte[] body = request.getInputStream().readAllBytes();
    if (body.length > MAX) {
      throw new AssertionError("the gate let " + body.length + " bytes through");
    }
    IParser parser = xml ? FHIR.newXmlParser() : FHIR.newJsonParser();
    IBaseResource resource;
    try {
      resource =
          parser.parseResource(
              new InputStreamReader(
                  new java.io.ByteArrayInputStream(body), StandardCharsets.UTF_8));
    } catch (RuntimeException refused) {
      return; // DataFormatException and the like: a 400 on the server
    }
    FHIR.newJsonParser().encodeResourceToString(resource);
    for (DecimalType decimal :
        new FhirTerser(FHIR).getAllPopulatedChildElementsOfType(resource, DecimalType.class)) {
      if (decimal.getValue() != null) {
        decimal.getValue().toPlainString();
        decimal.getValue().stripTrailingZeros().toPlainString();
      }
    }
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
