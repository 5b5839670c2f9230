package org.stomacds.server.terminology;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationConstants;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Coding;
import org.stomacds.server.fhir.PerRequest;

/**
 * Checks a terminology operation call before HAPI answers it, where HAPI would answer a 500, ignore
 * a parameter, or name nothing useful (README, "Terminology API"):
 *
 * <ul>
 *   <li>before HAPI binds the parameters: {@code offset} and {@code count} are whole numbers
 *       (HAPI's binding throws a NumberFormatException, answered 500);
 *   <li>after authorization (a caller without the scope is refused 403 before anything about the
 *       terminology is said): parameters HAPI would ignore ({@link OperationParameters}), {@code
 *       displayLanguage} ({@link DisplayLanguages}), the code system or value set named exists in
 *       the version named (404 naming it), {@code $subsumes} has a system with a hierarchy (400,
 *       404, 422), and a value set about to be expanded has its expansion stored.
 * </ul>
 *
 * What the answer needs from the check (the concept looked up, the codes compared) is handed to
 * {@link TerminologyAnswers} through the {@link PerRequest} both are given.
 */
@Interceptor
final class TerminologyRequestChecks {

  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\+?[0-9]{1,9}");

  private final PerRequest<Asked> questions;
  private final TerminologyTargets targets;
  private final DisplayLanguages languages;
  private final List<String> hierarchicalSystems;

  /**
   * @param questions where a checked call's {@link Asked} goes, for {@link TerminologyAnswers}
   * @param hierarchicalSystems the urls of our code systems with a hierarchy, named when a {@code
   *     $subsumes} on another is refused
   */
  TerminologyRequestChecks(
      PerRequest<Asked> questions,
      TerminologyTargets targets,
      DisplayLanguages languages,
      List<String> hierarchicalSystems) {
    this.questions = questions;
    this.targets = targets;
    this.languages = languages;
    this.hierarchicalSystems = List.copyOf(hierarchicalSystems);
  }

  /** What a checked call asked about, for the answer. */
  record Asked(
      String operation,
      CodeSystem codeSystem,
      String code,
      String otherCode,
      List<String> properties,
      String displayLanguage) {}

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean pagingIsWholeNumbers(RequestDetails request) {
    if ("$expand".equals(request.getOperation()) && "ValueSet".equals(request.getResourceName())) {
      for (String name : List.of("offset", "count")) {
        String[] values = request.getParameters().get(name);
        if (values == null) {
          continue;
        }
        if (values.length > 1) {
          throw TerminologyErrors.invalid("$expand: parameter '" + name + "' is given twice");
        }
        if (!WHOLE_NUMBER.matcher(values[0].strip()).matches()) {
          throw TerminologyErrors.invalid(
              "$expand: parameter '"
                  + name
                  + "' must be a whole number from 0 to 999999999, not '"
                  + DisplayLanguages.printable(values[0].strip())
                  + "'");
        }
      }
    }
    return true;
  }

  /** Ordered after HAPI's authorization interceptor on the same pointcut. */
  @Hook(
      value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED,
      order = AuthorizationConstants.ORDER_AUTH_INTERCEPTOR + 50)
  public void beforeAnswering(RequestDetails request) {
    String type = request.getResourceName();
    String name = request.getOperation();
    if (type == null || name == null) {
      return;
    }
    String operation = type + "/" + name;
    OperationInput input = OperationInput.of(request);
    Asked asked =
        switch (operation) {
          case "ValueSet/$expand" -> expand(request, input);
          case "ValueSet/$validate-code" -> validateValueSetCode(request, input);
          case "CodeSystem/$validate-code" -> validateCodeSystemCode(request, input);
          case "CodeSystem/$lookup" -> lookup(input);
          case "CodeSystem/$subsumes" -> subsumes(input);
          default -> null;
        };
    if (asked != null) {
      questions.put(request, asked);
    }
  }

  private Asked expand(RequestDetails request, OperationInput input) {
    OperationParameters.requireHonoured("ValueSet/$expand", input);
    String language = language(input);
    String url = input.text("url").orElse(null);
    String version = input.text("valueSetVersion").orElse(null);
    boolean instance = request.getId() != null && request.getId().hasIdPart();
    if (!instance && url != null) {
      targets.requireValueSet("$expand", url, version);
    }
    if (instance || url != null) {
      targets.preExpandIfPending(instance ? request.getId() : null, url, version);
    }
    return new Asked("$expand", null, null, null, List.of(), language);
  }

  private Asked validateValueSetCode(RequestDetails request, OperationInput input) {
    OperationParameters.requireHonoured("ValueSet/$validate-code", input);
    String language = language(input);
    boolean instance = request.getId() != null && request.getId().hasIdPart();
    Optional<String> url = input.text("url");
    if (!instance && url.isPresent()) {
      targets.requireValueSet(
          "$validate-code", url.get(), input.text("valueSetVersion").orElse(null));
    }
    return new Asked("$validate-code", null, null, null, List.of(), language);
  }

  private Asked validateCodeSystemCode(RequestDetails request, OperationInput input) {
    OperationParameters.requireHonoured("CodeSystem/$validate-code", input);
    String language = language(input);
    boolean instance = request.getId() != null && request.getId().hasIdPart();
    Optional<String> url =
        input.text("url").or(() -> input.coding("coding").map(Coding::getSystem));
    if (!instance && url.isPresent()) {
      targets.requireCodeSystem("$validate-code", url.get(), input.text("version").orElse(null));
    }
    return new Asked("$validate-code", null, null, null, List.of(), language);
  }

  private Asked lookup(OperationInput input) {
    OperationParameters.requireHonoured("CodeSystem/$lookup", input);
    String language = language(input);
    Optional<Coding> coding = input.coding("coding");
    String system = input.text("system").orElse(coding.map(Coding::getSystem).orElse(null));
    String code = input.text("code").orElse(coding.map(Coding::getCode).orElse(null));
    String version = input.text("version").orElse(coding.map(Coding::getVersion).orElse(null));
    if (code == null || code.isBlank()) {
      throw TerminologyErrors.invalid("$lookup: give 'code' and 'system', or 'coding'");
    }
    if (system == null || system.isBlank()) {
      throw TerminologyErrors.invalid(
          "$lookup: code '" + code + "' needs 'system' (the code system's url)");
    }
    CodeSystem codeSystem = targets.requireCodeSystem("$lookup", system, version);
    return new Asked("$lookup", codeSystem, code, null, input.texts("property"), language);
  }

  private Asked subsumes(OperationInput input) {
    OperationParameters.requireHonoured("CodeSystem/$subsumes", input);
    Optional<Coding> codingA = input.coding("codingA");
    Optional<Coding> codingB = input.coding("codingB");
    String codeA = input.text("codeA").orElse(codingA.map(Coding::getCode).orElse(null));
    String codeB = input.text("codeB").orElse(codingB.map(Coding::getCode).orElse(null));
    if (codeA == null || codeB == null) {
      throw TerminologyErrors.invalid(
          "$subsumes: give 'codeA' and 'codeB' with 'system', or 'codingA' and 'codingB'");
    }
    String system =
        input
            .text("system")
            .or(() -> codingA.map(Coding::getSystem))
            .or(() -> codingB.map(Coding::getSystem))
            .orElseThrow(
                () ->
                    TerminologyErrors.invalid(
                        "$subsumes: give 'system' (the code system's url) with codeA and codeB"));
    for (Optional<Coding> coding : List.of(codingA, codingB)) {
      if (coding.isPresent()
          && coding.get().hasSystem()
          && !coding.get().getSystem().equals(system)) {
        throw TerminologyErrors.invalid(
            "$subsumes: both codes must be in one code system; got '"
                + system
                + "' and '"
                + coding.get().getSystem()
                + "'");
      }
    }
    CodeSystem codeSystem =
        targets.requireCodeSystem("$subsumes", system, input.text("version").orElse(null));
    if (!TerminologyTargets.hierarchical(codeSystem)) {
      throw TerminologyErrors.unprocessable(
          "$subsumes: code system '"
              + system
              + "' has no hierarchy (no hierarchyMeaning, no nested concepts), so no code in it"
              + " subsumes another; ours with one: "
              + String.join(", ", hierarchicalSystems));
    }
    for (String code : List.of(codeA, codeB)) {
      requireConcept("$subsumes", codeSystem, code);
    }
    return new Asked("$subsumes", codeSystem, codeA, codeB, List.of(), null);
  }

  private static void requireConcept(String operation, CodeSystem codeSystem, String code) {
    boolean complete = codeSystem.getContent() == CodeSystem.CodeSystemContentMode.COMPLETE;
    Optional<List<ConceptDefinitionComponent>> path = TerminologyTargets.path(codeSystem, code);
    if (complete && path.isEmpty()) {
      throw TerminologyErrors.notFound(
          operation
              + ": code '"
              + code
              + "' is not in code system '"
              + codeSystem.getUrl()
              + "' on this server");
    }
  }

  private String language(OperationInput input) {
    return input.text("displayLanguage").map(languages::answer).orElse(null);
  }
}
