package org.stomacds.server.terminology;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.ValueSet;
import org.stomacds.server.fhir.PerRequest;
import org.stomacds.server.terminology.TerminologyRequestChecks.Asked;

/**
 * Completes HAPI's answers to terminology operations where HAPI 8.8 falls short of FHIR R4:
 *
 * <ul>
 *   <li>{@code $lookup}: the {@code parent}, {@code child} and {@code definition} properties (HAPI
 *       returns only the properties a concept carries, never those its place in the hierarchy gives
 *       it), when asked for, or always when no {@code property} is named;
 *   <li>{@code $subsumes} of a code with itself: {@code equivalent} (HAPI says not-subsumed);
 *   <li>{@code $expand}: the {@code displayLanguage} answered in, echoed as an expansion parameter;
 *       {@code offset} and {@code count} applied where HAPI expanded without them (its built-in
 *       FHIR value sets);
 *   <li>an expansion that cannot be paged yet (HAPI-0831, the stored expansion not ready): 503 with
 *       {@code Retry-After}, not HAPI's 500.
 * </ul>
 */
@Interceptor
final class TerminologyAnswers {

  private static final List<String> PLACE_PROPERTIES = List.of("parent", "child", "definition");

  private final PerRequest<Asked> questions;
  private final FilteredTotals filteredTotals;

  /**
   * @param questions what {@link TerminologyRequestChecks} found a call asks, handed over per
   *     request
   */
  TerminologyAnswers(PerRequest<Asked> questions, FilteredTotals filteredTotals) {
    this.questions = questions;
    this.filteredTotals = filteredTotals;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public void complete(RequestDetails request, ResponseDetails response) {
    Optional<Asked> question = questions.take(request);
    if (question.isEmpty()) {
      return;
    }
    Asked asked = question.get();
    switch (asked.operation()) {
      case "$lookup" -> {
        if (response.getResponseResource() instanceof Parameters lookup) {
          addPlaceProperties(lookup, asked);
        }
      }
      case "$subsumes" -> {
        if (response.getResponseResource() instanceof Parameters subsumes
            && asked.code().equals(asked.otherCode())) {
          subsumes.setParameter("outcome", new CodeType("equivalent"));
        }
      }
      case "$expand" -> {
        if (response.getResponseResource() instanceof ValueSet expansion) {
          OperationInput input = OperationInput.of(request);
          completeExpansion(expansion, asked, input);
          if (input.text("filter").isPresent()) {
            filteredTotals.correct(expansion, request, input);
          }
        }
      }
      default -> {}
    }
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException expansionNotReady(
      RequestDetails request, Throwable exception) {
    if (!"$expand".equals(request.getOperation())
        || exception.getMessage() == null
        || !exception.getMessage().contains("HAPI-0831")) {
      return null;
    }
    String message =
        "$expand: this value set's expansion is being computed and cannot be paged yet; retry"
            + " shortly, or ask without count and offset";
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.TRANSIENT)
        .setDiagnostics(message);
    return new UnclassifiedServerFailureException(503, message, outcome)
        .addResponseHeader("Retry-After", "10");
  }

  private static void addPlaceProperties(Parameters lookup, Asked asked) {
    List<String> wanted = asked.properties().isEmpty() ? PLACE_PROPERTIES : asked.properties();
    Optional<List<ConceptDefinitionComponent>> path =
        TerminologyTargets.path(asked.codeSystem(), asked.code());
    if (path.isEmpty()) {
      return;
    }
    List<ConceptDefinitionComponent> chain = path.get();
    ConceptDefinitionComponent concept = chain.get(chain.size() - 1);
    if (wanted.contains("parent") && chain.size() > 1) {
      addProperty(lookup, "parent", new CodeType(chain.get(chain.size() - 2).getCode()));
    }
    if (wanted.contains("child")) {
      concept.getConcept().forEach(c -> addProperty(lookup, "child", new CodeType(c.getCode())));
    }
    if (wanted.contains("definition") && concept.hasDefinition()) {
      addProperty(lookup, "definition", new StringType(concept.getDefinition()));
    }
  }

  private static void addProperty(Parameters lookup, String code, Type value) {
    Parameters.ParametersParameterComponent property = lookup.addParameter().setName("property");
    property.addPart().setName("code").setValue(new CodeType(code));
    property.addPart().setName("value").setValue(value);
  }

  private static void completeExpansion(ValueSet valueSet, Asked asked, OperationInput input) {
    ValueSet.ValueSetExpansionComponent expansion = valueSet.getExpansion();
    if (asked.displayLanguage() != null) {
      valueSet.setLanguage(asked.displayLanguage());
      expansion
          .addParameter()
          .setName("displayLanguage")
          .setValue(new CodeType(asked.displayLanguage()));
    }
    Optional<Integer> offset = input.text("offset").map(v -> Integer.parseInt(v.strip()));
    Optional<Integer> count = input.text("count").map(v -> Integer.parseInt(v.strip()));
    if ((offset.isPresent() || count.isPresent()) && !expansion.hasOffset()) {
      // HAPI expanded without paging (a built-in value set): page the full expansion here.
      List<ValueSet.ValueSetExpansionContainsComponent> all = List.copyOf(expansion.getContains());
      int from = Math.min(offset.orElse(0), all.size());
      int to = count.map(c -> (int) Math.min((long) from + c, all.size())).orElse(all.size());
      expansion.setContains(new java.util.ArrayList<>(all.subList(from, to)));
      expansion.setTotal(all.size());
      expansion.setOffset(from);
      expansion.addParameter().setName("offset").setValue(new IntegerType(from));
      count.ifPresent(c -> expansion.addParameter().setName("count").setValue(new IntegerType(c)));
    }
  }
}
