package org.stomacds.cds;

import java.util.List;
import org.stomacds.engine.findings.Citation;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;
import org.stomacds.engine.findings.SourceCitation;

/** Findings a fake engine returns in tests, shaped like the rule pack's. */
public final class TestFindings {

  public static final String PACK = "2024.3-test";

  public static final SourceCitation NCCI =
      TestFindings.cited(
          "cms-ncci-ptp-2024q3",
          "CMS NCCI PTP edits, practitioner table, 2024 Q3",
          "https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits",
          Confidence.CMS_DATA);

  private TestFindings() {}

  /** A source of one document. */
  static SourceCitation cited(String id, String title, String url, Confidence confidence) {
    return new SourceCitation(
        java.util.List.of(new Citation(id, title, null, null, url, confidence, null)), confidence);
  }

  /** 44388 billed with 44405: remove the base code line. */
  public static Finding bundledBaseCode(String claimRef) {
    return new Finding(
        "ncci-44405-44388",
        PACK,
        Severity.ERROR,
        "44388 is bundled into 44405 and is never paid with it. Remove the 44388 line.",
        claimRef,
        "Claim.item[1]",
        List.of(new Evidence(claimRef, "Claim.item[1].productOrService", "44388")),
        List.of(
            new Fix(
                FixKind.REMOVE_LINE,
                "Remove line 2 (44388)",
                claimRef,
                2,
                null,
                null,
                null,
                true,
                null)),
        NCCI,
        List.of("no payer-specific policy on file"));
  }

  /** A second stricture: XS recommended, 59 the alternative. */
  public static Finding distinctStricture(String claimRef) {
    return new Finding(
        "modifier-distinct-stricture",
        PACK,
        Severity.WARNING,
        "A second 44405 line needs a modifier showing a distinct stricture.",
        claimRef,
        "Claim.item[2].modifier",
        List.of(
            new Evidence(
                "DocumentReference/note1", null, "second stricture at 20 cm <b>dilated</b>")),
        List.of(
            new Fix(
                FixKind.ADD_MODIFIER,
                "Add modifier XS to line 3",
                claimRef,
                3,
                null,
                "XS",
                null,
                true,
                "distinct"),
            new Fix(
                FixKind.ADD_MODIFIER,
                "Add modifier 59 to line 3",
                claimRef,
                3,
                null,
                "59",
                null,
                false,
                "distinct")),
        NCCI,
        List.of());
  }

  /**
   * Place of service 11 on one line of a hospital outpatient case: 22 recommended, 19 the
   * alternative (one finding per line, as the place-of-service rule emits them).
   */
  public static Finding officePlaceOfService(String claimRef, int line) {
    return new Finding(
        "pos-matches-setting",
        PACK,
        Severity.ERROR,
        "Place of service 11 on line "
            + line
            + " does not match the hospital outpatient encounter.",
        claimRef,
        "Claim.item[" + (line - 1) + "].locationCodeableConcept",
        List.of(new Evidence(claimRef, "Claim.item[" + (line - 1) + "]", "POS 11")),
        List.of(
            new Fix(
                FixKind.SET_PLACE_OF_SERVICE,
                "Set the place of service of line " + line + " to 22",
                claimRef,
                line,
                null,
                "22",
                null,
                true,
                "place-of-service"),
            new Fix(
                FixKind.SET_PLACE_OF_SERVICE,
                "Set the place of service of line " + line + " to 19",
                claimRef,
                line,
                null,
                "19",
                null,
                false,
                "place-of-service")),
        NCCI,
        List.of("no payer-specific policy on file"));
  }

  /** The note lacks the balloon diameter. */
  public static Finding missingBalloonDiameter(String procedureRef) {
    return new Finding(
        "doc-balloon-diameter",
        PACK,
        Severity.WARNING,
        "The procedure note does not state the balloon diameter.",
        procedureRef,
        null,
        List.of(new Evidence("DocumentReference/note1", null, null)),
        List.of(
            new Fix(
                FixKind.DOCUMENT_ELEMENT,
                "Document the balloon diameter",
                procedureRef,
                null,
                null,
                null,
                "balloon-diameter",
                true,
                null)),
        TestFindings.cited(
            "pack-doc",
            "Documentation requirements of the rule pack",
            null,
            Confidence.WIDELY_KNOWN),
        List.of());
  }

  /** Info only. */
  public static Finding info(String ref) {
    return new Finding(
        "info-fluoroscopy",
        PACK,
        Severity.INFO,
        "Fluoroscopy was used; 74360 has no NCCI edit with 44405.",
        ref,
        null,
        List.of(),
        List.of(),
        NCCI,
        List.of());
  }

  /** The order-sign documentation checklist. */
  public static Finding checklist(String orderRef) {
    return new Finding(
        "order-documentation-checklist",
        PACK,
        Severity.INFO,
        "The procedure note will need these elements for the claim.",
        orderRef,
        null,
        List.of(),
        List.of(
            new Fix(
                FixKind.DOCUMENT_ELEMENT,
                "Document the route through the stoma",
                orderRef,
                null,
                null,
                null,
                "route-through-stoma",
                true,
                null),
            new Fix(
                FixKind.DOCUMENT_ELEMENT,
                "Document the balloon diameter",
                orderRef,
                null,
                null,
                null,
                "balloon-diameter",
                true,
                null),
            new Fix(
                FixKind.DOCUMENT_ELEMENT,
                "Document the stricture location",
                orderRef,
                null,
                null,
                null,
                "stricture-location",
                true,
                null)),
        TestFindings.cited(
            "pack-doc",
            "Documentation requirements of the rule pack",
            null,
            Confidence.WIDELY_KNOWN),
        List.of());
  }

  /** Payer notice before the procedure (no action a client can apply). */
  public static Finding payerNotice(String orderRef) {
    return new Finding(
        "payer-advance-notification",
        PACK,
        Severity.WARNING,
        "The payer asks for advance notification of non-screening GI endoscopy.",
        orderRef,
        null,
        List.of(),
        List.of(
            new Fix(
                FixKind.NOTIFY_PAYER,
                "Notify the payer before the procedure",
                null,
                null,
                null,
                null,
                null,
                true,
                null)),
        TestFindings.cited(
            "uhc-gi",
            "UnitedHealthcare GI endoscopy notification",
            "https://www.uhcprovider.com/",
            Confidence.SOURCED),
        List.of());
  }
}
