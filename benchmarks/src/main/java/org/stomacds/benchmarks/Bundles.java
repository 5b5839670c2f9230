package org.stomacds.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/** Copies of case bundles under new ids, so one case can be written many times. */
public final class Bundles {

  private Bundles() {}

  /**
   * A copy of a transaction bundle whose resources all get {@code id + "-" + suffix}, with every
   * reference, request URL and {@code {{resource:...}}}-style key renamed alike.
   */
  public static ObjectNode renamed(ObjectNode bundle, String suffix) {
    Map<String, String> renames = renames(bundle, suffix);
    ObjectNode copy = bundle.deepCopy();
    for (JsonNode entry : copy.path("entry")) {
      ObjectNode resource = (ObjectNode) entry.path("resource");
      String ref = reference(resource);
      resource.put("id", id(renames.get(ref)));
      if (entry.path("request").isObject()) {
        ((ObjectNode) entry.path("request")).put("url", renames.get(ref));
      }
      rewriteReferences(resource, renames);
    }
    return copy;
  }

  /** {@code Type/id} to its new {@code Type/id}. */
  public static Map<String, String> renames(ObjectNode bundle, String suffix) {
    Map<String, String> renames = new HashMap<>();
    for (JsonNode entry : bundle.path("entry")) {
      String ref = reference(entry.path("resource"));
      renames.put(ref, ref + "-" + suffix);
    }
    return renames;
  }

  /** A copy without the entries whose resource matches. */
  public static ObjectNode without(ObjectNode bundle, Predicate<JsonNode> drop) {
    ObjectNode copy = bundle.deepCopy();
    ArrayNode entries = (ArrayNode) copy.path("entry");
    for (Iterator<JsonNode> it = entries.iterator(); it.hasNext(); ) {
      if (drop.test(it.next().path("resource"))) {
        it.remove();
      }
    }
    return copy;
  }

  public static String reference(JsonNode resource) {
    return resource.path("resourceType").asText() + "/" + resource.path("id").asText();
  }

  public static String id(String reference) {
    return reference.substring(reference.indexOf('/') + 1);
  }

  static void rewriteReferences(JsonNode node, Map<String, String> renames) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (field.getKey().equals("reference") && value.isTextual()) {
          String renamed = renames.get(value.asText());
          if (renamed != null) {
            field.setValue(TextNode.valueOf(renamed));
          }
        } else {
          rewriteReferences(value, renames);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> rewriteReferences(child, renames));
    }
  }
}
