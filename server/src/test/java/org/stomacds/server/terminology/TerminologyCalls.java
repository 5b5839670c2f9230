package org.stomacds.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.stomacds.server.support.SharedApplication;
import org.stomacds.server.support.TestTokens;

/**
 * Terminology calls as a terminology client makes them, against the shared secured application:
 * each with an access token holding read on CodeSystem and ValueSet and nothing else (what a
 * terminology client is given), unless a test names other scopes.
 */
abstract class TerminologyCalls extends SharedApplication {

  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String SUPPORTING =
      "https://stomacds.org/fhir/ValueSet/cpt-44405-supporting-diagnoses";
  static final String VERSION = "2026.11.0";
  static final String[] TERMINOLOGY_READ = {"system/CodeSystem.read", "system/ValueSet.read"};

  /** {@code path?name=value&...} with every value URL-encoded. */
  static String query(String path, String... namesAndValues) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      pairs.add(
          namesAndValues[i]
              + "="
              + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return path + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
  }

  static Answer call(String path) {
    return callWith(path, TERMINOLOGY_READ);
  }

  static Answer callWith(String path, String... scopes) {
    return get(path, "Authorization", "Bearer " + TestTokens.accessToken(scopes));
  }

  static Answer postParameters(String path, Parameters body, String... scopes) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/fhir+json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    fhirContext().newJsonParser().encodeResourceToString(body))),
        "Authorization",
        "Bearer " + TestTokens.accessToken(scopes.length == 0 ? TERMINOLOGY_READ : scopes));
  }

  static <T extends IBaseResource> T ok(Answer answer, Class<T> type) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return fhirContext().newJsonParser().parseResource(type, answer.body());
  }

  static ValueSet expansion(String path) {
    return ok(call(path), ValueSet.class);
  }

  static Parameters parameters(String path) {
    return ok(call(path), Parameters.class);
  }

  /** The call was refused with this status and an OperationOutcome of this issue code. */
  static OperationOutcome.OperationOutcomeIssueComponent refused(
      Answer answer, int status, String issueCode) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    OperationOutcome outcome =
        fhirContext().newJsonParser().parseResource(OperationOutcome.class, answer.body());
    assertThat(outcome.getIssueFirstRep().getCode().toCode()).isEqualTo(issueCode);
    return outcome.getIssueFirstRep();
  }

  static List<String> codes(ValueSet expansion) {
    return expansion.getExpansion().getContains().stream()
        .map(ValueSet.ValueSetExpansionContainsComponent::getCode)
        .toList();
  }

  /** The values of one property of a $lookup answer, in order. */
  static List<String> property(Parameters lookup, String code) {
    List<String> values = new ArrayList<>();
    for (Parameters.ParametersParameterComponent p : lookup.getParameter()) {
      if (!p.getName().equals("property")) {
        continue;
      }
      String name = null;
      String value = null;
      for (Parameters.ParametersParameterComponent part : p.getPart()) {
        if (part.getName().equals("code")) {
          name = part.getValue().primitiveValue();
        } else if (part.getName().equals("value")) {
          value = part.getValue().primitiveValue();
        }
      }
      if (code.equals(name)) {
        values.add(value);
      }
    }
    return values;
  }
}
