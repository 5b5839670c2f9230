package org.stomacds.server.terminology;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.jpa.term.api.ITermReadSvc;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.ValueSet;
import org.stomacds.engine.terminology.Terminology;

/**
 * The code systems and value sets a terminology operation names, as HAPI holds them: every stored
 * one (ours and any a client wrote) and HAPI's built-in FHIR ones. What the request checks and the
 * answer additions ask about them.
 */
final class TerminologyTargets {

  private final ITermReadSvc termReadSvc;
  private final IValidationSupport validationSupport;
  private final DaoRegistry daoRegistry;

  TerminologyTargets(
      ITermReadSvc termReadSvc, IValidationSupport validationSupport, DaoRegistry daoRegistry) {
    this.termReadSvc = termReadSvc;
    this.validationSupport = validationSupport;
    this.daoRegistry = daoRegistry;
  }

  /** A code system by url, and version when given; empty when HAPI holds none such. */
  Optional<CodeSystem> codeSystem(String url, String version) {
    try {
      return Optional.ofNullable(
          termReadSvc.fetchCanonicalCodeSystemFromCompleteContext(canonical(url, version)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A value set by url, and version when given; empty when HAPI holds none such. */
  Optional<ValueSet> valueSet(String url, String version) {
    try {
      return validationSupport.fetchValueSet(canonical(url, version)) instanceof ValueSet vs
          ? Optional.of(vs)
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The code system named, or 404: unknown url, or a version we do not hold (the message names the
   * one we do).
   */
  CodeSystem requireCodeSystem(String operation, String url, String version) {
    Optional<CodeSystem> found = codeSystem(url, version);
    if (found.isPresent()) {
      return found.get();
    }
    Optional<CodeSystem> anyVersion = version == null ? found : codeSystem(url, null);
    if (anyVersion.isPresent()) {
      throw TerminologyErrors.notFound(
          operation
              + ": code system '"
              + url
              + "' is held here in version '"
              + anyVersion.get().getVersion()
              + "' only, not '"
              + version
              + "'");
    }
    String alias = Terminology.canonicalSystem(url);
    throw TerminologyErrors.notFound(
        operation
            + ": code system '"
            + url
            + "' is not on this server"
            + (alias.equals(url) ? "" : " under that name; it holds it as '" + alias + "'")
            + " (CodeSystem?_elements=url,version lists the code systems it holds)");
  }

  /** The value set named, or 404 (as {@link #requireCodeSystem}). */
  ValueSet requireValueSet(String operation, String url, String version) {
    Optional<ValueSet> found = valueSet(url, version);
    if (found.isPresent()) {
      return found.get();
    }
    Optional<ValueSet> anyVersion = version == null ? found : valueSet(url, null);
    if (anyVersion.isPresent()) {
      throw TerminologyErrors.notFound(
          operation
              + ": value set '"
              + url
              + "' is held here in version '"
              + anyVersion.get().getVersion()
              + "' only, not '"
              + version
              + "'");
    }
    throw TerminologyErrors.notFound(
        operation
            + ": value set '"
            + url
            + "' is not on this server (ValueSet?_elements=url,version lists the value sets it"
            + " holds)");
  }

  /**
   * Whether subsumption is defined for the code system: it declares a {@code hierarchyMeaning} or
   * nests concepts.
   */
  static boolean hierarchical(CodeSystem codeSystem) {
    return codeSystem.hasHierarchyMeaning()
        || codeSystem.getConcept().stream().anyMatch(ConceptDefinitionComponent::hasConcept);
  }

  /** The concept with this code and the chain of its parents, innermost last; empty if absent. */
  static Optional<List<ConceptDefinitionComponent>> path(CodeSystem codeSystem, String code) {
    return path(codeSystem.getConcept(), code, List.of());
  }

  private static Optional<List<ConceptDefinitionComponent>> path(
      List<ConceptDefinitionComponent> concepts,
      String code,
      List<ConceptDefinitionComponent> above) {
    for (ConceptDefinitionComponent concept : concepts) {
      List<ConceptDefinitionComponent> here =
          java.util.stream.Stream.concat(above.stream(), java.util.stream.Stream.of(concept))
              .toList();
      if (code.equals(concept.getCode())) {
        return Optional.of(here);
      }
      Optional<List<ConceptDefinitionComponent>> below = path(concept.getConcept(), code, here);
      if (below.isPresent()) {
        return below;
      }
    }
    return Optional.empty();
  }

  /**
   * Makes sure a value set stored here has its expansion stored before it is expanded: HAPI expands
   * one that is not yet pre-expanded (just written, or changed) in memory, where {@code count}
   * below its size fails (HAPI-0831) and {@code offset} is not applied. HAPI's own job would get to
   * it within ten minutes; this does it now. Value sets HAPI does not store (its built-in FHIR
   * ones) are left alone.
   */
  @SuppressWarnings("unchecked")
  void preExpandIfPending(IIdType id, String url, String version) {
    IFhirResourceDao<ValueSet> dao =
        (IFhirResourceDao<ValueSet>) daoRegistry.getResourceDao("ValueSet");
    List<ValueSet> stored;
    if (id != null && id.hasIdPart()) {
      stored = List.of(dao.read(id.toUnqualifiedVersionless(), new SystemRequestDetails()));
    } else if (url != null) {
      SearchParameterMap byUrl = SearchParameterMap.newSynchronous().add("url", new UriParam(url));
      if (version != null) {
        byUrl.add("version", new TokenParam(version));
      }
      stored =
          dao.search(byUrl, new SystemRequestDetails()).getAllResources().stream()
              .map(ValueSet.class::cast)
              .toList();
    } else {
      return;
    }
    if (stored.stream().anyMatch(vs -> !termReadSvc.isValueSetPreExpandedForCodeValidation(vs))) {
      termReadSvc.preExpandDeferredValueSetsToTerminologyTables();
    }
  }

  private static String canonical(String url, String version) {
    return version == null || version.isBlank() ? url : url + "|" + version;
  }
}
