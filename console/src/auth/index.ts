// Owned by console-auth (issue 11 item 6): sign-in and SigV4 signing when deployed.
// Until then, and locally, the console calls the API on its own origin with plain fetch.
export interface Connection {
  /** the fetch every API call goes through (signed when deployed) */
  fetch: typeof fetch;
  /** the API's base URL ('' = the console's own origin, as the local runtime serves it) */
  baseUrl: string;
}

export async function connect(): Promise<Connection> {
  return { fetch: (input, init) => fetch(input, init), baseUrl: '' };
}
