// The deployed console's settings: /console/config.json, written at deploy time by
// scripts/deploy-console.py from the stack's outputs. The local runtime serves none.

export interface ConsoleConfig {
  /** e.g. eu-west-1 */
  region: string;
  /** the HTTP API, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com */
  apiUrl: string;
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  /** the Cognito sign-in domain, e.g. waymark-….auth.eu-west-1.amazoncognito.com */
  signInDomain: string;
}

const FIELDS: Record<keyof ConsoleConfig, RegExp> = {
  region: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/,
  apiUrl: /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~\/-]*)?$/,
  userPoolId: /^[a-z]{2}(-[a-z]+)+-\d{1,2}_[A-Za-z0-9]+$/,
  userPoolClientId: /^[A-Za-z0-9]{1,128}$/,
  identityPoolId: /^[a-z]{2}(-[a-z]+)+-\d{1,2}:[0-9a-f-]{36}$/,
  signInDomain: /^[A-Za-z0-9.-]+$/,
};

/** Checks a parsed config.json; throws naming the first field that is missing or malformed. */
export function parseConfig(json: unknown): ConsoleConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error('config.json: expected an object');
  }
  const record = json as Record<string, unknown>;
  const config: Partial<ConsoleConfig> = {};
  for (const [field, pattern] of Object.entries(FIELDS) as [keyof ConsoleConfig, RegExp][]) {
    const value = record[field];
    if (typeof value !== 'string' || !pattern.test(value)) {
      throw new Error(`config.json: ${field} is missing or malformed`);
    }
    config[field] = value;
  }
  if (!config.userPoolId!.startsWith(config.region + '_') || !config.identityPoolId!.startsWith(config.region + ':')) {
    throw new Error('config.json: userPoolId and identityPoolId must be in region');
  }
  return config as ConsoleConfig;
}

/**
 * Reads config.json beside the page. Answers null when there is none (404): the console is
 * served by the local runtime, on the API's own origin, and calls it unsigned.
 */
export async function loadConfig(base: typeof fetch = fetch, page: string = location.href): Promise<ConsoleConfig | null> {
  const response = await base(new URL('config.json', page).href, { cache: 'no-store' });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseConfig(await response.json());
}
