import type { LessonsApiError } from '../../api/errors.js';
import { looksLikeEmail } from '../../base/email.js';
import type { Translate } from '../../i18n/i18n.js';

export const PASSWORD_MIN = 6;
export const USERNAME_MIN = 3;

export type AuthField = 'identifier' | 'password' | 'username' | 'email';
export interface AuthProblems {
  form?: string;
  fields: Partial<Record<AuthField, string>>;
}

/** Checks the form before sending, so the common mistakes get an answer at once. */
export function validateAuth(
  mode: 'login' | 'register',
  values: Record<string, string>,
  t: Translate,
): AuthProblems {
  const fields: AuthProblems['fields'] = {};
  const value = (name: AuthField) => (values[name] ?? '').trim();
  if (mode === 'login') {
    if (!value('identifier')) fields.identifier = t('auth.required');
    if (!values.password) fields.password = t('auth.required');
  } else {
    if (!value('username')) fields.username = t('auth.required');
    else if (value('username').length < USERNAME_MIN)
      fields.username = t('auth.usernameTooShort', { count: USERNAME_MIN });
    if (!value('email')) fields.email = t('auth.required');
    else if (!looksLikeEmail(value('email'))) fields.email = t('auth.invalidEmail');
    if (!values.password) fields.password = t('auth.required');
    else if ((values.password ?? '').length < PASSWORD_MIN)
      fields.password = t('auth.passwordTooShort', { count: PASSWORD_MIN });
  }
  return { fields };
}

/**
 * The reader's-language explanation of a refused login or registration. users-permissions
 * answers in English with fixed messages; these are recognised, the rest get a general message.
 */
export function explainAuthError(error: LessonsApiError, t: Translate): AuthProblems {
  if (error.failure === 'network') return { form: t('errors.network'), fields: {} };
  if (error.failure === 'server') return { form: t('errors.server'), fields: {} };
  const message = error.message.toLowerCase();
  if (message.includes('invalid identifier or password'))
    return { form: t('auth.invalidCredentials'), fields: {} };
  if (message.includes('already taken') || message.includes('already registered'))
    return { form: t('auth.taken'), fields: {} };
  if (message.includes('blocked')) return { form: t('auth.blocked'), fields: {} };
  if (message.includes('not confirmed')) return { form: t('auth.notConfirmed'), fields: {} };
  const fields: AuthProblems['fields'] = {};
  for (const { path } of error.fieldErrors) {
    if (path[0] === 'email') fields.email = t('auth.invalidEmail');
    if (path[0] === 'password') fields.password = t('auth.passwordTooShort', { count: PASSWORD_MIN });
    if (path[0] === 'username') fields.username = t('auth.usernameTooShort', { count: USERNAME_MIN });
  }
  return Object.keys(fields).length ? { fields } : { form: t('auth.failed'), fields: {} };
}
