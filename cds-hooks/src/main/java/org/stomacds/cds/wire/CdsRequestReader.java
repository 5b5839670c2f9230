package org.stomacds.cds.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a hook request body into a {@link CdsRequest}: 400 for wrong JSON types and invalid FHIR
 * resources, 422 for required fields that are missing. Unknown fields are ignored. Whether the
 * request fits the service's hook is the service's to check.
 */
public final class CdsRequestReader {

  // CDS Hooks 2.0: hookInstance is a UUID. It is logged and stored, so nothing else gets through.
  private static final Pattern HOOK_INSTANCE =
      Pattern.compile(
          "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

  private final CdsJson json;

  public CdsRequestReader(CdsJson json) {
    this.json = json;
  }

  /**
   * @param prefetchKeys the keys the service declares; other prefetch entries are ignored unparsed,
   *     and the declared ones are parsed only when the service asks for them ({@link
   *     CdsRequest#prefetch()})
   */
  public CdsRequest read(byte[] body, Set<String> prefetchKeys) {
    JsonNode root = json.readTree(body);
    if (!root.isObject()) {
      throw CdsException.invalid("invalid-request", "the request body must be a JSON object");
    }
    String hook = requiredText(root, "hook", "hook");
    String hookInstance = requiredText(root, "hookInstance", "hookInstance");
    if (!HOOK_INSTANCE.matcher(hookInstance).matches()) {
      throw CdsException.invalid(
          "invalid-request",
          "hookInstance must be a UUID (e.g. d1577c69-dfbe-44ad-ba6d-3e05e953b2ea)");
    }
    URI fhirServer = fhirServer(root);
    FhirAuthorization auth = fhirServer == null ? null : authorization(root);
    JsonNode context = root.get("context");
    if (context == null || context.isNull()) {
      throw CdsException.contract("hook-contract", "context is missing");
    }
    if (!context.isObject()) {
      throw CdsException.invalid("invalid-request", "context must be a JSON object");
    }
    return new CdsRequest(
        hook, hookInstance, fhirServer, auth, context(context), prefetch(root, prefetchKeys));
  }

  private HookContext context(JsonNode context) {
    List<String> selections = null;
    JsonNode sel = context.get("selections");
    if (sel != null && !sel.isNull()) {
      if (!sel.isArray()) {
        throw CdsException.invalid(
            "invalid-request", "context.selections must be an array of strings");
      }
      selections = new ArrayList<>();
      for (int i = 0; i < sel.size(); i++) {
        if (!sel.get(i).isTextual()) {
          throw CdsException.invalid(
              "invalid-request", "context.selections[" + i + "] must be a string");
        }
        selections.add(sel.get(i).asText());
      }
    }
    return new HookContext(
        optionalText(context, "userId", "context.userId"),
        optionalText(context, "patientId", "context.patientId"),
        optionalText(context, "encounterId", "context.encounterId"),
        selections,
        draftOrders(context.get("draftOrders")));
  }

  /** A Bundle (CDS Hooks 2.0) or, as older clients send it, an array of resources. */
  private List<HookContext.DraftOrder> draftOrders(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<HookContext.DraftOrder> orders = new ArrayList<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String path = "context.draftOrders[" + i + "]";
        orders.add(new HookContext.DraftOrder(json.parseResource(node.get(i), path), path));
      }
      return orders;
    }
    if (!node.isObject()) {
      throw CdsException.invalid(
          "invalid-request", "context.draftOrders must be a Bundle (or an array of resources)");
    }
    if (!"Bundle".equals(node.path("resourceType").asText(null))) {
      throw CdsException.invalid(
          "invalid-request", "context.draftOrders must be a Bundle (resourceType 'Bundle')");
    }
    JsonNode entries = node.get("entry");
    if (entries == null || entries.isNull()) {
      return orders;
    }
    if (!entries.isArray()) {
      throw CdsException.invalid("invalid-request", "context.draftOrders.entry must be an array");
    }
    // Each entry is parsed on its own so an error names the entry.
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String path = "context.draftOrders.entry[" + i + "].resource";
      if (!entry.isObject() || entry.get("resource") == null || entry.get("resource").isNull()) {
        throw CdsException.invalid("invalid-request", path + " is missing");
      }
      orders.add(new HookContext.DraftOrder(json.parseResource(entry.get("resource"), path), path));
    }
    return orders;
  }

  /**
   * The prefetch object, its entries parsed when the service first asks ({@link ClientPrefetch}).
   */
  private ClientPrefetch prefetch(JsonNode root, Set<String> keys) {
    JsonNode prefetch = root.get("prefetch");
    if (prefetch == null || prefetch.isNull()) {
      return ClientPrefetch.none();
    }
    if (!prefetch.isObject()) {
      throw CdsException.invalid("invalid-request", "prefetch must be a JSON object");
    }
    return ClientPrefetch.of(json, prefetch, keys);
  }

  private URI fhirServer(JsonNode root) {
    String text = optionalText(root, "fhirServer", "fhirServer");
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(text.trim());
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw CdsException.invalid("invalid-request", "fhirServer must be an absolute URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw CdsException.invalid("invalid-request", "fhirServer is not a valid URL");
    }
  }

  private FhirAuthorization authorization(JsonNode root) {
    JsonNode auth = root.get("fhirAuthorization");
    if (auth == null || auth.isNull()) {
      return null;
    }
    if (!auth.isObject()) {
      throw CdsException.invalid("invalid-request", "fhirAuthorization must be a JSON object");
    }
    String token = requiredText(auth, "access_token", "fhirAuthorization.access_token");
    String type = optionalText(auth, "token_type", "fhirAuthorization.token_type");
    if (type != null && !"bearer".equalsIgnoreCase(type)) {
      throw CdsException.contract("hook-contract", "fhirAuthorization.token_type must be 'Bearer'");
    }
    return new FhirAuthorization(
        token,
        type,
        optionalText(auth, "scope", "fhirAuthorization.scope"),
        optionalText(auth, "subject", "fhirAuthorization.subject"));
  }

  private static String requiredText(JsonNode parent, String field, String path) {
    String value = optionalText(parent, field, path);
    if (value == null || value.isBlank()) {
      throw CdsException.contract("hook-contract", path + " is missing");
    }
    return value;
  }

  static String optionalText(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw CdsException.invalid("invalid-request", path + " must be a string");
    }
    return node.asText();
  }

  static ObjectNode object(JsonNode node, String path) {
    if (!(node instanceof ObjectNode o)) {
      throw CdsException.invalid("invalid-request", path + " must be a JSON object");
    }
    return o;
  }
}
