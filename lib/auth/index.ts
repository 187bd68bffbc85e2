import 'server-only';
import NextAuth from 'next-auth';
import { authConfig } from './config';

// The config is built lazily (per request) so importing this module never reads
// the environment at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
