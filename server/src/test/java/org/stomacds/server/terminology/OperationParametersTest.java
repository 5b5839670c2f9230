package org.stomacds.server.terminology;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;

class OperationParametersTest {

  private static OperationInput query(Map<String, String[]> parameters) {
    SystemRequestDetails request = new SystemRequestDetails();
    request.setParameters(parameters);
    return OperationInput.of(request);
  }

  private static OperationInput body(Parameters parameters) {
    SystemRequestDetails request = new SystemRequestDetails();
    request.setResource(parameters);
    return OperationInput.of(request);
  }

  @Test
  void refusesAParameterHapiWouldIgnoreWhateverItsValue() {
    assertThatThrownBy(
            () ->
                OperationParameters.requireHonoured(
                    "ValueSet/$expand", query(Map.of("date", new String[] {"2020"}))))
        .hasMessageContaining("'date'");
    assertThatThrownBy(
            () ->
                OperationParameters.requireHonoured(
                    "ValueSet/$validate-code", body(new Parameters().addParameter("context", "x"))))
        .hasMessageContaining("'context'");
  }

  @Test
  void refusesAFlagOnlyWhenItAsksForWhatIsNotDone() {
    assertThatThrownBy(
            () ->
                OperationParameters.requireHonoured(
                    "ValueSet/$expand",
                    body(new Parameters().addParameter("activeOnly", new BooleanType(true)))))
        .hasMessageContaining("'activeOnly' = true");
    assertThatCode(
            () ->
                OperationParameters.requireHonoured(
                    "ValueSet/$expand", query(Map.of("activeOnly", new String[] {"false"}))))
        .doesNotThrowAnyException();
  }

  @Test
  void letsThroughWhatItHonoursAndNamesFhirDoesNotDefine() {
    assertThatCode(
            () ->
                OperationParameters.requireHonoured(
                    "ValueSet/$expand",
                    query(
                        Map.of(
                            "url", new String[] {"x"},
                            "count", new String[] {"1"},
                            "_format", new String[] {"json"},
                            "x-custom", new String[] {"y"}))))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                OperationParameters.requireHonoured(
                    "CodeSystem/$subsumes", query(Map.of("date", new String[] {"2020"}))))
        .doesNotThrowAnyException();
  }
}
