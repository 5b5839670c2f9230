package org.stomacds.casedata;

import java.util.ArrayList;
import java.util.List;

/**
 * The searches the {@link CaseAssembler} runs, in one canonical form, and the normalisation that
 * lets a client's prefetch answer them.
 *
 * <p>A CDS service's prefetch templates use these same searches (plus an {@code _include}, which
 * {@link #normalize} drops), so a complete prefetch answers every lookup and no remote call is
 * made. (The order hooks' encounter is the exception: they may not name {@code encounterId} in a
 * template, so they ask for the patient's open encounters, whose answer makes the encounter's read
 * known when it is one of them.)
 */
public final class CaseQueries {

  private CaseQueries() {}

  public static String coverageOfPatient(String patientId) {
    return "Coverage?patient=" + patientId;
  }

  public static String conditionsOfPatient(String patientId) {
    return "Condition?patient=" + patientId;
  }

  public static String proceduresOfPatient(String patientId) {
    return "Procedure?patient=" + patientId;
  }

  public static String proceduresOfEncounter(String encounterId) {
    return "Procedure?encounter=" + encounterId;
  }

  public static String claimsOfEncounter(String encounterId) {
    return "Claim?encounter=" + encounterId;
  }

  public static String documentsOfEncounter(String encounterId) {
    return "DocumentReference?encounter=" + encounterId;
  }

  /** Observations of the encounter: documentation recorded as structured data. */
  public static String observationsOfEncounter(String encounterId) {
    return "Observation?encounter=" + encounterId;
  }

  /** Procedure templates answered in the encounter: documentation as QuestionnaireResponses. */
  public static String questionnaireResponsesOfEncounter(String encounterId) {
    return "QuestionnaireResponse?encounter=" + encounterId;
  }

  /** Reports of the encounter (an endoscopy report's conclusion and attachments are notes). */
  public static String diagnosticReportsOfEncounter(String encounterId) {
    return "DiagnosticReport?encounter=" + encounterId;
  }

  /** True for a search, false for a read ({@code Type/id}). */
  public static boolean isSearch(String lookup) {
    return lookup.indexOf('?') >= 0;
  }

  /**
   * The canonical form of a read or search: no leading slash, no version on a read, result-shaping
   * parameters ({@code _include}, {@code _count}, {@code _sort}, ...) dropped, and a search by
   * {@code _id} alone turned into the read it is. Parameter order is kept: our templates and the
   * assembler write them in the same order.
   */
  public static String normalize(String lookup) {
    String q = lookup.trim();
    while (q.startsWith("/")) {
      q = q.substring(1);
    }
    int question = q.indexOf('?');
    if (question < 0) {
      return References.relative(q).orElse(q);
    }
    String type = q.substring(0, question);
    List<String> kept = new ArrayList<>();
    String id = null;
    for (String param : q.substring(question + 1).split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      if (param.startsWith("_id=")) {
        id = param.substring(4);
        kept.add(param);
      } else if (!param.startsWith("_")) {
        kept.add(param);
      }
    }
    if (id != null && kept.size() == 1 && !id.contains(",")) {
      return type + "/" + id;
    }
    return type + "?" + String.join("&", kept);
  }
}
