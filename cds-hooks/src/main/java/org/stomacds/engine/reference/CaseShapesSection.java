package org.stomacds.engine.reference;

/**
 * The reference's section "What the rules read in a case": where in FHIR a case says what the rules
 * need. It describes the facts layer ({@code org.stomacds.engine.facts}), not a pack, so it is the
 * same in every pack's reference and changes when the facts layer does.
 */
final class CaseShapesSection {

  private CaseShapesSection() {}

  static void append(StringBuilder md) {
    md.append("## What the rules read in a case\n\n")
        .append("The facts layer (`org.stomacds.engine.facts`) is the only place that reads FHIR.")
        .append(" How a case says what the rules need:\n\n")
        .append(
            "- **Claim lines**: `Claim.item.productOrService` (CPT/HCPCS), `modifier` (matched by")
        .append(" code whichever of the CPT/HCPCS systems or aliases carries it, or none),")
        .append(" `quantity` (1 when absent), `servicedDate`/`servicedPeriod.start` (else")
        .append(" `Claim.billablePeriod`), `diagnosisSequence` to `Claim.diagnosis`")
        .append(" (`diagnosisCodeableConcept` or a Condition), `locationCodeableConcept` (place of")
        .append(" service), `careTeamSequence` to the rendering provider (else `Claim.provider`),")
        .append(
            " compared by NPI. `Claim.type` professional or institutional (a revenue code means")
        .append(" institutional). The focal `insurance` gives the Coverage, its `payor`")
        .append(" Organization and `Coverage.type`.\n")
        .append(
            "- **Setting**: the Encounter's `class` (IMP/ACUTE/NONAC inpatient, EMER emergency,")
        .append(" OBSENC/SS hospital outpatient) and its Location's `type` (a CMS place of service")
        .append(" code, or an HL7 RoleCode: HOSP and hospital units, PROFF office).\n")
        .append("- **Documentation** counts when it is in a standard element of the Procedure")
        .append(" (`bodySite` stricture location, `complication`/`complicationDetail`,")
        .append(
            " `reasonCode`/`reasonReference` indication, `followUp` instructions, `report`), in")
        .append(" a sedation or anesthesia Procedure that is `partOf` it (type and, from")
        .append(" `performedPeriod`, times), in the balloon Device of `focalDevice.manipulated` or")
        .append(
            " `usedReference` (a size `property` in mm, cm or French, or a size in `deviceName`")
        .append(" or `type.text` such as \"CRE balloon 15-16.5-18 mm\": a staged balloon documents")
        .append(" each size), in our extension")
        .append(" `https://stomacds.org/fhir/StructureDefinition/documentation-element` on the")
        .append(" Procedure (sub-extension `element`: a Coding of")
        .append(" `https://stomacds.org/fhir/CodeSystem/documentation-element`; sub-extension")
        .append(
            " `value`: any value), in a QuestionnaireResponse of a procedure template (linked by")
        .append(" `partOf`, `basedOn`, `encounter`, or `subject` with `authored` in the performed")
        .append(
            " period; items read by `text` or `linkId`), in an Observation (linked by `partOf`,")
        .append(" `focus` or `derivedFrom`, as a `result` of a linked DiagnosticReport, or by its")
        .append(" `encounter` with an effective time in the performed period) coded with that code")
        .append(" system, a LOINC or SNOMED CT code, or a local code whose text or display names")
        .append(" the element (the table `documentation/structured-labels.tsv`; values in UCUM")
        .append(" units, integers, decimals, text such as \"18 mm\", codes, booleans; a")
        .append(" `dataAbsentReason` documents nothing; entered-in-error and cancelled entries are")
        .append(" not read), or in the notes read by the narrative reader: `Procedure.note`, the")
        .append(" DocumentReferences and DiagnosticReports of `Procedure.report`, current")
        .append(" DocumentReferences whose `context.related` names the Procedure or whose")
        .append(" `context.encounter` names its encounter, and DiagnosticReports of its encounter")
        .append(" or order (`conclusion` and `presentedForm`). Attachments in plain text, HTML,")
        .append(
            " XHTML or RTF, inline or in a Binary (by a relative URL, or an absolute one on the")
        .append(" FHIR server); anything else is an unreadable note, itself a finding. Where the")
        .append(" structured record and a note both give a measure, both count, and")
        .append(" `documentation-agreement` compares them.\n")
        .append("- **Payer notification or authorization on file**: `Claim.insurance.preAuthRef`")
        .append(" of the focal insurance; a ClaimResponse with `use` preauthorization (not an")
        .append(" error, and for 44405 when it names services); or a DocumentReference (type or")
        .append(" category), or a `Claim.supportingInfo` (category or code), coded")
        .append(
            " `payer-notification` in `https://stomacds.org/fhir/CodeSystem/administrative-document`.\n")
        .append("- **ABN on file**: a DocumentReference (type or category) or a")
        .append(" `Claim.supportingInfo` (category or code, or a reference to such a")
        .append(" DocumentReference) coded `abn` in that code system. FHIR has no standard element")
        .append(" for an ABN; on the claim, GA says one is on file.\n")
        .append("- **Prior procedures**: completed Procedures of the patient before the date of")
        .append(" service whose global period (the terminology's `global-days` property, else the")
        .append(" fee schedule loaded, else the global-days supplement) covers it.\n");
  }
}
