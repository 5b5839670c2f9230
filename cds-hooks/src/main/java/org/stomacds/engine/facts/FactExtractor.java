package org.stomacds.engine.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.stomacds.engine.narrative.NoteReader;
import org.stomacds.engine.payer.PayerMapping;

/**
 * The one place that turns FHIR R4 resources into the facts the rules read. Thread-safe: all
 * per-request state lives in a {@link Extraction} made for each call.
 *
 * <p>Subjects are the resources that bill, document or order the subject code (44405): Claims with
 * a line for it, Procedures coded with it, ServiceRequests for it. With a focus, only the subjects
 * named by it (or belonging to a focused Encounter) are kept.
 *
 * <p>This class finds the subjects and keeps the focus; the reading is done by one reader per
 * resource kind ({@link OrderReader}, {@link ProcedureReader}, {@link ClaimReader} with {@link
 * ClaimLineReader}) and {@link ClaimProcedureLinks} tells which Procedures a Claim bills.
 */
public final class FactExtractor {

  /**
   * The knowledge the facts need from the terminology.
   *
   * @param subjectCode the CPT code the rule pack is about
   * @param moderateSedationCodes codes of moderate sedation (a sedation Procedure part of the
   *     subject documents the sedation type and times)
   * @param anesthesiaCodes codes of anesthesia care for the subject
   * @param globalDays the global surgical period of a code, in days; -1 when none or unknown
   */
  public record Options(
      String subjectCode,
      Set<String> moderateSedationCodes,
      Set<String> anesthesiaCodes,
      GlobalDays globalDays) {
    public Options {
      moderateSedationCodes = Set.copyOf(moderateSedationCodes);
      anesthesiaCodes = Set.copyOf(anesthesiaCodes);
    }
  }

  /** The global surgical period of a procedure code. */
  @FunctionalInterface
  public interface GlobalDays {
    /** Days after the procedure its global period covers (10, 90); 0 or -1 when none. */
    int of(String code);
  }

  private final PayerMapping payers;
  private final Narrative narrative;
  private final Options options;
  private final PackSubjects subjects;

  /**
   * @param payers how the payer and line of business are told
   * @param notes the narrative reader for procedure notes
   * @param options what the facts need from the terminology
   */
  public FactExtractor(PayerMapping payers, NoteReader notes, Options options) {
    this(payers, new NoteReaderNarrative(notes), options);
  }

  FactExtractor(PayerMapping payers, Narrative narrative, Options options) {
    this.payers = payers;
    this.narrative = narrative;
    this.options = options;
    this.subjects = new PackSubjects(Set.of(options.subjectCode()), options.anesthesiaCodes());
  }

  /**
   * Reads the facts of a request.
   *
   * @param resources every resource of the case
   * @param focus relative references of the resources asked about; empty for every subject
   * @param today the date an order with no planned date is taken to be for
   */
  public CaseFacts extract(List<Resource> resources, Set<String> focus, LocalDate today) {
    return new Extraction(new ResourceIndex(resources), focus, today).run();
  }

  /** The state of one extraction: its readers, and the subjects found so far. */
  private final class Extraction {
    private final ResourceIndex index;
    private final Set<String> focus;
    private final List<Procedure> subjectProcedures = new ArrayList<>(1);
    private final OrderReader orders;
    private final ProcedureReader procedures;
    private final ClaimReader claims;
    private final ClaimProcedureLinks links;

    Extraction(ResourceIndex index, Set<String> focus, LocalDate today) {
      this.index = index;
      this.focus = focus;
      DocumentationReader documentation =
          new DocumentationReader(
              index, narrative, options.moderateSedationCodes(), options.anesthesiaCodes());
      SettingReader settings = new SettingReader(index);
      CaseCoverages coverages = new CaseCoverages(index, payers);
      AdministrativeReader administrative = new AdministrativeReader(index, options.subjectCode());
      ProviderKeys providers = new ProviderKeys(index);
      PriorProcedureReader priors =
          new PriorProcedureReader(index, options.globalDays(), providers);
      this.orders = new OrderReader(index, today, coverages, settings, administrative);
      this.procedures =
          new ProcedureReader(index, documentation, settings, coverages, providers, priors);
      this.claims =
          new ClaimReader(
              index,
              options.subjectCode(),
              documentation,
              settings,
              coverages,
              administrative,
              procedures,
              priors,
              new ClaimLineReader(providers));
      this.links =
          new ClaimProcedureLinks(index, subjects, options.subjectCode(), subjectProcedures);
    }

    CaseFacts run() {
      for (Procedure procedure : index.procedures) {
        if (isSubject(procedure)) {
          subjectProcedures.add(procedure);
        }
      }
      List<OrderFacts> orderFacts = new ArrayList<>(1);
      for (ServiceRequest request : index.serviceRequests) {
        if (isSubject(request) && inFocus(request)) {
          orderFacts.add(orders.read(request));
        }
      }
      List<ProcedureFacts> procedureFacts = new ArrayList<>(1);
      for (Procedure procedure : subjectProcedures) {
        if (inFocus(procedure)) {
          procedureFacts.add(procedures.of(procedure));
        }
      }
      List<ClaimFacts> claimFacts = new ArrayList<>(1);
      for (Claim claim : index.claims) {
        if (!isSubject(claim)) {
          continue;
        }
        boolean bills = subjects.bills(claim);
        List<Procedure> linked = links.of(claim);
        // An anesthesia claim belongs to the case only through a procedure of the subject code.
        if ((bills || !linked.isEmpty()) && inFocus(claim, linked)) {
          claimFacts.add(claims.read(claim, linked));
        }
      }
      return new CaseFacts(orderFacts, procedureFacts, claimFacts);
    }

    private boolean isSubject(Resource resource) {
      return subjects.isLiveSubject(resource);
    }

    private boolean inFocus(ServiceRequest request) {
      return focus.isEmpty()
          || focus.contains(ResourceIndex.ref(request))
          || focused(request.getEncounter());
    }

    private boolean inFocus(Procedure procedure) {
      return focus.isEmpty()
          || focus.contains(ResourceIndex.ref(procedure))
          || focused(procedure.getEncounter());
    }

    private boolean inFocus(Claim claim, List<Procedure> linked) {
      if (focus.isEmpty() || focus.contains(ResourceIndex.ref(claim))) {
        return true;
      }
      for (Claim.ItemComponent item : claim.getItem()) {
        for (Reference encounter : item.getEncounter()) {
          if (focused(encounter)) {
            return true;
          }
        }
      }
      for (Procedure procedure : linked) {
        if (focused(procedure.getEncounter())) {
          return true;
        }
      }
      return false;
    }

    private boolean focused(Reference reference) {
      String key = ResourceIndex.key(reference);
      return key != null && focus.contains(key);
    }
  }
}
