package org.stomacds.engine.facts;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.stomacds.engine.findings.Evidence;

/**
 * Finds an Advance Beneficiary Notice and a payer notification or authorization on file.
 *
 * <p>How a case says so (standard elements first):
 *
 * <ul>
 *   <li>Payer notification or authorization: {@code Claim.insurance.preAuthRef} on the claim's
 *       focal insurance; a {@code ClaimResponse} with {@code use = preauthorization} that is not an
 *       error (for the subject code, when it names services); a DocumentReference, or a {@code
 *       Claim.supportingInfo} category or code, coded {@code payer-notification} in {@code
 *       https://stomacds.org/fhir/CodeSystem/administrative-document}.
 *   <li>ABN: a DocumentReference coded {@code abn} in that code system (type or category), or a
 *       {@code Claim.supportingInfo} with that category or code. There is no standard FHIR element
 *       for an ABN; the GA modifier is what the claim says, and is what the rules suggest.
 * </ul>
 *
 * Only current DocumentReferences of the case's patient (or with no subject) count.
 */
final class AdministrativeReader {

  static final String ABN = "abn";
  static final String PAYER_NOTIFICATION = "payer-notification";

  private final ResourceIndex index;
  private final String subjectCode;

  AdministrativeReader(ResourceIndex index, String subjectCode) {
    this.index = index;
    this.subjectCode = subjectCode;
  }

  OnFile abn(Claim claim, String patient) {
    List<Evidence> evidence = new ArrayList<>(1);
    if (claim != null) {
      supportingInfo(claim, ABN, evidence);
    }
    documents(ABN, patient, evidence);
    return onFile(evidence);
  }

  /** An ABN on file for an order: a DocumentReference of the patient coded abn. */
  OnFile abnForOrder(String patient) {
    List<Evidence> evidence = new ArrayList<>(1);
    documents(ABN, patient, evidence);
    return onFile(evidence);
  }

  OnFile authorization(Claim claim, Claim.InsuranceComponent insurance, String patient) {
    List<Evidence> evidence = new ArrayList<>(1);
    if (insurance != null) {
      int position = claim.getInsurance().indexOf(insurance);
      for (int i = 0; i < insurance.getPreAuthRef().size(); i++) {
        StringType reference = insurance.getPreAuthRef().get(i);
        if (reference.hasValue() && !reference.getValue().isBlank()) {
          evidence.add(
              new Evidence(
                  ResourceIndex.ref(claim),
                  "Claim.insurance[" + position + "].preAuthRef[" + i + "]",
                  reference.getValue()));
        }
      }
    }
    if (claim != null) {
      supportingInfo(claim, PAYER_NOTIFICATION, evidence);
    }
    preauthorizations(patient, evidence);
    documents(PAYER_NOTIFICATION, patient, evidence);
    return onFile(evidence);
  }

  /** A notification or authorization on file for an order (no claim yet). */
  OnFile authorizationForOrder(String patient) {
    List<Evidence> evidence = new ArrayList<>(1);
    preauthorizations(patient, evidence);
    documents(PAYER_NOTIFICATION, patient, evidence);
    return onFile(evidence);
  }

  private void supportingInfo(Claim claim, String code, List<Evidence> evidence) {
    for (int i = 0; i < claim.getSupportingInfo().size(); i++) {
      Claim.SupportingInformationComponent info = claim.getSupportingInfo().get(i);
      boolean coded = coded(info.getCategory(), code) || coded(info.getCode(), code);
      if (!coded && info.hasValueReference()) {
        Resource target = index.resolve(info.getValueReference(), claim);
        coded = target instanceof DocumentReference document && typed(document, code);
      }
      if (coded) {
        evidence.add(
            new Evidence(
                ResourceIndex.ref(claim),
                "Claim.supportingInfo[" + i + "]",
                FhirValues.words(info.getCategory())));
      }
    }
  }

  private void documents(String code, String patient, List<Evidence> evidence) {
    for (DocumentReference document : index.documentReferences) {
      if (NoteSources.current(document)
          && typed(document, code)
          && samePatient(document.getSubject(), patient)) {
        evidence.add(
            new Evidence(
                ResourceIndex.ref(document),
                "DocumentReference.type",
                FhirValues.words(document.getType())));
      }
    }
  }

  private void preauthorizations(String patient, List<Evidence> evidence) {
    for (ClaimResponse response : index.claimResponses) {
      if (response.getUse() != ClaimResponse.Use.PREAUTHORIZATION
          || response.getOutcome() == ClaimResponse.RemittanceOutcome.ERROR
          || response.getStatus() == ClaimResponse.ClaimResponseStatus.CANCELLED
          || response.getStatus() == ClaimResponse.ClaimResponseStatus.ENTEREDINERROR
          || !samePatient(response.getPatient(), patient)
          || !coversSubject(response)) {
        continue;
      }
      String text = response.hasPreAuthRef() ? response.getPreAuthRef() : "preauthorization";
      evidence.add(new Evidence(ResourceIndex.ref(response), "ClaimResponse.preAuthRef", text));
    }
  }

  /** A response that names services must name the subject code; one that names none counts. */
  private boolean coversSubject(ClaimResponse response) {
    boolean namesServices = false;
    for (ClaimResponse.AddedItemComponent item : response.getAddItem()) {
      String code = FhirValues.procedureCode(item.getProductOrService());
      if (code != null) {
        namesServices = true;
        if (code.equals(subjectCode)) {
          return true;
        }
      }
    }
    Claim request = index.resolve(response.getRequest(), response, Claim.class);
    if (request != null) {
      for (Claim.ItemComponent item : request.getItem()) {
        String code = FhirValues.procedureCode(item.getProductOrService());
        if (code != null) {
          namesServices = true;
          if (code.equals(subjectCode)) {
            return true;
          }
        }
      }
    }
    return !namesServices;
  }

  private static boolean typed(DocumentReference document, String code) {
    return coded(document.getType(), code)
        || FhirValues.hasCoding(document.getCategory(), CodeSystems.ADMINISTRATIVE_DOCUMENT, code);
  }

  private static boolean coded(CodeableConcept concept, String code) {
    return FhirValues.hasCoding(concept, CodeSystems.ADMINISTRATIVE_DOCUMENT, code);
  }

  private static boolean samePatient(Reference subject, String patient) {
    String key = ResourceIndex.key(subject);
    return key == null || patient == null || key.equals(patient);
  }

  private static OnFile onFile(List<Evidence> evidence) {
    return evidence.isEmpty() ? OnFile.ABSENT : new OnFile(true, evidence);
  }
}
