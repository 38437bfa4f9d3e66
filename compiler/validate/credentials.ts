/**
 * Header values that look like a credential written literally in the repo. Secrets must be
 * `secret('ENV_VAR')` (compiled to `<secret:ENV_VAR>`), or a Kustomer workflow variable
 * (`{{{variables.<id>}}}`), never the value itself.
 */
const AUTH_SCHEME = /^\s*(Bearer|Basic|Token|Bot|Digest)\s+(\S.*)$/i;
const CREDENTIAL_HEADER =
  /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-api-token)$/i;

export function isLiteralCredential(headerName: string, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const scheme = AUTH_SCHEME.exec(value);
  const credential = scheme ? scheme[2]! : CREDENTIAL_HEADER.test(headerName) ? value.trim() : '';
  return credential !== '' && !credential.includes('<secret:') && !credential.includes('{{');
}

/** "use secret()" hint; `owner` (a webhook or step name) suggests the environment variable. */
export function secretHint(value: string, owner: string): string {
  const scheme = AUTH_SCHEME.exec(value)?.[1];
  const env = `${owner.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_TOKEN`;
  return scheme
    ? `write \`${scheme} \${secret('${env}')}\` and set ${env} in the environment`
    : `write secret('${env}') and set ${env} in the environment`;
}
