package org.stomacds.cds.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stomacds.casedata.CaseScope;
import org.stomacds.cds.wire.CdsJson;
import org.stomacds.cds.wire.Discovery;
import org.stomacds.engine.rules.Stage;

/**
 * The CDS services, read from {@code cds/services.json}: services are data, one generic endpoint
 * serves them all. A bad definition (unknown hook, stage, key, or a prefetch template that not
 * every client can fill: see {@link PrefetchTemplates#problems}) fails at start-up with a message
 * naming the service.
 */
public final class CdsServiceCatalog {

  public static final String RESOURCE = "cds/services.json";

  private final Map<String, CdsServiceDefinition> services;

  public CdsServiceCatalog(List<CdsServiceDefinition> services) {
    Map<String, CdsServiceDefinition> byId = new LinkedHashMap<>();
    for (CdsServiceDefinition s : services) {
      if (byId.put(s.id(), s) != null) {
        throw new IllegalStateException("CDS service '" + s.id() + "' is defined twice");
      }
    }
    this.services = java.util.Collections.unmodifiableMap(byId);
  }

  /** Loads the catalog shipped in {@value #RESOURCE}. */
  public static CdsServiceCatalog load(CdsJson json) {
    try (InputStream in = CdsServiceCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      CatalogFile file = json.read(in.readAllBytes(), CatalogFile.class);
      List<CdsServiceDefinition> defs = new ArrayList<>();
      for (ServiceEntry e : file.services()) {
        defs.add(e.toDefinition());
      }
      return new CdsServiceCatalog(defs);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + " could not be read: " + e.getMessage(), e);
    }
  }

  public Optional<CdsServiceDefinition> find(String id) {
    return Optional.ofNullable(services.get(id));
  }

  public List<CdsServiceDefinition> all() {
    return List.copyOf(services.values());
  }

  /**
   * Fails start-up when a service names a pack the engine has not loaded.
   *
   * @param loaded the ids of the loaded packs
   */
  public void requirePacks(Set<String> loaded) {
    for (CdsServiceDefinition service : services.values()) {
      for (String pack : service.packs()) {
        if (!loaded.contains(pack)) {
          throw new IllegalStateException(
              RESOURCE
                  + ", service '"
                  + service.id()
                  + "': no rule pack '"
                  + pack
                  + "' is loaded (loaded: "
                  + loaded
                  + ")");
        }
      }
    }
  }

  /** The discovery document. */
  public Discovery discovery() {
    return new Discovery(
        services.values().stream()
            .map(
                s ->
                    new Discovery.Service(
                        s.hook().id(),
                        s.title(),
                        s.description(),
                        s.id(),
                        s.prefetch(),
                        s.usageRequirements()))
            .toList());
  }

  record CatalogFile(List<ServiceEntry> services) {}

  record ServiceEntry(
      String id,
      String hook,
      String title,
      String description,
      String usageRequirements,
      List<Stage> stages,
      FocusSelection focus,
      CaseScope scope,
      List<String> packs,
      LinkedHashMap<String, String> prefetch) {

    CdsServiceDefinition toDefinition() {
      String where = RESOURCE + ", service '" + id + "'";
      if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
        throw new IllegalStateException(where + ": id must be lower-case kebab-case");
      }
      Hook h =
          Hook.fromId(hook)
              .orElseThrow(
                  () -> new IllegalStateException(where + ": unknown hook '" + hook + "'"));
      if (title == null || description == null || stages == null || stages.isEmpty()) {
        throw new IllegalStateException(where + ": title, description and stages are required");
      }
      if (focus == null || scope == null) {
        throw new IllegalStateException(where + ": focus and scope are required");
      }
      if (packs == null || packs.isEmpty()) {
        throw new IllegalStateException(
            where + ": packs (the rule packs it answers for) are required");
      }
      Map<String, String> templates = prefetch == null ? Map.of() : prefetch;
      templates.forEach(
          (key, template) -> {
            List<String> problems = PrefetchTemplates.problems(template, h);
            if (!problems.isEmpty()) {
              throw new IllegalStateException(
                  where + ": prefetch '" + key + "': " + String.join("; ", problems));
            }
          });
      return new CdsServiceDefinition(
          id,
          h,
          title,
          description,
          templates,
          usageRequirements,
          Set.copyOf(stages),
          focus,
          scope,
          Set.copyOf(packs));
    }
  }
}
