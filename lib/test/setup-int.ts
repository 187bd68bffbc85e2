// Runs in each integration-test worker before the test files: point the app's
// database client (read lazily) and environment at the per-run test database.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'integration-tests-only-secret-0123456789abcdef';
// Short windows so the rate-limit tests do not need many attempts.
process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT ??= '5';
process.env.LOGIN_MAX_FAILURES_PER_ADDRESS ??= '20';
