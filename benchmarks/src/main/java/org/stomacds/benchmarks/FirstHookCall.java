package org.stomacds.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.benchmarks.FixtureCases.FixtureCase;

/**
 * The hook call a start-up is timed to: one that needs no stored data, an Epic order-sign whose
 * prefetch is filled from the case's own bundle (the read key with the Patient, each search key
 * with a searchset of the case's resources of that type, payors and locations as includes), so the
 * first answered hook measures the service, not data loading, and needs no FHIR server.
 */
final class FirstHookCall {

  private FirstHookCall() {}

  /** From the first case with an order-sign call. */
  static HookCall of(List<FixtureCase> cases) throws IOException {
    Map<String, Map<String, String>> templates = HookCorpus.prefetchTemplates();
    HookCorpus offline =
        new HookCorpus(new Fhir("http://127.0.0.1:1/fhir", null), templates, "none");
    for (FixtureCase c : cases) {
      var file = c.answeredRequest("order-sign");
      if (file.isEmpty()) {
        continue;
      }
      ObjectNode request = offline.fill(c, c.templates().get(file.get()));
      request.remove("fhirServer");
      request.remove("fhirAuthorization");
      ObjectNode prefetch = request.putObject("prefetch");
      templates
          .get(HookCorpus.ORDER_SIGN)
          .forEach((key, template) -> prefetch.set(key, offlinePrefetch(c, template)));
      return HookCall.of(c.name(), HookCorpus.ORDER_SIGN, true, request.toString(), List.of());
    }
    throw new IllegalStateException("no fixture case has an order-sign call");
  }

  /** A prefetch value from the case's bundle alone (one case holds one patient). */
  private static JsonNode offlinePrefetch(FixtureCase c, String template) {
    boolean search = template.contains("?");
    String type = template.substring(0, template.indexOf(search ? '?' : '/'));
    Map<String, JsonNode> resources = c.resources();
    if (!search) {
      return resources.entrySet().stream()
          .filter(e -> e.getKey().startsWith(type + "/"))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }
    ObjectNode bundle = Fhir.JSON.createObjectNode();
    bundle.put("resourceType", "Bundle").put("type", "searchset");
    var entries = bundle.putArray("entry");
    for (var e : resources.entrySet()) {
      String t = e.getKey().substring(0, e.getKey().indexOf('/'));
      boolean match = t.equals(type);
      boolean include =
          template.contains("_include") && Set.of("Organization", "Location").contains(t);
      if (match || include) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", "http://127.0.0.1/fhir/" + e.getKey());
        entry.set("resource", e.getValue());
        entry.putObject("search").put("mode", match ? "match" : "include");
      }
    }
    bundle.put("total", (int) entries.size());
    return bundle;
  }
}
