package org.stomacds.casedata;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;

/**
 * What is already known before anything is fetched: for a CDS hook, the client's prefetch. It tells
 * three things apart: a resource that is known, a resource or search known to have no data (a
 * {@code null} prefetch), and something unknown (to be fetched).
 */
public final class KnownResources {

  private static final KnownResources NONE = new Builder().build();

  private final Map<String, Resource> byReference;
  private final Set<String> absent;
  private final Map<String, List<Resource>> searches;

  private KnownResources(Builder b) {
    this.byReference = Map.copyOf(b.byReference);
    this.absent = Set.copyOf(b.absent);
    this.searches = Map.copyOf(b.searches);
  }

  public static KnownResources none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The answer to a lookup, if known: a read gives zero or one resource, a search its matches.
   * Empty when the lookup must be fetched.
   */
  Optional<List<Resource>> answer(String lookup) {
    String key = CaseQueries.normalize(lookup);
    if (CaseQueries.isSearch(key)) {
      return Optional.ofNullable(searches.get(key));
    }
    Resource r = byReference.get(key);
    if (r != null) {
      return Optional.of(List.of(r));
    }
    return absent.contains(key) ? Optional.of(List.of()) : Optional.empty();
  }

  /** Collects known data; not thread-safe, build once per request. */
  public static final class Builder {
    private final Map<String, Resource> byReference = new HashMap<>();
    private final Set<String> absent = new HashSet<>();
    private final Map<String, List<Resource>> searches = new HashMap<>();

    private Builder() {}

    /** Makes a resource readable by its {@code Type/id}. */
    public Builder resource(Resource resource) {
      References.of(resource).ifPresent(ref -> byReference.putIfAbsent(ref, resource));
      return this;
    }

    /**
     * Records the answer to a read or search. For a search, {@code matches} are its results and
     * {@code includes} are only made readable; for a read, the one match (or none: absent).
     */
    public Builder answer(String lookup, List<Resource> matches, List<Resource> includes) {
      String key = CaseQueries.normalize(lookup);
      matches.forEach(this::resource);
      includes.forEach(this::resource);
      if (CaseQueries.isSearch(key)) {
        searches.put(key, List.copyOf(matches));
      } else if (matches.isEmpty()) {
        if (!byReference.containsKey(key)) {
          absent.add(key);
        }
      } else {
        // The client answered the read: file it under the asked reference as well, in case the
        // resource came back under another spelling of its id.
        byReference.put(key, matches.get(0));
        absent.remove(key);
      }
      return this;
    }

    public KnownResources build() {
      return new KnownResources(this);
    }
  }
}
