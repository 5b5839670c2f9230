package org.stomacds.cds.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.stomacds.casedata.CaseScope;
import org.stomacds.engine.rules.Stage;

/**
 * A CDS service as a value: what discovery lists, and what one generic endpoint does for it.
 *
 * @param id the service id, the last path segment of its endpoint
 * @param hook the hook it answers
 * @param title discovery title
 * @param description discovery description
 * @param prefetch prefetch templates by key, with root-level tokens only ({@code
 *     {{context.patientId}}}, {@code {{userPractitionerId}}}, ...)
 * @param usageRequirements discovery usage requirements
 * @param stages the rule stages to evaluate
 * @param focus which resources of the call the rules are asked about
 * @param scope how much of the record the case needs
 * @param packs ids of the rule packs the service answers for (the orders and procedures of their
 *     codes)
 */
public record CdsServiceDefinition(
    String id,
    Hook hook,
    String title,
    String description,
    Map<String, String> prefetch,
    String usageRequirements,
    Set<Stage> stages,
    FocusSelection focus,
    CaseScope scope,
    Set<String> packs) {

  public CdsServiceDefinition {
    // Discovery lists the templates in the order they are written.
    prefetch = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
    stages = Set.copyOf(stages);
    packs = Set.copyOf(packs);
  }
}
