import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    /** The user's sessionVersion when this session was issued; see lib/auth/get-actor.ts. */
    sessionVersion: number;
    /** Unix seconds of the sign-in; sessions older than SESSION_MAX_AGE_SECONDS are refused. */
    signedInAt: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
    sia?: number;
  }
}
