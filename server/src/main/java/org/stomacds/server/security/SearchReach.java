package org.stomacds.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource types a search reaches besides the one searched: through chains ({@code
 * subject:Patient.family}, {@code subject.birthdate}, any depth), reverse chains ({@code
 * _has:Claim:patient:status}, nested), {@code _include} with a target type, {@code _revinclude}, a
 * chained {@code _sort} and {@code _list}. A type modifier without a chain ({@code
 * subject:Patient=123}) compares reference ids only and reaches nothing. Each one is an oracle on
 * that type (hit counts, order, existence), so the token needs read or search on each.
 *
 * <p>A chain without a target type ({@code subject.family}) reaches every type the reference may
 * point at that has the chained parameter; a reference whose targets HAPI does not know reaches
 * {@code *}. A parameter we cannot place reaches {@code *}: refused unless the token reads
 * everything.
 */
final class SearchReach {

  /**
   * The token needs read or search on {@code type} because of {@code parameter}.
   *
   * @param criterion true when the type's resources only decide what matches (chains, {@code _has},
   *     sort, list), false when they are returned and checked one by one (includes)
   */
  record Reached(String parameter, String type, boolean criterion) {
    Reached(String parameter, String type) {
      this(parameter, type, true);
    }
  }

  private final FhirContext fhir;

  SearchReach(FhirContext fhir) {
    this.fhir = fhir;
  }

  /** Every type the parameters reach, for a search of {@code type} (null: all types). */
  List<Reached> reached(String type, Map<String, String[]> parameters) {
    List<Reached> reached = new ArrayList<>();
    for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
      String name = entry.getKey();
      String[] values = entry.getValue() == null ? new String[0] : entry.getValue();
      if (name.startsWith("_has:")) {
        has(name, name.substring(5), reached);
      } else if (name.equals("_include") || name.startsWith("_include:")) {
        for (String value : values) {
          include(name, value, false, reached);
        }
      } else if (name.equals("_revinclude") || name.startsWith("_revinclude:")) {
        for (String value : values) {
          include(name, value, true, reached);
        }
      } else if (name.equals("_sort")) {
        for (String value : values) {
          for (String key : value.split(",")) {
            String trimmed = key.trim();
            if (trimmed.startsWith("-")) {
              trimmed = trimmed.substring(1);
            }
            if (trimmed.contains(".") || trimmed.contains(":")) {
              chain(name, type, trimmed, reached);
            }
          }
        }
      } else if (name.equals("_list")) {
        reached.add(new Reached(name, "List"));
      } else if (name.contains(".")) {
        chain(name, type, name, reached);
      }
    }
    return reached;
  }

  /** {@code Type:refParam:rest}: rest is a parameter (maybe another _has) on Type. */
  private void has(String parameter, String spec, List<Reached> reached) {
    String[] parts = spec.split(":", 3);
    if (parts.length < 3 || !isType(parts[0])) {
      reached.add(new Reached(parameter, "*"));
      return;
    }
    reached.add(new Reached(parameter, parts[0]));
    String rest = parts[2];
    if (rest.startsWith("_has:")) {
      has(parameter, rest.substring(5), reached);
    } else if (rest.contains(".")) {
      chain(parameter, parts[0], rest, reached);
    }
  }

  /** {@code ref[:Type].rest}: follows the reference to its target types, then the rest on each. */
  private void chain(String parameter, String type, String spec, List<Reached> reached) {
    int dot = spec.indexOf('.');
    String head = dot < 0 ? spec : spec.substring(0, dot);
    String rest = dot < 0 ? "" : spec.substring(dot + 1);
    String refName = head;
    String explicit = null;
    int colon = head.indexOf(':');
    if (colon >= 0) {
      refName = head.substring(0, colon);
      explicit = head.substring(colon + 1);
    }
    if (explicit != null && !explicit.isEmpty()) {
      if (!isType(explicit)) {
        reached.add(new Reached(parameter, "*"));
        return;
      }
      reached.add(new Reached(parameter, explicit));
      if (!rest.isEmpty()) {
        next(parameter, explicit, rest, reached);
      }
      return;
    }
    if (rest.isEmpty()) {
      return; // no chain after all
    }
    RuntimeSearchParam reference = searchParam(type, refName);
    if (reference == null
        || reference.getParamType() != RestSearchParameterTypeEnum.REFERENCE
        || reference.getTargets().isEmpty()) {
      reached.add(new Reached(parameter, "*"));
      return;
    }
    String nextName = nextName(rest);
    Set<String> targets = new LinkedHashSet<>();
    for (String target : reference.getTargets()) {
      if (!isType(target) || target.equals("Resource")) {
        reached.add(new Reached(parameter, "*"));
        return;
      }
      if (nextName.startsWith("_") || searchParam(target, nextName) != null) {
        targets.add(target);
      }
    }
    if (targets.isEmpty()) {
      targets.addAll(reference.getTargets());
    }
    for (String target : targets) {
      reached.add(new Reached(parameter, target));
      next(parameter, target, rest, reached);
    }
  }

  private void next(String parameter, String type, String rest, List<Reached> reached) {
    if (rest.startsWith("_has:")) {
      has(parameter, rest.substring(5), reached);
    } else if (rest.contains(".") || rest.contains(":")) {
      chain(parameter, type, rest, reached);
    }
  }

  private static String nextName(String rest) {
    int end = rest.length();
    for (char c : new char[] {'.', ':'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return rest.substring(0, end);
  }

  /** {@code Source:param[:Target]}, {@code *}; forward includes reach only a named target. */
  private void include(String parameter, String value, boolean reverse, List<Reached> reached) {
    if (value.equals("*")) {
      reached.add(new Reached(parameter, "*", false));
      return;
    }
    String[] parts = value.split(":");
    if (reverse) {
      reached.add(new Reached(parameter, isType(parts[0]) ? parts[0] : "*", false));
    }
    if (parts.length >= 3) {
      reached.add(new Reached(parameter, isType(parts[2]) ? parts[2] : "*", false));
    }
  }

  private RuntimeSearchParam searchParam(String type, String name) {
    if (type == null || !isType(type)) {
      return null;
    }
    RuntimeResourceDefinition definition = fhir.getResourceDefinition(type);
    return definition.getSearchParam(name);
  }

  private boolean isType(String type) {
    if (type == null || type.isEmpty() || !Character.isUpperCase(type.charAt(0))) {
      return false;
    }
    try {
      fhir.getResourceDefinition(type);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
