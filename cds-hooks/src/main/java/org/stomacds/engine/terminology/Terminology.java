package org.stomacds.engine.terminology;

import ca.uhn.fhir.context.FhirContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;

/**
 * The one terminology source of stomacds: the CodeSystem and ValueSet resources listed in {@code
 * terminology/index.txt} on the classpath, held in memory for value set membership and concept
 * lookup. The rule engine asks it on its hot path; the server loads the same {@link #resources()}
 * into HAPI at start-up.
 *
 * <p>Every value set is expanded once, when the terminology is loaded, into per-system code sets,
 * so {@link #memberOf} is two hash look-ups. Codes are compared exactly as our code systems spell
 * them (ICD-10-CM with its dot, modifiers in upper case): a caller that reads codes written another
 * way normalises them first. Systems are compared canonically ({@link #canonicalSystem}).
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Terminology {

  /** CPT (our subset). */
  public static final String CPT = "http://www.ama-assn.org/go/cpt";

  /** HCPCS Level II (our subset), the canonical spelling of the system. */
  public static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

  /** ICD-10-CM (our subset), dotted codes. */
  public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";

  /** CMS place of service codes (our subset). */
  public static final String PLACE_OF_SERVICE =
      "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

  /** Our documentation-element code system (the ids in ARCHITECTURE.md). */
  public static final String DOCUMENTATION_ELEMENT =
      "https://stomacds.org/fhir/CodeSystem/documentation-element";

  /** Prefix of our value set urls: the url of value set {@code x} is this plus {@code x}. */
  public static final String VALUE_SET_BASE = "https://stomacds.org/fhir/ValueSet/";

  /** The classpath folder {@link #loadDefault} reads. */
  static final String DEFAULT_FOLDER = "terminology";

  /** Other spellings of a system seen on claims, mapped to the spelling our resources use. */
  private static final Map<String, String> SYSTEM_ALIASES =
      Map.of(
          "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", HCPCS,
          "urn:oid:2.16.840.1.113883.6.285", HCPCS);

  private final List<Resource> resources;
  private final Map<String, Map<String, Concept>> conceptsBySystem;
  private final Map<String, ValueSetExpansion> valueSets;

  Terminology(
      List<Resource> resources,
      Map<String, Map<String, Concept>> conceptsBySystem,
      Map<String, ValueSetExpansion> valueSets) {
    this.resources = List.copyOf(resources);
    this.conceptsBySystem = Map.copyOf(conceptsBySystem);
    this.valueSets = Map.copyOf(valueSets);
  }

  /**
   * Loads every resource listed in {@code terminology/index.txt} on the classpath.
   *
   * @param ctx an R4 context (its parser is used in strict mode)
   * @throws IllegalStateException naming the file and the problem, when a listed file is missing or
   *     is not valid FHIR R4 JSON, a url is used twice, a value set names a code its code system
   *     does not carry (or an inactive one), includes an unknown value set, or similar
   */
  public static Terminology loadDefault(FhirContext ctx) {
    return load(ctx, Terminology.class.getClassLoader(), DEFAULT_FOLDER);
  }

  /** Loads the resources listed in {@code folder/index.txt} as seen by {@code classLoader}. */
  static Terminology load(FhirContext ctx, ClassLoader classLoader, String folder) {
    return new TerminologyLoader(ctx, classLoader, folder).load();
  }

  /**
   * The parsed resources, CodeSystems first then ValueSets, each in index order. Each call returns
   * fresh copies, so a caller may change them (e.g. HAPI assigning ids) without touching ours.
   */
  public List<Resource> resources() {
    return resources.stream().map(Resource::copy).toList();
  }

  /**
   * The spelling of a code system url our resources use: the HCPCS aliases ({@code http://} and
   * {@code urn:oid:2.16.840.1.113883.6.285}) map to {@link #HCPCS}; any other url, and null, is
   * returned unchanged.
   */
  public static String canonicalSystem(String system) {
    return system == null ? null : SYSTEM_ALIASES.getOrDefault(system, system);
  }

  /** Whether a value set with this url (optionally {@code url|version}) is loaded. */
  public boolean hasValueSet(String valueSetUrl) {
    return find(valueSetUrl) != null;
  }

  /**
   * Whether the code, in the given system, is a member of the value set. The system is compared
   * canonically; a null system or code is never a member.
   *
   * @throws IllegalArgumentException when no value set with that url is loaded
   */
  public boolean memberOf(String valueSetUrl, String system, String code) {
    ValueSetExpansion expansion = require(valueSetUrl);
    if (system == null || code == null) {
      return false;
    }
    Set<String> codes = expansion.codesBySystem().get(canonicalSystem(system));
    return codes != null && codes.contains(code);
  }

  /**
   * The members of a value set, in the order its compose lists them, with our displays.
   *
   * @throws IllegalArgumentException when no value set with that url is loaded
   */
  public Set<Coded> expand(String valueSetUrl) {
    return require(valueSetUrl).members();
  }

  /**
   * The number of members of a value set ({@code expand(url).size()}); the server checks HAPI's
   * {@code $expand} total against it.
   *
   * @throws IllegalArgumentException when no value set with that url is loaded
   */
  public int expectedSize(String valueSetUrl) {
    return require(valueSetUrl).members().size();
  }

  /**
   * A concept of one of our code systems, inactive ones included (check {@link
   * Concept#inactive()}). The system is compared canonically; empty when we do not carry the code.
   */
  public Optional<Concept> lookup(String system, String code) {
    if (system == null || code == null) {
      return Optional.empty();
    }
    Map<String, Concept> concepts = conceptsBySystem.get(canonicalSystem(system));
    return concepts == null ? Optional.empty() : Optional.ofNullable(concepts.get(code));
  }

  /** The urls of the loaded value sets. */
  Set<String> valueSetUrls() {
    return Collections.unmodifiableSet(valueSets.keySet());
  }

  private ValueSetExpansion require(String valueSetUrl) {
    ValueSetExpansion expansion = find(valueSetUrl);
    if (expansion == null) {
      throw new IllegalArgumentException("Unknown value set: " + valueSetUrl);
    }
    return expansion;
  }

  private ValueSetExpansion find(String valueSetUrl) {
    if (valueSetUrl == null) {
      return null;
    }
    int bar = valueSetUrl.indexOf('|');
    if (bar < 0) {
      return valueSets.get(valueSetUrl);
    }
    ValueSetExpansion expansion = valueSets.get(valueSetUrl.substring(0, bar));
    return expansion != null && expansion.version().equals(valueSetUrl.substring(bar + 1))
        ? expansion
        : null;
  }
}
