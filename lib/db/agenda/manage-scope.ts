import 'server-only';

// Kept for the referral and agenda modules' imports; the scope itself lives with the others.
export { coordinatedBoardScope } from '@/lib/authz/scopes';
