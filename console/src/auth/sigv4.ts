// SigV4 signing of the console's calls to the admin API (the HTTP API's AWS_IAM authorizer),
// with @smithy/signature-v4, the signer the AWS SDK for JavaScript uses.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/** Temporary AWS credentials (the identity pool's, for the console's operator role). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type CredentialSource = () => Promise<AwsCredentials>;

/** A request to sign: what is signed is exactly what is sent. */
export interface SignableRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** RFC 3986 encoding, as SigV4 and the sent URL both use it. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * Signs a request for `execute-api` in a region; answers the URL and headers to send (the
 * request's own headers, plus authorization, x-amz-date and x-amz-security-token; without host,
 * which the browser sets from the URL). `now` is for tests.
 */
export async function signRequest(
  request: SignableRequest,
  credentials: AwsCredentials,
  region: string,
  now: Date = new Date(),
): Promise<{ url: string; headers: Record<string, string> }> {
  const url = new URL(request.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`url: only http(s) can be signed, not ${url.protocol}`);
  }
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  const headers: Record<string, string> = { host: url.host };
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name.toLowerCase()] = value;
  }
  const signer = new SignatureV4({
    service: 'execute-api',
    region,
    credentials,
    sha256: Sha256,
    uriEscapePath: true,
  });
  const signed = await signer.sign(
    {
      method: request.method.toUpperCase(),
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query,
      headers,
      body: request.body,
    },
    { signingDate: now },
  );
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) {
    if (name !== 'host') sent[name] = value;
  }
  // Send the query as it was signed (URLSearchParams would write a space as '+').
  const pairs = [...url.searchParams].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`);
  return { url: url.origin + url.pathname + (pairs.length ? '?' + pairs.join('&') : ''), headers: sent };
}

/**
 * A fetch-compatible function that signs every request with the credentials `source` answers
 * (asked for each request; the source caches them) before handing it to `base`.
 */
export function signingFetch(source: CredentialSource, region: string, base: typeof fetch = fetch): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = await toSignable(input, init);
    const signed = await signRequest(request, await source(), region);
    return base(signed.url, {
      ...init,
      method: request.method,
      headers: signed.headers,
      body: request.body,
    });
  };
}

async function toSignable(input: RequestInfo | URL, init?: RequestInit): Promise<SignableRequest> {
  const fromRequest = typeof Request !== 'undefined' && input instanceof Request ? input : undefined;
  const url = fromRequest ? fromRequest.url : String(input);
  const method = init?.method ?? fromRequest?.method ?? 'GET';
  const headers: Record<string, string> = {};
  new Headers(init?.headers ?? fromRequest?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  let body: string | undefined;
  if (init?.body !== undefined && init.body !== null) {
    if (typeof init.body !== 'string') {
      throw new TypeError('body: the console sends JSON text; other bodies are not signed');
    }
    body = init.body;
  } else if (fromRequest && fromRequest.body !== null) {
    body = await fromRequest.text();
  }
  return { method, url, headers, body };
}
