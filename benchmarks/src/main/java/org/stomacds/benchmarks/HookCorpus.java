package org.stomacds.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stomacds.benchmarks.FixtureCases.FixtureCase;

/**
 * Turns the fixture cases into the hook calls the load is made of, in two forms each: with the full
 * prefetch (filled the way an EHR fills it: the service's discovery templates, resolved against the
 * call's context, read from the FHIR server holding the case) and without any prefetch ({@code
 * fhirServer} is the server's own FHIR base, so it reads its own store).
 *
 * <ul>
 *   <li>{@code encounter-discharge}: each case's own request, as the spec shapes it;
 *   <li>{@code order-sign}: each case with a CPT 44405 draft order, shaped as Epic sends it: Epic's
 *       request extension, the order's Epic procedure code beside the CPT code, sibling draft
 *       orders (a lab order and a bowel preparation), an Epic-style {@code fhirAuthorization}.
 * </ul>
 */
public final class HookCorpus {

  static final String ORDER_SIGN = "cpt-44405-order-sign";
  static final String ORDER_SELECT = "cpt-44405-order-select";
  static final String DISCHARGE = "cpt-44405-encounter-discharge";

  private static final Pattern RESOURCE = Pattern.compile("\"\\{\\{resource:([^}\"]+)}}\"");
  private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
  private static final String CPT = "http://www.ama-assn.org/go/cpt";
  private static final String EPIC_PROCEDURE_CODES = "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580";

  private final Fhir fhir;
  private final Map<String, Map<String, String>> prefetchTemplates;
  private final String fhirToken;

  /**
   * @param prefetchTemplates service id to prefetch key to template, from discovery
   * @param fhirToken the access token sent as {@code fhirAuthorization}
   */
  HookCorpus(Fhir fhir, Map<String, Map<String, String>> prefetchTemplates, String fhirToken) {
    this.fhir = fhir;
    this.prefetchTemplates = prefetchTemplates;
    this.fhirToken = fhirToken;
  }

  /**
   * The prefetch templates of every service, from the service catalog the engine's jar carries
   * ({@code cds/services.json}): service id to prefetch key to template.
   */
  static Map<String, Map<String, String>> prefetchTemplates() throws IOException {
    try (InputStream in =
        HookCorpus.class.getClassLoader().getResourceAsStream("cds/services.json")) {
      JsonNode catalog = Fhir.JSON.readTree(in);
      Map<String, Map<String, String>> templates = new HashMap<>();
      for (JsonNode service : catalog.path("services")) {
        Map<String, String> keys = new LinkedHashMap<>();
        service
            .path("prefetch")
            .fields()
            .forEachRemaining(f -> keys.put(f.getKey(), f.getValue().asText()));
        templates.put(service.path("id").asText(), keys);
      }
      return templates;
    }
  }

  /** The discharge calls of every case that expects one to be answered. */
  public List<HookCall> discharge(List<FixtureCase> cases, boolean prefetched) {
    List<HookCall> calls = new ArrayList<>();
    for (FixtureCase c : cases) {
      c.answeredRequest("encounter-discharge")
          .filter(file -> c.expectedRequest(file).get().path("service").asText().equals(DISCHARGE))
          .ifPresent(
              file -> {
                ObjectNode request = fill(c, c.templates().get(file));
                calls.add(finish(c.name(), DISCHARGE, request, prefetched));
              });
    }
    return calls;
  }

  /** Epic-shaped order-sign calls of every case whose order call holds a 44405 draft order. */
  public List<HookCall> epicOrderSign(List<FixtureCase> cases, boolean prefetched) {
    List<HookCall> calls = new ArrayList<>();
    for (FixtureCase c : cases) {
      String file =
          c.answeredRequest("order-sign").or(() -> c.answeredRequest("order-select")).orElse(null);
      if (file == null) {
        continue;
      }
      ObjectNode request = fill(c, c.templates().get(file));
      if (epicShape(request)) {
        calls.add(finish(c.name(), ORDER_SIGN, request, prefetched));
      }
    }
    return calls;
  }

  /**
   * The call an EHR makes most: for every case of {@link #epicOrderSign}, the same patient's
   * order-sign (Epic-shaped) and order-select calls with the full prefetch, but with draft orders
   * none of our packs is about ({@link OtherOrders}): the service must answer no cards.
   */
  public List<HookCall> ordersWithoutPackCode(List<FixtureCase> cases) {
    List<HookCall> calls = new ArrayList<>();
    for (FixtureCase c : cases) {
      String file =
          c.answeredRequest("order-sign").or(() -> c.answeredRequest("order-select")).orElse(null);
      if (file == null) {
        continue;
      }
      for (String hook : List.of("order-sign", "order-select")) {
        ObjectNode request = fill(c, c.templates().get(file));
        if (!epicShape(request)) {
          break;
        }
        ObjectNode context = (ObjectNode) request.path("context");
        String prefix = "other-" + Integer.toHexString(c.name().hashCode());
        context.set(
            "draftOrders",
            OtherOrders.bundle(
                prefix,
                context.path("patientId").asText(),
                context.path("encounterId").asText(null),
                context.path("userId").asText(null)));
        String service = ORDER_SIGN;
        if (hook.equals("order-select")) {
          request.put("hook", hook);
          request.remove("extension");
          context.putArray("selections").add(OtherOrders.selected(prefix));
          service = ORDER_SELECT;
        }
        calls.add(finish(c.name(), service, request, true));
      }
    }
    return calls;
  }

  /** Fills a case's request template (hookInstance left as the marker). */
  ObjectNode fill(FixtureCase c, String template) {
    Map<String, JsonNode> resources = c.resources();
    Matcher m = RESOURCE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode found = resources.get(m.group(1));
      if (found == null) {
        throw new IllegalStateException(c.name() + ": no " + m.group(1) + " in bundle.json");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(found.toString()));
    }
    m.appendTail(out);
    String text =
        out.toString()
            .replace("{{fhirServer}}", fhir.base())
            .replace("{{hookInstance}}", HookCall.MARKER)
            .replace("\"{{fhirAuthorization}}\"", authorization("system/*.read").toString());
    try {
      return (ObjectNode) Fhir.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(c.name() + ": request template is not JSON", e);
    }
  }

  /** Adds the full prefetch, or removes any; returns the call. */
  HookCall finish(String caseName, String serviceId, ObjectNode request, boolean prefetched) {
    request.remove("prefetch");
    if (prefetched) {
      request.set("prefetch", prefetch(serviceId, request.path("context")));
    } else {
      // a case whose request carries only a prefetch gets a fhirServer: our own store
      request.put("fhirServer", fhir.base());
      if (!request.has("fhirAuthorization")) {
        request.set("fhirAuthorization", authorization("system/*.read"));
      }
    }
    List<String> parts = new ArrayList<>();
    JsonNode drafts = request.path("context").path("draftOrders");
    if (drafts.isObject()) {
      drafts.path("entry").forEach(e -> parts.add(e.path("resource").toString()));
    } else if (drafts.isArray()) {
      drafts.forEach(r -> parts.add(r.toString()));
    }
    request
        .path("prefetch")
        .forEach(
            v -> {
              if (v.isObject()) {
                parts.add(v.toString());
              }
            });
    return HookCall.of(caseName, serviceId, prefetched, request.toString(), parts);
  }

  /** The prefetch an EHR fills for this service and context. */
  ObjectNode prefetch(String serviceId, JsonNode context) {
    ObjectNode prefetch = Fhir.JSON.createObjectNode();
    Map<String, String> templates = prefetchTemplates.get(serviceId);
    if (templates == null) {
      throw new IllegalStateException("discovery lists no service " + serviceId);
    }
    templates.forEach(
        (key, template) -> {
          String query = resolve(template, context);
          if (query != null) {
            prefetch.set(key, fhir.prefetch(query, 5000));
          }
        });
    return prefetch;
  }

  private static String resolve(String template, JsonNode context) {
    Matcher m = TOKEN.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String token = m.group(1);
      String value = null;
      if (token.startsWith("context.")) {
        JsonNode v = context.path(token.substring("context.".length()));
        value = v.isTextual() ? v.asText() : null;
      } else if (token.equals("userPractitionerId")) {
        String user = context.path("userId").asText("");
        value = user.startsWith("Practitioner/") ? user.substring("Practitioner/".length()) : null;
      }
      if (value == null || value.isBlank()) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Reshapes an order call as Epic sends order-sign; false when it holds no 44405 draft order. */
  private boolean epicShape(ObjectNode request) {
    ObjectNode context = (ObjectNode) request.path("context");
    JsonNode drafts = context.path("draftOrders");
    ArrayNode entries;
    if (drafts.isObject()) {
      entries = (ArrayNode) drafts.path("entry");
    } else if (drafts.isArray()) {
      entries = Fhir.JSON.createArrayNode();
      drafts.forEach(r -> entries.addObject().set("resource", r));
    } else {
      return false;
    }
    ObjectNode order = null;
    for (JsonNode entry : entries) {
      JsonNode r = entry.path("resource");
      if ("ServiceRequest".equals(r.path("resourceType").asText()) && is44405(r)) {
        order = (ObjectNode) r;
      }
    }
    if (order == null) {
      return false;
    }
    ArrayNode codings = (ArrayNode) order.path("code").path("coding");
    ObjectNode epicCode = Fhir.JSON.createObjectNode();
    epicCode.put("system", EPIC_PROCEDURE_CODES).put("code", "GI1140");
    codings.insert(0, epicCode);

    String patient = context.path("patientId").asText();
    String encounter = context.path("encounterId").asText(null);
    String user = context.path("userId").asText(null);
    String prefix = order.path("id").asText();
    ArrayNode all = Fhir.JSON.createArrayNode();
    all.addObject().set("resource", labOrder(prefix + "-cbc", patient, encounter, user));
    entries.forEach(all::add);
    all.addObject().set("resource", bowelPrep(prefix + "-prep", patient, encounter, user));
    ObjectNode bundle = Fhir.JSON.createObjectNode();
    bundle.put("resourceType", "Bundle").put("type", "collection").set("entry", all);
    context.set("draftOrders", bundle);
    context.remove("selections");

    request.put("hook", "order-sign");
    request.putObject("extension").put("com.epic.cdshooks.request.bpa-trigger-action", "23");
    request.set(
        "fhirAuthorization",
        authorization(
            "patient/Patient.read patient/Coverage.read patient/Condition.read"
                + " patient/Encounter.read patient/Procedure.read"));
    return true;
  }

  private static boolean is44405(JsonNode resource) {
    for (JsonNode coding : resource.path("code").path("coding")) {
      if (CPT.equals(coding.path("system").asText())
          && "44405".equals(coding.path("code").asText())) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode labOrder(String id, String patient, String encounter, String user) {
    ObjectNode r = draft("ServiceRequest", id, patient, encounter, user);
    ObjectNode category = r.putArray("category").addObject();
    category
        .putArray("coding")
        .addObject()
        .put("system", "http://snomed.info/sct")
        .put("code", "108252007")
        .put("display", "Laboratory procedure");
    ObjectNode code = r.putObject("code");
    code.putArray("coding").addObject().put("system", CPT).put("code", "85025");
    code.put("text", "CBC with differential");
    return r;
  }

  private static ObjectNode bowelPrep(String id, String patient, String encounter, String user) {
    ObjectNode r = draft("MedicationRequest", id, patient, encounter, user);
    r.putObject("medicationCodeableConcept")
        .put("text", "Polyethylene glycol 3350 bowel preparation");
    return r;
  }

  private static ObjectNode draft(
      String type, String id, String patient, String encounter, String user) {
    ObjectNode r = Fhir.JSON.createObjectNode();
    r.put("resourceType", type).put("id", id).put("status", "draft").put("intent", "order");
    r.putObject("subject").put("reference", "Patient/" + patient);
    if (encounter != null) {
      r.putObject("encounter").put("reference", "Encounter/" + encounter);
    }
    if (user != null) {
      r.putObject("requester").put("reference", user);
    }
    return r;
  }

  private ObjectNode authorization(String scope) {
    ObjectNode auth = Fhir.JSON.createObjectNode();
    auth.put("access_token", fhirToken)
        .put("token_type", "Bearer")
        .put("expires_in", 3600)
        .put("scope", scope)
        .put("subject", "bench-cds-client");
    return auth;
  }
}
