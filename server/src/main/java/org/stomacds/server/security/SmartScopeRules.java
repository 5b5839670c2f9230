package org.stomacds.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderAppliesTo;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderOperationNamed;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifier;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.stomacds.server.security.SmartScope.Permission;

/**
 * Turns a token's SMART scopes into HAPI authorization rules, which HAPI's {@code
 * AuthorizationInterceptor} enforces on every interaction: reads and searches (and every resource
 * they return, {@code _include}s too), creates, updates, patches, deletes, operations, and each
 * entry of a transaction or batch Bundle (a transaction needs the right on every entry's type, or
 * nothing of it is written).
 *
 * <p>{@code patient/} scopes are confined to the compartment of the token's {@code patient} claim;
 * without that claim they grant nothing. {@code /metadata} is open to everyone.
 */
final class SmartScopeRules {

  /** Operations every deployment has: the terminology the rules use, validation, $check. */
  static final List<FhirOperationScope> BUILT_IN_OPERATIONS =
      List.of(
          new FhirOperationScope("$lookup", FhirOperationScope.Access.READ),
          new FhirOperationScope("$validate-code", FhirOperationScope.Access.READ),
          new FhirOperationScope("$expand", FhirOperationScope.Access.READ),
          new FhirOperationScope("$subsumes", FhirOperationScope.Access.READ),
          new FhirOperationScope("$translate", FhirOperationScope.Access.READ),
          new FhirOperationScope("$validate", FhirOperationScope.Access.READ),
          new FhirOperationScope("$meta", FhirOperationScope.Access.READ),
          // The write checks' $check on Procedure and Claim: an evaluation that writes nothing.
          new FhirOperationScope("$check", FhirOperationScope.Access.READ));

  private final FhirContext fhir;
  private final List<FhirOperationScope> operations;

  SmartScopeRules(FhirContext fhir, List<FhirOperationScope> operations) {
    this.fhir = fhir;
    this.operations = List.copyOf(operations);
  }

  /** What one type may have done to it, within one compartment (or none). */
  private record Grant(String resourceType, String patientId) {}

  /**
   * @param scopes the token's scopes (unparsable ones are ignored)
   * @param patientId the token's {@code patient} claim, if any
   */
  List<IAuthRule> rules(List<String> scopes, Optional<String> patientId) {
    Map<Grant, Set<Permission>> grants = new LinkedHashMap<>();
    for (String text : scopes) {
      Optional<SmartScope> parsed = SmartScope.parse(text);
      if (parsed.isEmpty()) {
        continue;
      }
      SmartScope scope = parsed.get();
      if (!scope.resourceType().equals("*") && !isResourceType(scope.resourceType())) {
        continue;
      }
      String compartment = null;
      if (scope.context() == SmartScope.Context.PATIENT) {
        if (patientId.isEmpty()) {
          continue; // a patient scope without a patient grants nothing
        }
        compartment = patientId.get();
      }
      grants
          .computeIfAbsent(
              new Grant(scope.resourceType(), compartment), g -> EnumSet.noneOf(Permission.class))
          .addAll(scope.permissions());
    }

    RuleBuilder rules = new RuleBuilder();
    rules.allow("metadata").metadata();
    // Updates without create: refuse the create first (HAPI's write rule covers both).
    for (Map.Entry<Grant, Set<Permission>> grant : grants.entrySet()) {
      String type = grant.getKey().resourceType();
      if (grant.getValue().contains(Permission.UPDATE) && !createGrantedOn(grants, type)) {
        appliesTo(rules.deny("update-only " + type).create(), type).withAnyId();
      }
    }
    boolean anyUpdate = false;
    for (Map.Entry<Grant, Set<Permission>> entry : grants.entrySet()) {
      Grant grant = entry.getKey();
      Set<Permission> p = entry.getValue();
      String name = (grant.patientId() == null ? "" : "patient ") + grant.resourceType();
      if (p.contains(Permission.READ) || p.contains(Permission.SEARCH)) {
        classify(appliesTo(rules.allow("read " + name).read(), grant.resourceType()), grant);
      }
      if (p.contains(Permission.CREATE) && p.contains(Permission.UPDATE)) {
        classify(appliesTo(rules.allow("write " + name).write(), grant.resourceType()), grant);
      } else if (p.contains(Permission.CREATE)) {
        classify(appliesTo(rules.allow("create " + name).create(), grant.resourceType()), grant);
      } else if (p.contains(Permission.UPDATE)) {
        classify(appliesTo(rules.allow("update " + name).write(), grant.resourceType()), grant);
      }
      if (p.contains(Permission.DELETE)) {
        classify(appliesTo(rules.allow("delete " + name).delete(), grant.resourceType()), grant);
      }
      anyUpdate |= p.contains(Permission.UPDATE);
      if (grant.patientId() == null) {
        operations(rules, grant.resourceType(), p);
      }
    }
    if (anyUpdate) {
      // A patch is then checked as the update it becomes.
      rules.allow("patch").patch().allRequests();
    }
    rules.allow("transaction").transaction().withAnyOperation().andApplyNormalRules();
    rules.denyAll("no scope allows this");
    return rules.build();
  }

  private void operations(RuleBuilder rules, String type, Set<Permission> p) {
    boolean reads = p.contains(Permission.READ) || p.contains(Permission.SEARCH);
    boolean writes = p.contains(Permission.CREATE) || p.contains(Permission.UPDATE);
    for (FhirOperationScope op : operations) {
      boolean allowed = op.access() == FhirOperationScope.Access.READ ? reads : writes;
      if (!allowed) {
        continue;
      }
      if (type.equals("*")) {
        operation(rules, op).onServer().andAllowAllResponses();
        operation(rules, op).onAnyType().andAllowAllResponses();
        operation(rules, op).onAnyInstance().andAllowAllResponses();
      } else {
        Class<? extends IBaseResource> resource = resourceClass(type);
        operation(rules, op).onType(resource).andAllowAllResponses();
        operation(rules, op).onInstancesOfType(resource).andAllowAllResponses();
      }
    }
  }

  private static IAuthRuleBuilderOperationNamed operation(
      RuleBuilder rules, FhirOperationScope op) {
    return rules.allow(op.name()).operation().named(op.name());
  }

  private static boolean createGrantedOn(Map<Grant, Set<Permission>> grants, String type) {
    return grants.entrySet().stream()
        .anyMatch(
            g ->
                (g.getKey().resourceType().equals(type) || g.getKey().resourceType().equals("*"))
                    && g.getValue().contains(Permission.CREATE));
  }

  private static <T> T appliesTo(IAuthRuleBuilderAppliesTo<T> rule, String type) {
    return type.equals("*") ? rule.allResources() : rule.resourcesOfType(type);
  }

  private static void classify(IAuthRuleBuilderRuleOpClassifier rule, Grant grant) {
    if (grant.patientId() == null) {
      rule.withAnyId();
    } else {
      rule.inCompartment("Patient", new IdType("Patient", grant.patientId()));
    }
  }

  private boolean isResourceType(String type) {
    try {
      fhir.getResourceDefinition(type);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Class<? extends IBaseResource> resourceClass(String type) {
    RuntimeResourceDefinition definition = fhir.getResourceDefinition(type);
    return definition.getImplementingClass();
  }

  /** For tests and logs: the rule names, in order. */
  static List<String> names(List<IAuthRule> rules) {
    List<String> names = new ArrayList<>();
    rules.forEach(r -> names.add(r.getName()));
    return names;
  }
}
