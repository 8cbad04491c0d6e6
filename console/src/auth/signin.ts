// Sign-in with the Cognito user pool's hosted sign-in page: OAuth 2.0 authorization code with
// PKCE (RFC 7636), a public client (no secret in the bundle). Tokens stay in sessionStorage
// (this tab only, gone when it closes); the CSP allows no inline or foreign script to read them.
import type { ConsoleConfig } from './config';

export interface Session {
  idToken: string;
  refreshToken?: string;
  /** epoch milliseconds when the id token expires */
  expiresAt: number;
}

/** What sign-in needs from the browser (a test passes its own). */
export interface Browser {
  location: { href: string; assign(url: string): void };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  crypto: Crypto;
  fetch: typeof fetch;
}

/** A sign-in answer this tab did not ask for: its code is never traded. */
export class ForeignSignIn extends Error {}

const SESSION = 'waymark.console.session';
const PENDING = 'waymark.console.pending';
/** Refresh this long before the id token expires. */
const EARLY_MS = 5 * 60_000;

export function redirectUri(page: string): string {
  const url = new URL(page);
  return url.origin + url.pathname.replace(/[^/]*$/, '');
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  bytes.forEach((b) => (text += String.fromCharCode(b)));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(browser: Browser): string {
  return base64url(browser.crypto.getRandomValues(new Uint8Array(32)));
}

/** Sends the browser to the hosted sign-in page; comes back to the console with ?code&state. */
export async function beginSignIn(config: ConsoleConfig, browser: Browser): Promise<void> {
  const verifier = randomText(browser);
  const state = randomText(browser);
  const digest = await browser.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const returnTo = new URL(browser.location.href).hash;
  browser.storage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const authorize = new URL(`https://${config.signInDomain}/oauth2/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.userPoolClientId,
    redirect_uri: redirectUri(browser.location.href),
    scope: 'openid email',
    state,
    code_challenge_method: 'S256',
    code_challenge: base64url(new Uint8Array(digest)),
  }).toString();
  browser.location.assign(authorize.href);
}

async function token(config: ConsoleConfig, browser: Browser, form: Record<string, string>): Promise<Session> {
  const response = await browser.fetch(`https://${config.signInDomain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.userPoolClientId, ...form }).toString(),
  });
  if (!response.ok) {
    throw new Error(`sign-in: the token endpoint answered HTTP ${response.status}`);
  }
  const answer = await response.json();
  if (typeof answer.id_token !== 'string' || typeof answer.expires_in !== 'number') {
    throw new Error('sign-in: the token endpoint answered no id_token');
  }
  return {
    idToken: answer.id_token,
    refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : form.refresh_token,
    expiresAt: Date.now() + answer.expires_in * 1000,
  };
}

/**
 * The signed-in session: finishes a sign-in the page came back from (checking its state), or
 * the stored session, refreshed when it is about to expire. Null when there is none.
 */
export async function currentSession(config: ConsoleConfig, browser: Browser): Promise<Session | null> {
  const page = new URL(browser.location.href);
  const code = page.searchParams.get('code');
  if (code !== null) {
    const pending = JSON.parse(browser.storage.getItem(PENDING) ?? 'null');
    browser.storage.removeItem(PENDING);
    browser.history.replaceState(null, '', redirectUri(page.href) + (pending?.returnTo ?? ''));
    if (!pending || pending.state !== page.searchParams.get('state')) {
      throw new ForeignSignIn('sign-in: the answer does not match the sign-in this tab started; sign in again');
    }
    const session = await token(config, browser, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(page.href),
      code_verifier: pending.verifier,
    });
    browser.storage.setItem(SESSION, JSON.stringify(session));
    return session;
  }
  const stored: Session | null = JSON.parse(browser.storage.getItem(SESSION) ?? 'null');
  if (!stored) return null;
  if (stored.expiresAt - EARLY_MS > Date.now()) return stored;
  if (!stored.refreshToken) return null;
  try {
    const session = await token(config, browser, { grant_type: 'refresh_token', refresh_token: stored.refreshToken });
    browser.storage.setItem(SESSION, JSON.stringify(session));
    return session;
  } catch {
    browser.storage.removeItem(SESSION);
    return null;
  }
}

/** Forgets the session and signs out of the hosted page too. */
export function signOut(config: ConsoleConfig, browser: Browser): void {
  browser.storage.removeItem(SESSION);
  const logout = new URL(`https://${config.signInDomain}/logout`);
  logout.search = new URLSearchParams({
    client_id: config.userPoolClientId,
    logout_uri: redirectUri(browser.location.href),
  }).toString();
  browser.location.assign(logout.href);
}
