// Strips secrets from every message oss prints or returns (the proxy's error replies and error events, stderr
// notices, `models test`, `--json`): credentials in URLs (`https://user:pass@host`), key-like query parameters
// (`?key=…`, `&api_key=…`, `&access_token=…`), `Bearer …` values, and the value of every API key oss has read
// for use (a provider may echo the key it rejected in its 401 body). One module, applied at the output points.

const REDACTED = '[redacted]';

/** `scheme://userinfo@`: everything between `//` and `@` in an authority. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;
/** A query or form parameter whose name ends like a credential: key, api_key, x-goog-api-key, token, secret… */
const KEY_PARAM = /([?&;][\w.-]*?(?:key|token|secret|password|passwd|pwd|signature|sig|auth|credentials?)=)[^&#;\s"'<>\\]+/gi;
/** An HTTP authorization value quoted in a message. */
const AUTH_VALUE = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;

/** Shorter values are not redacted by value: they would hide ordinary words. */
const MIN_SECRET_LENGTH = 8;
/** A provider's echoed body may be clipped mid-key: a key's first characters, this many or more, count too. */
const MIN_PREFIX_LENGTH = 12;

const activeSecrets = new Set<string>();

/** Remember a key oss is about to use, so any message echoing it is redacted. */
export function rememberSecret(value: string | undefined): void {
  if (value === undefined || value.length < MIN_SECRET_LENGTH) return;
  activeSecrets.add(value);
  const encoded = encodeURIComponent(value);
  if (encoded !== value) activeSecrets.add(encoded);
}

export function redact(text: string): string {
  let out = text.replace(URL_USERINFO, `$1${REDACTED}@`).replace(KEY_PARAM, `$1${REDACTED}`).replace(AUTH_VALUE, `$1 ${REDACTED}`);
  for (const secret of activeSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    for (let length = secret.length - 1; length >= MIN_PREFIX_LENGTH; length -= 1) {
      const prefix = secret.slice(0, length);
      if (out.includes(prefix)) {
        out = out.split(prefix).join(REDACTED);
        break;
      }
    }
  }
  return out;
}
