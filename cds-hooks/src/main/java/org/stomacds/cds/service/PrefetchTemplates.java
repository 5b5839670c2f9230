package org.stomacds.cds.service;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stomacds.cds.wire.HookContext;

/**
 * Prefetch template tokens, root-level only: {@code {{context.<field>}}} and the four user tokens
 * of CDS Hooks 2.0. FHIRPath tokens ({@code {{context.draftOrders.entry...}}}) are not used: not
 * every client supports them.
 */
public final class PrefetchTemplates {

  static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

  private static final Set<String> USER_TOKENS =
      Set.of(
          "userPractitionerId", "userPractitionerRoleId", "userPatientId", "userRelatedPersonId");

  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private PrefetchTemplates() {}

  /** Whether every token of the template is root-level and known. */
  static boolean rootLevelOnly(String template) {
    Matcher m = TOKEN.matcher(template);
    while (m.find()) {
      String token = m.group(1);
      boolean ok =
          USER_TOKENS.contains(token)
              || (token.startsWith("context.") && token.indexOf('.', "context.".length()) < 0);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The template with its tokens replaced; empty when a token has no value in this call (then the
   * prefetch key does not apply, as the spec says), or a value that is not a FHIR id.
   */
  public static Optional<String> resolve(String template, HookContext context) {
    Matcher m = TOKEN.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = value(m.group(1), context);
      if (value == null || !FHIR_ID.matcher(value).matches()) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  private static String value(String token, HookContext context) {
    if (token.startsWith("context.")) {
      return context.field(token.substring("context.".length()));
    }
    String user = context.userId();
    if (user == null) {
      return null;
    }
    String type =
        switch (token) {
          case "userPractitionerId" -> "Practitioner/";
          case "userPractitionerRoleId" -> "PractitionerRole/";
          case "userPatientId" -> "Patient/";
          default -> "RelatedPerson/";
        };
    return user.startsWith(type) ? user.substring(type.length()) : null;
  }
}
