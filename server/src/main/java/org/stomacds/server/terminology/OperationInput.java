package org.stomacds.server.terminology;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;

/**
 * The parameters of one terminology operation call, read the same way whether they came in the
 * query string (GET, or POST with a query) or in a {@code Parameters} body (POST).
 */
final class OperationInput {

  private final Map<String, String[]> query;
  private final Parameters body;

  private OperationInput(Map<String, String[]> query, Parameters body) {
    this.query = query == null ? Map.of() : query;
    this.body = body;
  }

  static OperationInput of(RequestDetails request) {
    return new OperationInput(
        request.getParameters(),
        request.getResource() instanceof Parameters parameters ? parameters : null);
  }

  /** Every parameter name the caller sent, query and body. */
  Set<String> names() {
    Set<String> names = new LinkedHashSet<>(query.keySet());
    if (body != null) {
      body.getParameter().forEach(p -> names.add(p.getName()));
    }
    return names;
  }

  boolean has(String name) {
    return query.containsKey(name) || (body != null && body.getParameter(name) != null);
  }

  /** The first non-blank value of a primitive parameter. */
  Optional<String> text(String name) {
    return texts(name).stream().findFirst();
  }

  /** Every non-blank value of a primitive parameter (a repeating one such as {@code property}). */
  List<String> texts(String name) {
    List<String> values = new ArrayList<>();
    String[] fromQuery = query.get(name);
    if (fromQuery != null) {
      for (String value : fromQuery) {
        if (value != null && !value.isBlank()) {
          values.add(value);
        }
      }
    }
    if (body != null) {
      for (ParametersParameterComponent part : body.getParameter()) {
        if (part.getName().equals(name)
            && part.getValue() != null
            && part.getValue().isPrimitive()
            && part.getValue().primitiveValue() != null
            && !part.getValue().primitiveValue().isBlank()) {
          values.add(part.getValue().primitiveValue());
        }
      }
    }
    return values;
  }

  /**
   * A Coding parameter: {@code valueCoding} in a body, or {@code system|code} in the query (the
   * form HAPI's clients send).
   */
  Optional<Coding> coding(String name) {
    if (body != null
        && body.getParameter(name) != null
        && body.getParameter(name).getValue() instanceof Coding coding) {
      return Optional.of(coding);
    }
    return text(name)
        .map(
            value -> {
              int bar = value.indexOf('|');
              return bar < 0
                  ? new Coding().setCode(value)
                  : new Coding()
                      .setSystem(value.substring(0, bar))
                      .setCode(value.substring(bar + 1));
            });
  }
}
