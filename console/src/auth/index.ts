// How the console reaches Waymark's API (issue 11 item 6). Served by the local runtime (no
// config.json): plain fetch on the console's own origin. Deployed (config.json present): the user
// signs in with the Cognito user pool, the identity pool gives the operator role's temporary
// credentials, and every call is signed with SigV4 for the IAM-authorized admin API. The bundle
// holds no credentials and no pool ids: everything comes from config.json and the sign-in.
import { loadConfig, type ConsoleConfig } from './config';
import { identityPoolCredentials } from './credentials';
import { beginSignIn, currentSession, ForeignSignIn, signOut as endSession, type Browser } from './signin';
import { signingFetch } from './sigv4';

export interface Connection {
  /** the fetch every API call goes through (signed when deployed) */
  fetch: typeof fetch;
  /** the API's base URL ('' = the console's own origin, as the local runtime serves it) */
  baseUrl: string;
  /** signs out (deployed); undefined locally, where there is no sign-in */
  signOut?: () => void;
}

function browser(): Browser {
  return {
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    crypto: window.crypto,
    fetch: (input, init) => fetch(input, init),
  };
}

/**
 * The connection to the API. When deployed and not signed in, this sends the browser to the
 * sign-in page and never resolves (the page is left).
 */
export async function connect(): Promise<Connection> {
  const config = await loadConfig();
  if (config === null) {
    return { fetch: (input, init) => fetch(input, init), baseUrl: '' };
  }
  return signedConnection(config, browser());
}

export async function signedConnection(config: ConsoleConfig, b: Browser): Promise<Connection> {
  // A sign-in answer this tab did not ask for (or a stale bookmark with ?code) is dropped unused,
  // and the user signs in afresh.
  const session = await currentSession(config, b).catch((e) => {
    if (e instanceof ForeignSignIn) return null;
    throw e;
  });
  if (session === null) {
    await beginSignIn(config, b);
    return new Promise<Connection>(() => {});
  }
  const idToken = async () => {
    const now = await currentSession(config, b);
    if (now === null) {
      await beginSignIn(config, b);
      throw new Error('sign-in: the session ended; signing in again');
    }
    return now.idToken;
  };
  return {
    fetch: signingFetch(identityPoolCredentials(config, idToken), config.region, b.fetch),
    baseUrl: config.apiUrl.replace(/\/$/, ''),
    signOut: () => endSession(config, b),
  };
}
