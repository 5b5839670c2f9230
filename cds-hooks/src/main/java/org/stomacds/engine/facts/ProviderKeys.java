package org.stomacds.engine.facts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Providers as comparable text, so that a claim line's rendering provider and a procedure's
 * performer can be told to be the same person: the NPI when the reference or the resource carries
 * one ({@code npi:1234567893}), else the reference.
 */
final class ProviderKeys {

  private final ResourceIndex index;

  ProviderKeys(ResourceIndex index) {
    this.index = index;
  }

  /** The key of a referenced provider (a PractitionerRole stands for its Practitioner); or null. */
  String of(Reference reference, Resource from) {
    if (reference == null || reference.isEmpty()) {
      return null;
    }
    if (reference.hasIdentifier()
        && CodeSystems.NPI.equals(reference.getIdentifier().getSystem())) {
      return "npi:" + reference.getIdentifier().getValue();
    }
    Resource target = index.resolve(reference, from);
    if (target instanceof PractitionerRole role && role.hasPractitioner()) {
      Resource practitioner = index.resolve(role.getPractitioner(), role);
      if (practitioner != null) {
        target = practitioner;
      } else {
        return ResourceIndex.key(role.getPractitioner());
      }
    }
    List<Identifier> identifiers = List.of();
    if (target instanceof Practitioner practitioner) {
      identifiers = practitioner.getIdentifier();
    } else if (target instanceof Organization organization) {
      identifiers = organization.getIdentifier();
    }
    for (Identifier identifier : identifiers) {
      if (CodeSystems.NPI.equals(identifier.getSystem()) && identifier.hasValue()) {
        return "npi:" + identifier.getValue();
      }
    }
    return target != null ? ResourceIndex.ref(target) : ResourceIndex.key(reference);
  }

  /** The keys of a procedure's performers, in order, once each. */
  Set<String> performers(Procedure procedure) {
    Set<String> performers = new LinkedHashSet<>(2);
    for (Procedure.ProcedurePerformerComponent performer : procedure.getPerformer()) {
      String key = of(performer.getActor(), procedure);
      if (key != null) {
        performers.add(key);
      }
    }
    return performers;
  }
}
