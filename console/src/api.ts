// The one module every call to Waymark's API goes through. The fetch it uses is set once at start
// (auth/connect: plain fetch locally, SigV4-signed when deployed); nothing else calls fetch.

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem the API answered (4xx/5xx), with the fields it names. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
  ) {
    super(detail || title || `HTTP ${status}`);
  }

  /** The messages for one field (a JSON Pointer or a parameter name), and for fields under it. */
  forField(field: string): string[] {
    return this.errors
      .filter((e) => e.field === field || e.field.startsWith(field + '/'))
      .map((e) => e.message);
  }
}

type Fetch = typeof fetch;
let doFetch: Fetch = (input, init) => fetch(input, init);
let base = '';

/** Sets the fetch (and API base URL) every call uses: the hook the auth module fills. */
export function useTransport(f: Fetch, baseUrl = ''): void {
  doFetch = f;
  base = baseUrl.replace(/\/$/, '');
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: {} };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const response = await doFetch(base + path, init);
  const text = await response.text();
  let json: any = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    throw new ApiProblem(
      response.status,
      json?.title ?? json?.message ?? response.statusText,
      json?.detail ?? '',
      Array.isArray(json?.errors) ? json.errors : [],
    );
  }
  return json as T;
}

export const api = {
  get: <T = any>(path: string) => call<T>('GET', path),
  put: <T = any>(path: string, body: unknown) => call<T>('PUT', path, body),
  post: <T = any>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  del: <T = any>(path: string) => call<T>('DELETE', path),
};

/** A path segment, percent-encoded. */
export const seg = encodeURIComponent;
