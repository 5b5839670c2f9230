// The JWT the public CDS Hooks Sandbox sends with every call (discovery, service calls, feedback),
// as its source builds it (github.com/cds-hooks/sandbox, src/retrieve-data-helpers/jwt-generator.js;
// our own code): ES384, signed in the browser, with
//   header  {"alg":"ES384","typ":"JWT","kid":<its key id>,"jku":<its JWK Set URL>}
//   claims  {"iss":<its URL>,"aud":<the URL called>,"exp":<now + 300 s>,"iat":<now>,"jti":<uuid>}
// and no "sub". `aud` is the URL exactly as the sandbox calls it: the discovery URL as the user
// typed it, `${discovery}/${service.id}` for a service, and that plus `/feedback` for feedback.
// Uses WebCrypto (a browser's secure context, or Node 20).

export const SANDBOX_ISS = 'https://sandbox.cds-hooks.org';
export const SANDBOX_JKU = 'https://sandbox.cds-hooks.org/.well-known/jwks.json';

function base64url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const utf8 = (text) => new TextEncoder().encode(text);

/** The signing key from a private JWK (EC P-384). */
export async function signingKey(privateJwk) {
  const { kty, crv, x, y, d } = privateJwk;
  return crypto.subtle.importKey(
    'jwk', { kty, crv, x, y, d }, { name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign'],
  );
}

/**
 * A token for one call of `audience`. `key` is a CryptoKey, `kid` its key id; `now` in ms.
 * WebCrypto's ECDSA signature is r || s, the form JWS uses.
 */
export async function sandboxJwt(audience, key, kid, now = Date.now()) {
  const header = JSON.stringify({ alg: 'ES384', typ: 'JWT', kid, jku: SANDBOX_JKU });
  const claims = JSON.stringify({
    iss: SANDBOX_ISS,
    aud: audience,
    exp: Math.round(now / 1000 + 300),
    iat: Math.round(now / 1000),
    jti: crypto.randomUUID(),
  });
  const input = `${base64url(utf8(header))}.${base64url(utf8(claims))}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-384' }, key, utf8(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}
