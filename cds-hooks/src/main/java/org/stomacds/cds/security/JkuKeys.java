package org.stomacds.cds.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.stomacds.cds.security.CdsAuthenticationException.Reason;
import org.stomacds.cds.url.CanonicalUrl;
import org.stomacds.cds.url.Loopback;

/**
 * The key sources one issuer's {@code jku} header may select, bounded so that forged tokens cannot
 * make us fetch without limit or keep a key source per URL they invent:
 *
 * <ul>
 *   <li>URLs configured exactly (the {@code jwks-uri}, each {@code jku-allowlist} entry not ending
 *       in {@code /}): built once at start-up, never more;
 *   <li>URLs under a configured prefix (an entry ending in {@code /}): learned on first use, at
 *       most {@link #MAX_LEARNED} per issuer (least recently used evicted), and at most one new URL
 *       per {@code newUrlInterval} per issuer; a URL whose keys could not be fetched is forgotten
 *       at once, so a flood of made-up URLs leaves nothing behind;
 *   <li>anything else: refused before any fetch.
 * </ul>
 *
 * All URLs are {@link CanonicalUrl}s: the URL compared is the URL fetched. Thread-safe.
 */
final class JkuKeys {

  static final int MAX_LEARNED = 8;

  private final Map<CanonicalUrl, JWKSource<SecurityContext>> configured;
  private final List<CanonicalUrl> prefixes;
  private final Function<CanonicalUrl, JWKSource<SecurityContext>> factory;
  private final Duration newUrlInterval;
  private final Clock clock;
  private final LinkedHashMap<CanonicalUrl, JWKSource<SecurityContext>> learned =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CanonicalUrl, JWKSource<SecurityContext>> e) {
          return size() > MAX_LEARNED;
        }
      };
  private Instant lastNewUrl;

  /**
   * @param configured exact URLs and their sources (the {@code jwks-uri} mapped to the issuer's own
   *     keys; later, a URL could map to keys read from a file)
   * @param prefixes allowlist entries ending in {@code /}
   * @param factory builds the source of a learned URL (a cached, rate-limited Nimbus source)
   * @param newUrlInterval least time between two learned URLs of this issuer
   */
  JkuKeys(
      Map<CanonicalUrl, JWKSource<SecurityContext>> configured,
      List<CanonicalUrl> prefixes,
      Function<CanonicalUrl, JWKSource<SecurityContext>> factory,
      Duration newUrlInterval,
      Clock clock) {
    this.configured = Map.copyOf(configured);
    this.prefixes = List.copyOf(prefixes);
    this.factory = factory;
    this.newUrlInterval = newUrlInterval;
    this.clock = clock;
  }

  /**
   * The source for a token's {@code jku}.
   *
   * @param jku the header's value, as sent
   * @param beforeNewUrl checks the token's claims (unverified) before a new URL costs a fetch;
   *     throws to refuse
   * @throws CdsAuthenticationException {@code JKU_NOT_ALLOWED} for a URL not allowed (or not
   *     canonical), {@code KEYS_UNAVAILABLE} when the new-URL budget is spent
   */
  JWKSource<SecurityContext> sourceFor(String jku, Runnable beforeNewUrl) {
    CanonicalUrl url =
        CanonicalUrl.parse(jku)
            .filter(u -> Loopback.isHttpsOrLoopbackHttp(u.toUri()))
            .orElseThrow(() -> new CdsAuthenticationException(Reason.JKU_NOT_ALLOWED));
    JWKSource<SecurityContext> fixed = configured.get(url);
    if (fixed != null) {
      return fixed;
    }
    if (prefixes.stream().noneMatch(url::isStrictlyUnder)) {
      throw new CdsAuthenticationException(Reason.JKU_NOT_ALLOWED);
    }
    synchronized (learned) {
      JWKSource<SecurityContext> known = learned.get(url);
      if (known != null) {
        return known;
      }
    }
    beforeNewUrl.run();
    synchronized (learned) {
      JWKSource<SecurityContext> known = learned.get(url);
      if (known != null) {
        return known;
      }
      Instant now = clock.instant();
      if (lastNewUrl != null && now.isBefore(lastNewUrl.plus(newUrlInterval))) {
        throw new CdsAuthenticationException(Reason.KEYS_UNAVAILABLE);
      }
      lastNewUrl = now;
      JWKSource<SecurityContext> source = factory.apply(url);
      learned.put(url, source);
      return source;
    }
  }

  /** Drops a learned URL whose keys could not be fetched (configured ones stay). */
  void forget(String jku) {
    Optional<CanonicalUrl> url = CanonicalUrl.parse(jku);
    if (url.isPresent()) {
      synchronized (learned) {
        learned.remove(url.get());
      }
    }
  }

  /** For tests: how many URLs are learned now. */
  int learnedCount() {
    synchronized (learned) {
      return learned.size();
    }
  }
}
