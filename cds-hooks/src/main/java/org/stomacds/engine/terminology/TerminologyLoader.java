package org.stomacds.engine.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptPropertyComponent;
import org.hl7.fhir.r4.model.CodeSystem.PropertyComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;

/**
 * Reads the index and its files, checks them, and expands every value set once. Every problem is an
 * {@link IllegalStateException} whose message starts with the file it is in, so a broken
 * terminology stops start-up with a message a reviewer can act on.
 */
final class TerminologyLoader {

  private static final Pattern FILE_NAME =
      Pattern.compile("(CodeSystem|ValueSet)-([A-Za-z0-9\\-.]{1,64})\\.json");

  private final ClassLoader classLoader;
  private final String folder;
  private final IParser parser;

  private final Map<String, LoadedCodeSystem> codeSystems = new LinkedHashMap<>();
  private final Map<String, LoadedValueSet> valueSets = new LinkedHashMap<>();
  private final Map<String, Set<Coded>> expanded = new HashMap<>();
  private final Deque<String> expanding = new ArrayDeque<>();

  private record LoadedCodeSystem(
      String file, CodeSystem resource, String version, Map<String, Concept> concepts) {}

  private record LoadedValueSet(String file, ValueSet resource) {}

  TerminologyLoader(FhirContext ctx, ClassLoader classLoader, String folder) {
    if (ctx.getVersion().getVersion() != FhirVersionEnum.R4) {
      throw new IllegalArgumentException(
          "The terminology is FHIR R4; got a " + ctx.getVersion().getVersion() + " context");
    }
    this.classLoader = classLoader;
    this.folder = folder;
    // Strict: an unknown element or a malformed value is an error, not a warning in a log.
    this.parser = ctx.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
  }

  Terminology load() {
    for (String fileName : readIndex()) {
      String file = folder + "/" + fileName;
      Resource resource = parse(file, fileName);
      if (resource instanceof CodeSystem codeSystem) {
        addCodeSystem(file, codeSystem);
      } else {
        addValueSet(file, (ValueSet) resource);
      }
    }
    Map<String, ValueSetExpansion> expansions = new LinkedHashMap<>();
    for (var entry : valueSets.entrySet()) {
      ValueSet valueSet = entry.getValue().resource();
      expansions.put(
          entry.getKey(),
          ValueSetExpansion.of(entry.getKey(), valueSet.getVersion(), expand(entry.getKey())));
    }
    List<Resource> resources = new ArrayList<>();
    codeSystems.values().forEach(cs -> resources.add(cs.resource()));
    valueSets.values().forEach(vs -> resources.add(vs.resource()));
    Map<String, Map<String, Concept>> concepts = new LinkedHashMap<>();
    codeSystems.forEach((url, cs) -> concepts.put(url, cs.concepts()));
    return new Terminology(resources, concepts, expansions);
  }

  private List<String> readIndex() {
    String index = folder + "/index.txt";
    List<String> names = new ArrayList<>();
    for (String line : read(index, index + " is not on the classpath").split("\\R")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      if (names.contains(name)) {
        throw new IllegalStateException(index + ": lists " + name + " twice");
      }
      names.add(name);
    }
    if (names.isEmpty()) {
      throw new IllegalStateException(index + ": lists no file");
    }
    return names;
  }

  private Resource parse(String file, String fileName) {
    Matcher name = FILE_NAME.matcher(fileName);
    if (!name.matches()) {
      throw new IllegalStateException(
          file + ": the file name must be CodeSystem-<id>.json or ValueSet-<id>.json");
    }
    String json = read(file, folder + "/index.txt lists " + fileName + ", which is not there");
    Resource resource;
    try {
      resource = (Resource) parser.parseResource(json);
    } catch (DataFormatException e) {
      throw new IllegalStateException(file + ": not valid FHIR R4 JSON: " + e.getMessage(), e);
    }
    String type = resource.fhirType();
    if (!type.equals(name.group(1))) {
      throw new IllegalStateException(
          file + ": holds a " + type + ", but its name says " + name.group(1));
    }
    if (!name.group(2).equals(resource.getIdElement().getIdPart())) {
      throw new IllegalStateException(
          file + ": its id is '" + resource.getIdElement().getIdPart() + "', not " + name.group(2));
    }
    return resource;
  }

  private String read(String path, String whenMissing) {
    try (InputStream in = classLoader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(whenMissing);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(path + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private void addCodeSystem(String file, CodeSystem codeSystem) {
    String url = requireUnusedUrl(file, codeSystem.getUrl());
    Map<String, String> declared = new HashMap<>();
    for (PropertyComponent property : codeSystem.getProperty()) {
      if (declared.put(property.getCode(), property.getType().toCode()) != null) {
        throw new IllegalStateException(
            file + ": declares property '" + property.getCode() + "' twice");
      }
    }
    Map<String, Concept> concepts = new LinkedHashMap<>();
    addConcepts(file, url, declared, codeSystem.getConcept(), concepts);
    codeSystems.put(url, new LoadedCodeSystem(file, codeSystem, codeSystem.getVersion(), concepts));
  }

  /** Adds concepts and their nested concepts: a hierarchy is flattened for lookup. */
  private void addConcepts(
      String file,
      String system,
      Map<String, String> declared,
      List<ConceptDefinitionComponent> definitions,
      Map<String, Concept> concepts) {
    for (ConceptDefinitionComponent definition : definitions) {
      String code = definition.getCode();
      if (code == null || code.isBlank()) {
        throw new IllegalStateException(file + ": a concept has no code");
      }
      Map<String, List<String>> properties = new LinkedHashMap<>();
      for (ConceptPropertyComponent property : definition.getProperty()) {
        String type = declared.get(property.getCode());
        if (type == null) {
          throw new IllegalStateException(
              file
                  + ": concept "
                  + code
                  + " uses property '"
                  + property.getCode()
                  + "', which the code system does not declare");
        }
        Type value = property.getValue();
        if (value == null || !value.fhirType().equals(type)) {
          throw new IllegalStateException(
              file
                  + ": concept "
                  + code
                  + " gives property '"
                  + property.getCode()
                  + "' a "
                  + (value == null ? "missing" : value.fhirType())
                  + " value; the code system declares it "
                  + type);
        }
        properties.computeIfAbsent(property.getCode(), c -> new ArrayList<>()).add(asText(value));
      }
      Concept concept = new Concept(system, code, definition.getDisplay(), properties);
      if (concepts.put(code, concept) != null) {
        throw new IllegalStateException(file + ": carries code " + code + " twice");
      }
      addConcepts(file, system, declared, definition.getConcept(), concepts);
    }
  }

  private static String asText(Type value) {
    if (value instanceof Coding coding) {
      return coding.getCode();
    }
    return ((PrimitiveType<?>) value).getValueAsString();
  }

  private void addValueSet(String file, ValueSet valueSet) {
    String url = requireUnusedUrl(file, valueSet.getUrl());
    if (!valueSet.hasCompose() || !valueSet.getCompose().hasInclude()) {
      throw new IllegalStateException(file + ": has no compose.include");
    }
    valueSets.put(url, new LoadedValueSet(file, valueSet));
  }

  private String requireUnusedUrl(String file, String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(file + ": has no url");
    }
    String canonical = Terminology.canonicalSystem(url);
    String other = fileOf(canonical);
    if (other != null) {
      throw new IllegalStateException(file + ": url " + url + " is already used by " + other);
    }
    return canonical;
  }

  private String fileOf(String url) {
    LoadedCodeSystem codeSystem = codeSystems.get(url);
    if (codeSystem != null) {
      return codeSystem.file();
    }
    LoadedValueSet valueSet = valueSets.get(url);
    return valueSet == null ? null : valueSet.file();
  }

  /** Expands a loaded value set (memoised; a value set that includes itself is an error). */
  private Set<Coded> expand(String url) {
    Set<Coded> done = expanded.get(url);
    if (done != null) {
      return done;
    }
    LoadedValueSet valueSet = valueSets.get(url);
    if (expanding.contains(url)) {
      throw new IllegalStateException(
          valueSet.file() + ": value sets include each other in a cycle: " + expanding);
    }
    expanding.push(url);
    Set<Coded> members = new LinkedHashSet<>();
    for (ConceptSetComponent include : valueSet.resource().getCompose().getInclude()) {
      members.addAll(select(valueSet.file(), include));
    }
    for (ConceptSetComponent exclude : valueSet.resource().getCompose().getExclude()) {
      members.removeAll(select(valueSet.file(), exclude));
    }
    expanding.pop();
    expanded.put(url, members);
    return members;
  }

  /**
   * The concepts one include (or exclude) selects: its system's listed concepts, or all the active
   * concepts we carry when it lists none, intersected with every value set it names (FHIR's meaning
   * of an include).
   */
  private Set<Coded> select(String file, ConceptSetComponent include) {
    if (include.hasFilter()) {
      throw new IllegalStateException(
          file + ": compose filters are not supported; list the concepts instead");
    }
    Set<Coded> selected = null;
    if (include.hasSystem()) {
      selected = fromSystem(file, include);
    }
    for (CanonicalType reference : include.getValueSet()) {
      String url = resolveValueSet(file, reference.getValue());
      Set<Coded> members = expand(url);
      if (selected == null) {
        selected = new LinkedHashSet<>(members);
      } else {
        selected.retainAll(members);
      }
    }
    if (selected == null) {
      throw new IllegalStateException(file + ": an include names neither a system nor a value set");
    }
    return selected;
  }

  private Set<Coded> fromSystem(String file, ConceptSetComponent include) {
    String system = Terminology.canonicalSystem(include.getSystem());
    LoadedCodeSystem codeSystem = codeSystems.get(system);
    if (codeSystem == null) {
      throw new IllegalStateException(
          file + ": includes code system " + include.getSystem() + ", which is not loaded");
    }
    if (include.hasVersion() && !include.getVersion().equals(codeSystem.version())) {
      throw new IllegalStateException(
          file
              + ": includes version "
              + include.getVersion()
              + " of "
              + system
              + "; "
              + codeSystem.file()
              + " is version "
              + codeSystem.version());
    }
    Set<Coded> selected = new LinkedHashSet<>();
    if (!include.hasConcept()) {
      for (Concept concept : codeSystem.concepts().values()) {
        if (!concept.inactive()) {
          selected.add(new Coded(system, concept.code(), concept.display()));
        }
      }
      return selected;
    }
    for (ConceptReferenceComponent reference : include.getConcept()) {
      Concept concept = codeSystem.concepts().get(reference.getCode());
      if (concept == null) {
        throw new IllegalStateException(
            file
                + ": names code "
                + reference.getCode()
                + ", which "
                + codeSystem.file()
                + " ("
                + system
                + ") does not carry");
      }
      if (concept.inactive()) {
        throw new IllegalStateException(
            file
                + ": names code "
                + reference.getCode()
                + ", which "
                + codeSystem.file()
                + " marks inactive; an inactive code is in no value set");
      }
      if (reference.hasDisplay() && !reference.getDisplay().equals(concept.display())) {
        throw new IllegalStateException(
            file
                + ": gives code "
                + reference.getCode()
                + " the display '"
                + reference.getDisplay()
                + "', but "
                + codeSystem.file()
                + " says '"
                + concept.display()
                + "'");
      }
      selected.add(new Coded(system, concept.code(), concept.display()));
    }
    return selected;
  }

  private String resolveValueSet(String file, String reference) {
    String url = reference == null ? "" : reference;
    String version = null;
    int bar = url.indexOf('|');
    if (bar >= 0) {
      version = url.substring(bar + 1);
      url = url.substring(0, bar);
    }
    LoadedValueSet target = valueSets.get(url);
    if (target == null) {
      throw new IllegalStateException(
          file + ": includes value set " + reference + ", which is not loaded");
    }
    if (version != null && !version.equals(target.resource().getVersion())) {
      throw new IllegalStateException(
          file
              + ": includes version "
              + version
              + " of value set "
              + url
              + "; "
              + target.file()
              + " is version "
              + target.resource().getVersion());
    }
    return url;
  }
}
