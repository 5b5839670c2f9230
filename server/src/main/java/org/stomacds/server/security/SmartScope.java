package org.stomacds.server.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART on FHIR scope from an access token, in either form: v1 {@code user/*.read}, {@code
 * system/Claim.write}, {@code patient/Observation.*}; v2 {@code patient/Procedure.rs}, {@code
 * system/Claim.cruds} (the letters c, r, u, d, s in that order, each at most once).
 *
 * <p>Not granted, on purpose: v2 scopes narrowed by a query ({@code ...rs?category=x}), which we
 * cannot enforce; anything that is not a resource scope ({@code openid}, {@code launch}).
 *
 * @param context whose data: a patient's (the token's {@code patient} claim), a user's or a
 *     system's
 * @param resourceType a FHIR resource type, or {@code *}
 * @param permissions what the scope allows on that type
 */
public record SmartScope(Context context, String resourceType, Set<Permission> permissions) {

  /** The part before the slash. */
  public enum Context {
    PATIENT,
    USER,
    SYSTEM
  }

  /** SMART v2 permissions; v1 {@code read} is read+search, {@code write} create+update+delete. */
  public enum Permission {
    CREATE,
    READ,
    UPDATE,
    DELETE,
    SEARCH
  }

  private static final Pattern SCOPE =
      Pattern.compile(
          "(patient|user|system)/([A-Z][A-Za-z]{1,63}|\\*)\\.(read|write|\\*|c?r?u?d?s?)");

  public SmartScope {
    permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
  }

  /** The scope this text grants, or empty when it grants no FHIR access we honour. */
  public static Optional<SmartScope> parse(String text) {
    Matcher m = SCOPE.matcher(text == null ? "" : text);
    if (!m.matches() || m.group(3).isEmpty()) {
      return Optional.empty();
    }
    Context context = Context.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    Set<Permission> permissions =
        switch (m.group(3)) {
          case "read" -> EnumSet.of(Permission.READ, Permission.SEARCH);
          case "write" -> EnumSet.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE);
          case "*" -> EnumSet.allOf(Permission.class);
          default -> letters(m.group(3));
        };
    return Optional.of(new SmartScope(context, m.group(2), permissions));
  }

  private static Set<Permission> letters(String cruds) {
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    for (char c : cruds.toCharArray()) {
      permissions.add(
          switch (c) {
            case 'c' -> Permission.CREATE;
            case 'r' -> Permission.READ;
            case 'u' -> Permission.UPDATE;
            case 'd' -> Permission.DELETE;
            default -> Permission.SEARCH;
          });
    }
    return permissions;
  }

  /** Read or search: HAPI does not tell one from the other for authorization. */
  public boolean reads() {
    return permissions.contains(Permission.READ) || permissions.contains(Permission.SEARCH);
  }

  public boolean writes() {
    return permissions.contains(Permission.CREATE) || permissions.contains(Permission.UPDATE);
  }
}
