// next-auth's own endpoints (sign-in callbacks, CSRF, sign-out). Public by
// nature; route-access.ts lists it as such.
import { handlers } from '@/lib/auth';

export const { GET, POST } = handlers;
