package org.stomacds.casedata;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Gathers the resources a rule evaluation needs, starting from the focus and following references
 * (Claim to Patient, Coverage, Procedure, Conditions and Encounter; Coverage to the payer;
 * Encounter to its Location; Procedure to its focal and used Devices; DocumentReference and
 * DiagnosticReport to the Binary of an attachment given by url, on the source's server only;
 * DiagnosticReport to its result Observations) plus a fixed set of searches by patient and
 * encounter ({@link CaseQueries}: for an encounter, its Procedures, Claims, DocumentReferences,
 * Observations, QuestionnaireResponses and DiagnosticReports).
 *
 * <p>Lookups are answered from what is already known first ({@link KnownResources}); the rest are
 * fetched from the {@link FhirDataSource} in rounds, each round's lookups in parallel, all within
 * one deadline. When everything is known no thread is used and nothing blocks. A lookup that cannot
 * be answered is reported in {@link CaseData#missing()}, never silently dropped: a rule that looks
 * at an unread note would report documentation as missing when it is not.
 *
 * <p>Plain Java, thread-safe, no per-call state in fields: the CDS Hooks layer and the server's
 * write checks share it.
 */
public final class CaseAssembler {

  /** Rounds of reference following; the deepest chain (Claim, Coverage, payer) needs three. */
  private static final int MAX_ROUNDS = 8;

  private static final int MAX_RESOURCES = 2_000;

  private final Executor executor;
  private final Duration timeout;

  /**
   * @param executor runs fetches in parallel
   * @param timeout how long all fetches of one case may take together
   */
  public CaseAssembler(Executor executor, Duration timeout) {
    this.executor = executor;
    this.timeout = timeout;
  }

  /** Gathers the case; never throws for unavailable data (see {@link CaseData#missing()}). */
  public CaseData assemble(CaseRequest request, KnownResources known, FhirDataSource source) {
    return new Run(request.scope(), known, source, System.nanoTime() + timeout.toNanos())
        .gather(request);
  }

  private record Lookup(String query, boolean expand) {}

  /** The state of one assembly: confined to the calling thread. */
  private final class Run {
    private final CaseScope scope;
    private final KnownResources known;
    private final FhirDataSource source;
    private final long deadlineNanos;

    private final Map<String, Resource> byReference = new LinkedHashMap<>();
    private final List<Resource> withoutId = new ArrayList<>();
    private final Set<String> expanded = new HashSet<>();
    private final Set<String> scheduled = new HashSet<>();
    private final Set<String> patients = new HashSet<>();
    private final Set<String> encounters = new HashSet<>();
    private final Deque<Lookup> pending = new ArrayDeque<>();
    private final Map<String, List<Resource>> answers = new LinkedHashMap<>();
    private final List<MissingData> missing = new ArrayList<>();

    Run(CaseScope scope, KnownResources known, FhirDataSource source, long deadlineNanos) {
      this.scope = scope;
      this.known = known;
      this.source = source;
      this.deadlineNanos = deadlineNanos;
    }

    CaseData gather(CaseRequest request) {
      request.focus().forEach(r -> add(r, true));
      if (request.patientId() != null) {
        patient(request.patientId());
      }
      if (request.encounterId() != null) {
        encounter(request.encounterId());
      }
      for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
        List<Lookup> batch = new ArrayList<>(pending);
        pending.clear();
        List<Lookup> toFetch = new ArrayList<>();
        for (Lookup lookup : batch) {
          Optional<List<Resource>> answer = known.answer(lookup.query());
          if (answer.isPresent()) {
            accept(lookup, answer.get());
          } else {
            toFetch.add(lookup);
          }
        }
        fetch(toFetch);
      }
      if (!pending.isEmpty()) {
        pending.forEach(
            l -> missing.add(new MissingData(l.query(), "references nest deeper than expected")));
      }
      List<Resource> resources = new ArrayList<>(byReference.values());
      resources.addAll(withoutId);
      return new CaseData(resources, answers, missing);
    }

    private void fetch(List<Lookup> lookups) {
      if (lookups.isEmpty()) {
        return;
      }
      Map<Lookup, CompletableFuture<List<Resource>>> futures = new LinkedHashMap<>();
      for (Lookup lookup : lookups) {
        futures.put(lookup, CompletableFuture.supplyAsync(() -> call(lookup.query()), executor));
      }
      for (Map.Entry<Lookup, CompletableFuture<List<Resource>>> e : futures.entrySet()) {
        Lookup lookup = e.getKey();
        try {
          long remaining = Math.max(0, deadlineNanos - System.nanoTime());
          accept(lookup, e.getValue().get(remaining, TimeUnit.NANOSECONDS));
        } catch (TimeoutException ex) {
          e.getValue().cancel(true);
          missing.add(
              new MissingData(lookup.query(), "no answer within " + timeout.toMillis() + " ms"));
        } catch (ExecutionException | CancellationException ex) {
          missing.add(new MissingData(lookup.query(), reason(ex)));
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          missing.add(new MissingData(lookup.query(), "interrupted"));
        }
      }
    }

    private List<Resource> call(String query) {
      if (CaseQueries.isSearch(query)) {
        return source.search(query);
      }
      return source.read(query).map(List::of).orElse(List.of());
    }

    private String reason(Exception ex) {
      Throwable cause =
          ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
      if (cause instanceof FhirDataUnavailableException) {
        return cause.getMessage();
      }
      // Other failures may carry data in their message: name the kind only.
      return "the data source failed (" + cause.getClass().getSimpleName() + ")";
    }

    private void accept(Lookup lookup, List<Resource> resources) {
      answers.put(lookup.query(), List.copyOf(resources));
      resources.forEach(r -> add(r, lookup.expand()));
    }

    private void add(Resource resource, boolean expand) {
      Optional<String> ref = References.of(resource);
      if (ref.isEmpty()) {
        withoutId.add(resource);
        if (expand) {
          expand(resource);
        }
        return;
      }
      if (!byReference.containsKey(ref.get())) {
        if (byReference.size() >= MAX_RESOURCES) {
          missing.add(
              new MissingData(ref.get(), "the case has more than " + MAX_RESOURCES + " resources"));
          return;
        }
        byReference.put(ref.get(), resource);
      }
      if (expand && expanded.add(ref.get())) {
        expand(byReference.get(ref.get()));
      }
    }

    private void schedule(String query, boolean expand) {
      String key = CaseQueries.normalize(query);
      Resource had = CaseQueries.isSearch(key) ? null : byReference.get(key);
      if (had != null) {
        // Already in the case (e.g. a search result): no need to read it again.
        if (expand && expanded.add(key)) {
          expand(had);
        }
        return;
      }
      if (scheduled.add(key)) {
        pending.add(new Lookup(key, expand));
      }
    }

    private void read(Reference reference) {
      References.relative(reference).ifPresent(ref -> schedule(ref, true));
    }

    private void read(List<Reference> references) {
      references.forEach(this::read);
    }

    private void patient(String id) {
      if (patients.add(id)) {
        schedule("Patient/" + id, true);
        schedule(CaseQueries.coverageOfPatient(id), true);
        schedule(CaseQueries.conditionsOfPatient(id), false);
        schedule(CaseQueries.proceduresOfPatient(id), false);
      }
    }

    private void encounter(String id) {
      if (encounters.add(id)) {
        schedule("Encounter/" + id, true);
        if (scope == CaseScope.ENCOUNTER) {
          schedule(CaseQueries.proceduresOfEncounter(id), true);
          schedule(CaseQueries.claimsOfEncounter(id), true);
          schedule(CaseQueries.documentsOfEncounter(id), true);
          // Documentation recorded as structured data: flowsheet Observations and templates.
          schedule(CaseQueries.observationsOfEncounter(id), false);
          schedule(CaseQueries.questionnaireResponsesOfEncounter(id), false);
          // Reports: their conclusions and attachments are notes, their results Observations.
          schedule(CaseQueries.diagnosticReportsOfEncounter(id), true);
        }
      }
    }

    private void patientOf(Reference reference) {
      References.relative(reference)
          .filter(ref -> ref.startsWith("Patient/"))
          .ifPresent(ref -> patient(References.idPart(ref)));
    }

    private void encounterOf(Reference reference) {
      References.relative(reference)
          .filter(ref -> ref.startsWith("Encounter/"))
          .ifPresent(ref -> encounter(References.idPart(ref)));
    }

    private void expand(Resource resource) {
      if (resource instanceof Claim claim) {
        patientOf(claim.getPatient());
        claim.getInsurance().forEach(i -> read(i.getCoverage()));
        read(claim.getFacility());
        read(claim.getReferral());
        for (Claim.ItemComponent item : claim.getItem()) {
          if (item.hasLocationReference()) {
            read(item.getLocationReference());
          }
          item.getEncounter().forEach(this::encounterOf);
        }
        for (Claim.ProcedureComponent p : claim.getProcedure()) {
          if (p.hasProcedureReference()) {
            read(p.getProcedureReference());
          }
        }
        for (Claim.DiagnosisComponent d : claim.getDiagnosis()) {
          if (d.hasDiagnosisReference()) {
            read(d.getDiagnosisReference());
          }
        }
        for (Claim.SupportingInformationComponent s : claim.getSupportingInfo()) {
          if (s.hasValueReference()) {
            read(s.getValueReference());
          }
        }
      } else if (resource instanceof Procedure procedure) {
        patientOf(procedure.getSubject());
        encounterOf(procedure.getEncounter());
        read(procedure.getLocation());
        read(procedure.getReasonReference());
        read(procedure.getBasedOn());
        read(procedure.getReport());
        // A balloon Device with its size documents the balloon diameter.
        procedure.getFocalDevice().forEach(d -> read(d.getManipulated()));
        for (Reference used : procedure.getUsedReference()) {
          References.relative(used)
              .filter(ref -> ref.startsWith("Device/"))
              .ifPresent(ref -> schedule(ref, false));
        }
      } else if (resource instanceof ServiceRequest order) {
        patientOf(order.getSubject());
        encounterOf(order.getEncounter());
        read(order.getInsurance());
        read(order.getReasonReference());
        read(order.getLocationReference());
        read(order.getSupportingInfo());
      } else if (resource instanceof Encounter encounter) {
        patientOf(encounter.getSubject());
        // Its Location says the setting. Encounter.serviceProvider is not followed: no rule reads
        // it, and a prefetch-only client would be asked for it for nothing.
        encounter.getLocation().forEach(l -> read(l.getLocation()));
      } else if (resource instanceof Coverage coverage) {
        patientOf(coverage.getBeneficiary());
        read(coverage.getPayor());
      } else if (resource instanceof DocumentReference document) {
        for (DocumentReference.DocumentReferenceContentComponent c : document.getContent()) {
          attachment(c.getAttachment());
        }
      } else if (resource instanceof DiagnosticReport report) {
        report.getPresentedForm().forEach(this::attachment);
        for (Reference result : report.getResult()) {
          References.relative(result)
              .filter(ref -> ref.startsWith("Observation/"))
              .ifPresent(ref -> schedule(ref, false));
        }
      }
    }

    /**
     * The Binary of an attachment given by URL: a relative {@code Binary/id} (on the FHIR server),
     * or an absolute URL under the source's base. An absolute URL elsewhere is never fetched (the
     * call's token stays with its server); a Binary the prefetch holds under that id still serves.
     */
    private void attachment(Attachment a) {
      if (a.hasData() || !a.hasUrl()) {
        return;
      }
      String url = a.getUrl().trim();
      Optional<String> ref;
      if (url.startsWith("http://") || url.startsWith("https://")) {
        ref = source.relativeUrl(url);
        if (ref.isEmpty()) {
          ref =
              References.relative(url)
                  .filter(r -> known.answer(r).map(found -> !found.isEmpty()).orElse(false));
        }
      } else {
        ref = References.relative(url);
      }
      ref.filter(r -> r.startsWith("Binary/")).ifPresent(r -> schedule(r, false));
    }
  }
}
