package org.stomacds.engine.facts;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.payer.Payer;
import org.stomacds.engine.payer.PayerIdentity;
import org.stomacds.engine.payer.PayerMapping;

/** Reads a Coverage and its payer Organization into a payer and line of business. */
final class CoverageReader {

  private final ResourceIndex index;
  private final PayerMapping payers;

  CoverageReader(ResourceIndex index, PayerMapping payers) {
    this.index = index;
    this.payers = payers;
  }

  CoverageFacts none() {
    return new CoverageFacts(null, Payer.unknown("no Coverage in the case"), List.of());
  }

  CoverageFacts read(Coverage coverage) {
    if (coverage == null) {
      return none();
    }
    String ref = ResourceIndex.ref(coverage);
    List<Evidence> evidence = new ArrayList<>(3);
    List<String> names = new ArrayList<>(2);
    List<PayerIdentity.Code> identifiers = new ArrayList<>(1);
    boolean organization = false;
    for (int i = 0; i < coverage.getPayor().size(); i++) {
      Reference payor = coverage.getPayor().get(i);
      Resource target = index.resolve(payor, coverage);
      if (target instanceof Organization org) {
        organization = true;
        String orgRef = ResourceIndex.ref(org);
        if (org.hasName()) {
          names.add(org.getName());
          evidence.add(new Evidence(orgRef, "Organization.name", org.getName()));
        }
        for (StringType alias : org.getAlias()) {
          if (alias.hasValue()) {
            names.add(alias.getValue());
          }
        }
        for (Identifier identifier : org.getIdentifier()) {
          if (identifier.hasValue()) {
            identifiers.add(new PayerIdentity.Code(identifier.getSystem(), identifier.getValue()));
          }
        }
        break;
      }
      if (target == null && (payor.hasDisplay() || payor.hasIdentifier())) {
        // An Organization we were not given: its display and identifier are all we have.
        organization = true;
        if (payor.hasDisplay()) {
          names.add(payor.getDisplay());
          evidence.add(new Evidence(ref, "Coverage.payor[" + i + "].display", payor.getDisplay()));
        }
        if (payor.hasIdentifier() && payor.getIdentifier().hasValue()) {
          identifiers.add(
              new PayerIdentity.Code(
                  payor.getIdentifier().getSystem(), payor.getIdentifier().getValue()));
        }
        break;
      }
    }
    List<PayerIdentity.Code> types = new ArrayList<>(1);
    for (Coding coding : coverage.getType().getCoding()) {
      if (coding.hasCode()) {
        types.add(new PayerIdentity.Code(coding.getSystem(), coding.getCode()));
      }
    }
    if (!types.isEmpty()) {
      evidence.add(new Evidence(ref, "Coverage.type", FhirValues.words(coverage.getType())));
    }
    List<String> plans = new ArrayList<>(1);
    for (Coverage.ClassComponent planClass : coverage.getClass_()) {
      if (planClass.hasName()) {
        plans.add(planClass.getName());
      }
      if (planClass.hasValue()) {
        plans.add(planClass.getValue());
      }
    }
    Payer payer = payers.resolve(new PayerIdentity(organization, names, identifiers, types, plans));
    return new CoverageFacts(ref, payer, evidence);
  }
}
