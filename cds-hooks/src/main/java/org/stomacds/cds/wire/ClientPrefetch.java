package org.stomacds.cds.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * The client's prefetch, handed to HAPI's parser only when the service first asks for it: a call
 * about no order of the service's packs is answered without it (the call an EHR makes most), so it
 * costs no FHIR parse. The same 400s as an eager read when it is read (an entry that is not a valid
 * FHIR resource names its key); entries of keys the service does not declare are never parsed.
 * Belongs to one request (not thread-safe).
 */
public final class ClientPrefetch {

  private static final ClientPrefetch NONE = new ClientPrefetch(null, null, Set.of());

  private final CdsJson json;
  private final JsonNode prefetch;
  private final Set<String> keys;
  private Map<String, PrefetchValue> values;

  private ClientPrefetch(CdsJson json, JsonNode prefetch, Set<String> keys) {
    this.json = json;
    this.prefetch = prefetch;
    this.keys = Set.copyOf(keys);
  }

  /** No prefetch sent. */
  static ClientPrefetch none() {
    return NONE;
  }

  /**
   * @param prefetch the request's {@code prefetch} object, as read
   * @param keys the keys the service declares
   */
  static ClientPrefetch of(CdsJson json, JsonNode prefetch, Set<String> keys) {
    return new ClientPrefetch(json, prefetch, keys);
  }

  /**
   * The entries the client sent for the service's keys, parsed on the first call; a key the client
   * omitted is absent. 400 ({@link CdsException}) for an entry that is not a valid FHIR resource.
   */
  public Map<String, PrefetchValue> values() {
    if (values == null) {
      values = prefetch == null ? Map.of() : read();
    }
    return values;
  }

  private Map<String, PrefetchValue> read() {
    Map<String, PrefetchValue> read = new HashMap<>();
    for (String key : keys) {
      if (!prefetch.has(key)) {
        continue;
      }
      JsonNode value = prefetch.get(key);
      String path = "prefetch." + key;
      if (value.isNull()) {
        read.put(key, new PrefetchValue.NoData());
        continue;
      }
      Resource resource = json.parseResource(value, path);
      read.put(
          key,
          resource instanceof OperationOutcome outcome
              ? new PrefetchValue.Failed(outcome)
              : new PrefetchValue.Data(resource));
    }
    return Map.copyOf(read);
  }
}
