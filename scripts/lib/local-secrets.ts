// Secrets for a local demo, made once per checkout and kept in the ignored
// .konsil/ folder (mode 0600). Production reads its secrets from the environment.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function readOrCreate(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

export function localAuthSecret(stateDir: string): string {
  return readOrCreate(path.join(stateDir, 'auth-secret'), () => randomBytes(32).toString('base64url'));
}

/** Random passwords for the demo accounts, one per key; the same on every start of this checkout. */
export function localDemoCredentials(stateDir: string, keys: readonly string[]): { file: string; passwords: Record<string, string> } {
  const file = path.join(stateDir, 'demo-credentials.json');
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const passwords = Object.fromEntries(keys.map((k) => [k, existing[k] ?? randomBytes(9).toString('base64url')]));
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, JSON.stringify(passwords, null, 2), { mode: 0o600 });
  return { file, passwords };
}
