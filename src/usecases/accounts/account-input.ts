import {
  isEmail,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  normaliseEmail,
} from '../../domain/accounts/user.ts';
import { InputError } from '../../domain/errors.ts';

export function checkedEmail(raw: unknown, field = 'email'): string {
  const email = typeof raw === 'string' ? normaliseEmail(raw) : '';
  if (!email) throw new InputError(field, 'is required', 'required');
  if (!isEmail(email))
    throw new InputError(field, 'must be an e-mail address such as name@example.org', 'email');
  return email;
}

export function checkedPassword(raw: unknown, field = 'password'): string {
  const password = typeof raw === 'string' ? raw : '';
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new InputError(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`, 'passwordShort', {
      min: MIN_PASSWORD_LENGTH,
    });
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new InputError(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`, 'tooLong', {
      max: MAX_PASSWORD_LENGTH,
    });
  return password;
}

/** Optional public name: trimmed, control characters refused. */
export function checkedDisplayName(raw: unknown): string | null {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (!name) return null;
  if (name.length > MAX_DISPLAY_NAME_LENGTH)
    throw new InputError('display_name', `must be at most ${MAX_DISPLAY_NAME_LENGTH} characters`, 'tooLong', {
      max: MAX_DISPLAY_NAME_LENGTH,
    });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new InputError('display_name', 'must not contain control characters', 'controlCharacters');
  return name;
}
