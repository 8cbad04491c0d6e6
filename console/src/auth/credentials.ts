// The identity pool trades the user pool's id token for temporary credentials of the console's
// operator role (allowed execute-api:Invoke on the admin API, nothing else). They are kept in
// memory only and asked for again shortly before they expire.
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import type { ConsoleConfig } from './config';
import type { AwsCredentials, CredentialSource } from './sigv4';

const EARLY_MS = 5 * 60_000;

/** The Logins key the identity pool knows the user pool by. */
export function userPoolProvider(config: ConsoleConfig): string {
  return `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
}

/** `endpoint` replaces Cognito Identity's (an emulator, in tests); the console passes none. */
export function identityPoolCredentials(
  config: ConsoleConfig,
  idToken: () => Promise<string>,
  endpoint?: string,
): CredentialSource {
  const provider = fromCognitoIdentityPool({
    identityPoolId: config.identityPoolId,
    logins: { [userPoolProvider(config)]: idToken },
    clientConfig: endpoint ? { region: config.region, endpoint } : { region: config.region },
  });
  return cached(provider);
}

/** Memoises a credential source until five minutes before the credentials expire. */
export function cached(source: CredentialSource, now: () => number = Date.now): CredentialSource {
  let current: Promise<AwsCredentials> | undefined;
  return async () => {
    if (current) {
      const held = await current.catch(() => undefined);
      if (held && (!held.expiration || held.expiration.getTime() - EARLY_MS > now())) return held;
    }
    current = source();
    return current;
  };
}
