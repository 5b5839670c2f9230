package org.stomacds.cds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** A key pair of a test EHR, signing tokens with Nimbus (the production code never signs). */
public final class TestIssuer {

  final JWK key;
  final JWSAlgorithm algorithm;

  private TestIssuer(JWK key, JWSAlgorithm algorithm) {
    this.key = key;
    this.algorithm = algorithm;
  }

  public static TestIssuer ec(String kid) {
    try {
      return new TestIssuer(
          new ECKeyGenerator(Curve.P_384).keyID(kid).generate(), JWSAlgorithm.ES384);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static TestIssuer rsa(String kid) {
    try {
      return new TestIssuer(new RSAKeyGenerator(2048).keyID(kid).generate(), JWSAlgorithm.RS384);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString(true);
  }

  /** Claims of a valid token: iss, sub, aud, iat now, exp in 5 minutes, a random jti. */
  public static JWTClaimsSet.Builder claims(String iss, String aud, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(iss)
        .subject("ehr-client")
        .audience(aud)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString());
  }

  JWSHeader.Builder header() {
    return new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
  }

  public String sign(JWTClaimsSet.Builder claims) {
    return sign(header(), claims);
  }

  String sign(JWSHeader.Builder header, JWTClaimsSet.Builder claims) {
    try {
      JWSSigner signer =
          key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
      SignedJWT jwt = new SignedJWT(header.build(), claims.build());
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
