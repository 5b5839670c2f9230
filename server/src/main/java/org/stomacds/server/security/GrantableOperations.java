package org.stomacds.server.security;

import java.util.List;

/**
 * The extended FHIR operations a token can be granted ({@link FhirOperationScope}): the built-in
 * ones and those features declare. Every other operation is refused to every caller, so these are
 * also the only ones the CapabilityStatement lists.
 *
 * @param operations in declaration order, built-in first
 */
public record GrantableOperations(List<FhirOperationScope> operations) {

  public GrantableOperations {
    operations = List.copyOf(operations);
  }

  /** Whether the operation may be granted; its name with or without the {@code $}. */
  public boolean contains(String name) {
    String wanted = name.startsWith("$") ? name : "$" + name;
    return operations.stream().anyMatch(op -> op.name().equals(wanted));
  }
}
