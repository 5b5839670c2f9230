package org.stomacds.cds.service;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.casedata.CaseAssembler;
import org.stomacds.casedata.CaseData;
import org.stomacds.casedata.CaseQueries;
import org.stomacds.casedata.CaseRequest;
import org.stomacds.casedata.FhirDataSource;
import org.stomacds.casedata.MissingData;
import org.stomacds.casedata.References;
import org.stomacds.cds.card.CardRenderer;
import org.stomacds.cds.card.RenderedCards;
import org.stomacds.cds.prefetch.DataSourceResolver;
import org.stomacds.cds.store.AuditRepository;
import org.stomacds.cds.store.CallRecords;
import org.stomacds.cds.store.FirstUse;
import org.stomacds.cds.wire.CdsException;
import org.stomacds.cds.wire.CdsRequest;
import org.stomacds.cds.wire.CdsRequestReader;
import org.stomacds.cds.wire.CdsResponse;
import org.stomacds.cds.wire.ErrorBody;
import org.stomacds.cds.wire.HookContext;
import org.stomacds.engine.Evaluation;
import org.stomacds.engine.EvaluationRequest;
import org.stomacds.engine.RuleEngine;
import org.stomacds.engine.facts.PackSubjects;

/**
 * Answers a hook call for any service of the catalog: read the request, check the hook's contract,
 * pick the focus, gather the case (prefetch first, then the client's FHIR server or our store),
 * evaluate the rules, render the cards, record the token's first use, the cards issued and the
 * invocation (one transaction, committed before the answer; see {@link CallClosing}). A call about
 * no order of the service's packs is answered {@code {"cards":[]}} from its draft orders alone: its
 * prefetch is never parsed, nothing is fetched, only its audit row is written.
 *
 * <p>No per-request state in fields. Logs ids, rule ids and timing only.
 */
public final class CdsHookService {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private final CdsServiceCatalog catalog;
  private final CdsRequestReader reader;
  private final DataSourceResolver sources;
  private final CaseAssembler assembler;
  private final RuleEngine engine;
  private final CardRenderer renderer;
  private final CallClosing closing;
  private final Clock clock;
  private final long maxBodyBytes;
  private final Map<String, PackSubjects> orderSubjects = new HashMap<>();

  public CdsHookService(
      CdsServiceCatalog catalog,
      CdsRequestReader reader,
      DataSourceResolver sources,
      CaseAssembler assembler,
      RuleEngine engine,
      CardRenderer renderer,
      CallRecords records,
      Clock clock,
      long maxBodyBytes) {
    this.catalog = catalog;
    this.reader = reader;
    this.sources = sources;
    this.assembler = assembler;
    this.engine = engine;
    this.renderer = renderer;
    this.closing = new CallClosing(records);
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
    for (CdsServiceDefinition service : catalog.all()) {
      orderSubjects.put(service.id(), engine.subjects(service.packs()));
    }
  }

  /**
   * Answers one call.
   *
   * @param caller who called, from the verified JWT; null when the call was not authenticated (the
   *     demo profile with no trusted issuer)
   * @param firstUse the first use of the caller's token, recorded in the transaction of the call's
   *     rows; null when there is none to record
   * @throws FirstUse.Replayed when the token turns out to be used already (another call with it
   *     committed first): to be answered 401, nothing of this call is written
   */
  public CdsResponse invoke(
      String serviceId, InputStream body, AuditRepository.Caller caller, FirstUse firstUse) {
    long start = System.nanoTime();
    Instant startedAt = clock.instant();
    CallOutcome outcome = new CallOutcome();
    outcome.caller = caller;
    CdsResponse response;
    try {
      CdsServiceDefinition service = find(serviceId);
      CdsRequest request =
          reader.read(Bodies.read(body, maxBodyBytes), service.prefetch().keySet());
      outcome.hookInstance = request.hookInstance();
      outcome.hook = request.hook();
      response = answer(service, request, outcome);
    } catch (CdsException e) {
      outcome.status = e.status();
      outcome.errorCode = e.code();
      closing.finish(serviceId, startedAt, start, outcome, firstUse);
      throw e;
    } catch (RuntimeException e) {
      outcome.status = 500;
      outcome.errorCode = "internal-error";
      closing.finish(serviceId, startedAt, start, outcome, firstUse);
      throw e;
    }
    // Throws when the cards could not be recorded, or the token turns out to be replayed.
    closing.finish(serviceId, startedAt, start, outcome, firstUse);
    return response;
  }

  public CdsServiceCatalog catalog() {
    return catalog;
  }

  CdsServiceDefinition find(String serviceId) {
    return catalog
        .find(serviceId)
        .orElseThrow(
            () ->
                new CdsException(
                    404,
                    "unknown-service",
                    "there is no CDS service '"
                        + safeId(serviceId)
                        + "'; GET /cds-services lists them"));
  }

  private CdsResponse answer(
      CdsServiceDefinition service, CdsRequest request, CallOutcome outcome) {
    checkContract(service, request);
    HookContext context = request.context();
    List<Resource> drafts =
        context.draftOrders() == null
            ? List.of()
            : context.draftOrders().stream().map(HookContext.DraftOrder::resource).toList();
    List<Resource> focus = orderFocus(service, context, orderSubjects.get(service.id()));
    if (service.focus() != FocusSelection.ENCOUNTER_RECORDS && focus.isEmpty()) {
      return CdsResponse.empty(); // no order of the service's packs: nothing said, nothing fetched
    }
    PrefetchIndex prefetch = PrefetchIndex.of(service, request, drafts);
    FhirDataSource source = sources.sourceFor(request);
    CaseData data =
        assembler.assemble(
            new CaseRequest(service.scope(), focus, context.patientId(), context.encounterId()),
            prefetch.known(),
            source);
    if (!data.complete()) {
      throw unavailable(data.missing(), prefetch);
    }
    Set<String> focusRefs = new LinkedHashSet<>();
    if (service.focus() == FocusSelection.ENCOUNTER_RECORDS) {
      String encounter = context.encounterId();
      data.found(CaseQueries.proceduresOfEncounter(encounter)).stream()
          .filter(Procedure.class::isInstance)
          .forEach(r -> References.of(r).ifPresent(focusRefs::add));
      data.found(CaseQueries.claimsOfEncounter(encounter)).stream()
          .filter(Claim.class::isInstance)
          .forEach(r -> References.of(r).ifPresent(focusRefs::add));
      if (focusRefs.isEmpty()) {
        return CdsResponse.empty(); // nothing documented or billed in this encounter yet
      }
    } else {
      focus.forEach(r -> References.of(r).ifPresent(focusRefs::add));
    }
    Evaluation evaluation =
        engine.evaluate(
            new EvaluationRequest(data.resources(), service.stages(), focusRefs, service.packs()));
    RenderedCards rendered = renderer.render(evaluation, data, context.userId());
    outcome.issued =
        new CallRecords.IssuedCards(
            service.id(),
            request.hookInstance(),
            evaluation.packVersion(),
            clock.instant(),
            rendered.issued());
    outcome.packVersion = evaluation.packVersion();
    outcome.ruleIds = rendered.issued().stream().map(RenderedCards.Issued::ruleId).toList();
    outcome.cardUuids = rendered.issued().stream().map(RenderedCards.Issued::cardUuid).toList();
    return rendered.response();
  }

  /** 422 for a call that does not fit the service's hook. */
  private static void checkContract(CdsServiceDefinition service, CdsRequest request) {
    if (!service.hook().id().equals(request.hook())) {
      throw CdsException.contract(
          "wrong-hook",
          "service '"
              + service.id()
              + "' answers hook '"
              + service.hook().id()
              + "', not '"
              + safeId(request.hook())
              + "'");
    }
    HookContext context = request.context();
    requireId(context.patientId(), "context.patientId");
    if (service.hook() == Hook.ENCOUNTER_DISCHARGE) {
      requireId(context.encounterId(), "context.encounterId");
    } else if (context.encounterId() != null && !FHIR_ID.matcher(context.encounterId()).matches()) {
      throw CdsException.invalid("invalid-request", "context.encounterId is not a FHIR id");
    }
    if (service.hook() == Hook.ORDER_SIGN || service.hook() == Hook.ORDER_SELECT) {
      if (context.draftOrders() == null) {
        throw CdsException.contract("hook-contract", "context.draftOrders is missing");
      }
    }
    if (service.hook() == Hook.ORDER_SELECT
        && (context.selections() == null || context.selections().isEmpty())) {
      throw CdsException.contract("hook-contract", "context.selections is missing or empty");
    }
  }

  private static void requireId(String value, String path) {
    if (value == null || value.isBlank()) {
      throw CdsException.contract("hook-contract", path + " is missing");
    }
    if (!FHIR_ID.matcher(value).matches()) {
      throw CdsException.invalid("invalid-request", path + " is not a FHIR id");
    }
  }

  /**
   * The orders of the service's packs the rules are asked about; 422 when a selection names no
   * draft order.
   */
  private static List<Resource> orderFocus(
      CdsServiceDefinition service, HookContext context, PackSubjects subjects) {
    if (service.focus() == FocusSelection.ENCOUNTER_RECORDS) {
      return List.of();
    }
    List<HookContext.DraftOrder> candidates = new ArrayList<>();
    if (service.focus() == FocusSelection.SELECTED_ORDERS) {
      List<String> selections = context.selections();
      for (int i = 0; i < selections.size(); i++) {
        String wanted = References.relative(selections.get(i)).orElse(null);
        HookContext.DraftOrder match =
            wanted == null
                ? null
                : context.draftOrders().stream()
                    .filter(d -> References.of(d.resource()).map(wanted::equals).orElse(false))
                    .findFirst()
                    .orElse(null);
        if (match == null) {
          throw CdsException.contract(
              "hook-contract",
              "context.selections[" + i + "] names no resource in context.draftOrders");
        }
        candidates.add(match);
      }
    } else {
      candidates.addAll(context.draftOrders());
    }
    List<Resource> focus = new ArrayList<>();
    for (HookContext.DraftOrder d : candidates) {
      if (subjects.isOrder(d.resource())) {
        if (References.of(d.resource()).isEmpty()) {
          throw CdsException.contract("hook-contract", d.path() + ".id is missing");
        }
        focus.add(d.resource());
      }
    }
    return focus;
  }

  private static CdsException unavailable(List<MissingData> missing, PrefetchIndex prefetch) {
    List<ErrorBody.Detail> details = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (MissingData m : missing) {
      var key = prefetch.keyFor(m.lookup());
      String reason =
          key.map(k -> "prefetch '" + k.key() + "' was " + k.clientStatus() + "; " + m.reason())
              .orElse(m.reason());
      details.add(
          new ErrorBody.Detail(
              key.map(PrefetchIndex.KeyState::key).orElse(null), m.lookup(), reason));
      parts.add(key.map(k -> "prefetch '" + k.key() + "' (" + m.lookup() + ")").orElse(m.lookup()));
    }
    return new CdsException(
        412,
        "prefetch-unavailable",
        "data the service needs could not be obtained: " + String.join(", ", parts),
        details);
  }

  static String safeId(String value) {
    if (value == null) {
      return null;
    }
    return SAFE_ID.matcher(value).matches() ? value : "(not a valid id)";
  }
}
