package org.stomacds.cds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.concurrent.atomic.LongAdder;
import org.stomacds.cds.security.CdsAuthenticationException.Reason;

/**
 * The one Nimbus JWT processor of a trusted issuer, built when the verifier is: it checks a token's
 * signature (ES384 or RS384 only, by a key matching the header's {@code kid}) with the issuer's own
 * keys, or with the key source the token's {@code jku} selected (chosen per call by {@link
 * JkuKeys}, passed to Nimbus as the call's security context). The key sources stay Nimbus' cached,
 * rate-limited ones, so key rotation works as before. Claims are not checked here: {@link
 * CdsJwtVerifier} checks them against its own clock and rules.
 *
 * <p>Thread-safe: the processor is configured once and only used afterwards, as Nimbus allows.
 */
final class IssuerProcessor {

  /** The keys one call's signature is checked with. */
  private record Keys(JWKSource<SecurityContext> source) implements SecurityContext {}

  private final JWKSource<SecurityContext> own;
  private final DefaultJWTProcessor<Keys> processor = new DefaultJWTProcessor<>();
  private final LongAdder checked = new LongAdder();

  /**
   * @param own the issuer's keys ({@code jwks-uri} or {@code jwks-file})
   */
  IssuerProcessor(JWKSource<SecurityContext> own) {
    this.own = own;
    // Each source is asked without a context, exactly as when it was handed to Nimbus directly.
    JWKSource<Keys> chosen = (selector, keys) -> keys.source().get(selector, null);
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(CdsJwtVerifier.ALGORITHMS, chosen));
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
  }

  /**
   * The token's claims once its signature verifies.
   *
   * @param keys the source its {@code jku} selected, or null for the issuer's own keys
   * @throws CdsAuthenticationException {@code KEYS_UNAVAILABLE} when the keys cannot be had, else
   *     {@code BAD_SIGNATURE}
   */
  JWTClaimsSet verify(SignedJWT jwt, JWKSource<SecurityContext> keys) {
    checked.increment();
    try {
      return processor.process(jwt, new Keys(keys == null ? own : keys));
    } catch (KeySourceException e) {
      throw new CdsAuthenticationException(Reason.KEYS_UNAVAILABLE);
    } catch (BadJOSEException | JOSEException e) {
      throw new CdsAuthenticationException(Reason.BAD_SIGNATURE);
    }
  }

  /** How many tokens this processor has checked, accepted or not (for tests). */
  long checked() {
    return checked.sum();
  }
}
