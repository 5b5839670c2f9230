package org.stomacds.cds.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.casedata.CaseQueries;
import org.stomacds.casedata.KnownResources;
import org.stomacds.casedata.References;
import org.stomacds.cds.wire.CdsException;
import org.stomacds.cds.wire.CdsRequest;
import org.stomacds.cds.wire.PrefetchValue;

/**
 * Turns a client's prefetch into {@link KnownResources}: a resource or Bundle answers its
 * template's read or search; {@code null} answers it with "no data"; an OperationOutcome, a Bundle
 * that answered another query than the template's ({@link #unusable}) or an omitted key leaves it
 * unknown, so the assembler fetches it when it can. Remembers which key each lookup belongs to, so
 * a 412 can name the key.
 */
final class PrefetchIndex {

  private static final String SENT = "sent by the client";

  /** What the client did with one applicable prefetch key. */
  record KeyState(String key, String lookup, String clientStatus) {}

  private final KnownResources known;
  private final Map<String, KeyState> byLookup;

  private PrefetchIndex(KnownResources known, Map<String, KeyState> byLookup) {
    this.known = known;
    this.byLookup = byLookup;
  }

  static PrefetchIndex of(CdsServiceDefinition service, CdsRequest request, List<Resource> extra) {
    KnownResources.Builder known = KnownResources.builder();
    extra.forEach(known::resource);
    Map<String, KeyState> byLookup = new HashMap<>();
    service
        .prefetch()
        .forEach(
            (key, template) -> {
              Optional<String> resolved = PrefetchTemplates.resolve(template, request.context());
              if (resolved.isEmpty()) {
                return; // a token without a value: the key does not apply to this call
              }
              String lookup = CaseQueries.normalize(resolved.get());
              PrefetchValue value = request.prefetch().values().get(key);
              String status;
              if (value instanceof PrefetchValue.Data data) {
                Optional<String> unusable = unusable(data.resource());
                if (unusable.isEmpty()) {
                  answer(known, key, lookup, data.resource());
                }
                status = unusable.orElse(SENT);
              } else if (value instanceof PrefetchValue.NoData) {
                known.answer(lookup, List.of(), List.of());
                status = "sent as null (no data)";
              } else if (value instanceof PrefetchValue.Failed) {
                status = "the client could not fetch it (it sent an OperationOutcome)";
              } else {
                status = "not sent by the client";
              }
              byLookup.put(lookup, new KeyState(key, lookup, status));
            });
    return new PrefetchIndex(known.build(), byLookup);
  }

  KnownResources known() {
    return known;
  }

  /**
   * The key whose template is this lookup; for a read ({@code Encounter/e1}) that no template
   * names, the one key searching that type, if there is exactly one (the order hooks' open
   * encounters).
   */
  Optional<KeyState> keyFor(String lookup) {
    String key = CaseQueries.normalize(lookup);
    KeyState exact = byLookup.get(key);
    if (exact != null || CaseQueries.isSearch(key) || key.indexOf('/') < 0) {
      return Optional.ofNullable(exact);
    }
    String search = key.substring(0, key.indexOf('/')) + "?";
    List<KeyState> ofType =
        byLookup.values().stream().filter(k -> k.lookup().startsWith(search)).toList();
    if (ofType.size() != 1) {
      return Optional.empty();
    }
    KeyState k = ofType.get(0);
    return Optional.of(
        k.clientStatus().equals(SENT)
            ? new KeyState(k.key(), k.lookup(), SENT + " without it")
            : k);
  }

  /**
   * Why a Bundle the client sent does not answer its template, if it does not: its self link shows
   * a token the client left unfilled (a client that fills only the tokens it knows sends {@code
   * Procedure?encounter={{context.encounterId}}}, and a server may answer that with an empty
   * searchset, which would read as "no procedures"), or it carries an error OperationOutcome. Such
   * a key is treated as not sent: fetched when there is a source, else the call is 412.
   */
  static Optional<String> unusable(Resource r) {
    if (!(r instanceof Bundle bundle)) {
      return Optional.empty();
    }
    Bundle.BundleLinkComponent self = bundle.getLink(Bundle.LINK_SELF);
    if (self != null && self.hasUrl() && holdsUnfilledToken(self.getUrl())) {
      return Optional.of(
          "sent, but for a search with a template token left unfilled (its self link shows it)");
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof OperationOutcome outcome
          && outcome.getIssue().stream()
              .anyMatch(
                  i ->
                      i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                          || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL)) {
        return Optional.of(
            "sent as a Bundle with an error OperationOutcome (the client's search failed)");
      }
    }
    return Optional.empty();
  }

  private static boolean holdsUnfilledToken(String url) {
    String braces = url.replaceAll("(?i)%7B", "{").replaceAll("(?i)%7D", "}");
    return braces.contains("{{") || braces.contains("}}");
  }

  private static void answer(KnownResources.Builder known, String key, String lookup, Resource r) {
    String type =
        References.typePart(
            lookup.contains("?") ? lookup.substring(0, lookup.indexOf('?')) : lookup);
    if (r instanceof Bundle bundle) {
      List<Resource> matches = new ArrayList<>();
      List<Resource> includes = new ArrayList<>();
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        Resource entryResource = entry.getResource();
        if (entryResource == null || entryResource instanceof OperationOutcome) {
          continue;
        }
        Bundle.SearchEntryMode mode = entry.hasSearch() ? entry.getSearch().getMode() : null;
        boolean match =
            mode != Bundle.SearchEntryMode.INCLUDE
                && entryResource.fhirType().equals(type)
                && (CaseQueries.isSearch(lookup)
                    || References.of(entryResource).orElse("").equals(lookup));
        (match ? matches : includes).add(entryResource);
      }
      known.answer(lookup, matches, includes);
      return;
    }
    if (!r.fhirType().equals(type)) {
      throw CdsException.invalid(
          "invalid-prefetch",
          "prefetch."
              + key
              + " must be a "
              + type
              + (CaseQueries.isSearch(lookup) ? " Bundle" : "")
              + ", not a "
              + r.fhirType());
    }
    known.answer(lookup, List.of(r), List.of());
  }
}
