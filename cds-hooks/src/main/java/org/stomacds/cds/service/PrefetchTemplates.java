package org.stomacds.cds.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stomacds.cds.wire.HookContext;

/**
 * Prefetch template tokens, root-level only: {@code {{context.<field>}}} and the four user tokens
 * of CDS Hooks 2.0. FHIRPath tokens ({@code {{context.draftOrders.entry...}}}) are not used: not
 * every client supports them.
 *
 * <p>Our own templates are held to what every common client can fill ({@link #problems}): tokens
 * only for context fields the hook always carries, and no parameter twice (the public CDS Hooks
 * sandbox joins repeated parameters with a comma, and HAPI refuses {@code _include=A,B} with
 * HAPI-0441).
 */
public final class PrefetchTemplates {

  static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

  private static final Set<String> USER_TOKENS =
      Set.of(
          "userPractitionerId", "userPractitionerRoleId", "userPatientId", "userRelatedPersonId");

  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private PrefetchTemplates() {}

  /**
   * What keeps a template from being filled by every common client, in words for a start-up error;
   * empty when it is fine. A template may use only {@code {{context.<field>}}} tokens for fields
   * the hook always carries (not the user tokens, which depend on who the user is), name each query
   * parameter once, and {@code _include} / {@code _revinclude} at most once with one value.
   */
  static List<String> problems(String template, Hook hook) {
    List<String> problems = new ArrayList<>();
    Matcher m = TOKEN.matcher(template);
    while (m.find()) {
      String token = m.group(1);
      String field = token.startsWith("context.") ? token.substring("context.".length()) : null;
      if (field == null || field.contains(".")) {
        problems.add("token {{" + token + "}} is not a root-level context field");
      } else if (!hook.alwaysInContext().contains(field)) {
        problems.add(
            "token {{"
                + token
                + "}} names a field hook '"
                + hook.id()
                + "' does not always carry (a client without it sends it unfilled)");
      }
    }
    int question = template.indexOf('?');
    if (question >= 0) {
      Set<String> seen = new HashSet<>();
      int includes = 0;
      for (String param : template.substring(question + 1).split("&")) {
        int eq = param.indexOf('=');
        String name = eq < 0 ? param : param.substring(0, eq);
        String value = eq < 0 ? "" : param.substring(eq + 1);
        boolean include = name.startsWith("_include") || name.startsWith("_revinclude");
        if (include) {
          includes++;
          if (value.contains(",")) {
            problems.add("parameter '" + name + "' has several values (HAPI-0441 refuses them)");
          }
        }
        if (!seen.add(name) && !include) {
          problems.add(
              "parameter '"
                  + name
                  + "' is repeated (clients that join repeated parameters with commas change it)");
        }
      }
      if (includes > 1) {
        problems.add(
            "more than one _include/_revinclude (a client joins them with commas and HAPI-0441"
                + " refuses the query): keep one, the service follows the other references itself");
      }
    }
    return problems;
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
    if (!USER_TOKENS.contains(token)) {
      return null;
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
