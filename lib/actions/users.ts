'use server';
// Admin actions on user accounts. Each export is built by createAction (the
// authz matrix test checks that), so each one authenticates, parses and checks
// its permission before lib/db/users.ts touches anything.
import { createAction } from './create-action';
import {
  userCreateSchema,
  userDeactivateSchema,
  userPasswordResetSchema,
  userProfileSchema,
  userReactivateSchema,
  userRolesSchema,
} from '@/lib/schemas/user';
import {
  createUser as createUserRecord,
  deactivateUser as deactivateUserRecord,
  reactivateUser as reactivateUserRecord,
  resetUserPassword as resetUserPasswordRecord,
  setUserRoles as setUserRolesRecord,
  updateUserProfile as updateUserProfileRecord,
} from '@/lib/db/users';

const usersPage = ({ input }: { input: { userId?: string } }) =>
  input.userId ? ['/admin/users', `/admin/users/${input.userId}`] : ['/admin/users'];

export const createUser = createAction({
  name: 'users.create',
  permission: 'users.manage',
  input: userCreateSchema,
  handler: ({ actor, input }) => createUserRecord({ actor, ...input }),
  revalidate: () => ['/admin/users'],
  successMessage: 'User created.',
});

export const setUserRoles = createAction({
  name: 'users.setRoles',
  permission: 'users.manage',
  input: userRolesSchema,
  handler: ({ actor, input }) => setUserRolesRecord({ actor, ...input }),
  revalidate: usersPage,
  successMessage: 'Roles saved. The user was signed out of open sessions.',
});

export const updateUserProfile = createAction({
  name: 'users.updateProfile',
  permission: 'users.manage',
  input: userProfileSchema,
  handler: ({ actor, input }) => updateUserProfileRecord({ actor, ...input }),
  revalidate: usersPage,
  successMessage: 'Profile saved.',
});

export const deactivateUser = createAction({
  name: 'users.deactivate',
  permission: 'users.manage',
  input: userDeactivateSchema,
  handler: ({ actor, input }) => deactivateUserRecord({ actor, ...input }),
  revalidate: usersPage,
  successMessage: 'User deactivated. Their sessions have ended.',
});

export const reactivateUser = createAction({
  name: 'users.reactivate',
  permission: 'users.manage',
  input: userReactivateSchema,
  handler: ({ actor, input }) => reactivateUserRecord({ actor, ...input }),
  revalidate: usersPage,
  successMessage: 'User re-activated.',
});

export const resetUserPassword = createAction({
  name: 'users.resetPassword',
  permission: 'users.manage',
  input: userPasswordResetSchema,
  handler: ({ actor, input }) => resetUserPasswordRecord({ actor, ...input }),
  revalidate: usersPage,
  successMessage: 'Password set. The user was signed out of open sessions.',
});
