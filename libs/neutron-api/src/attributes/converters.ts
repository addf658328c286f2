import { z } from 'zod';
import { invalidInput } from '../errors/neutron-error';

/** Turns a value into the attribute's type or throws Neutron's InvalidInput. */
export type Converter<T> = (value: unknown, attribute: string) => T;

/** The offending value as Neutron quotes it, shortened so an error never echoes a huge input. */
const show = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 64 ? `${text.slice(0, 61)}...` : text;
};

/** neutron_lib convert_to_boolean: true/false, 'true'/'false' in any case, 1/0. */
export const toBoolean: Converter<boolean> = (value) => {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
  }
  throw invalidInput(`'${show(value)}' cannot be converted to boolean.`);
};

export const toInteger: Converter<number> = (value) => {
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n)) return n;
  throw invalidInput(`'${show(value)}' is not an integer.`);
};

export function integerInRange(min: number, max: number): Converter<number> {
  return (value, attribute) => {
    const n = toInteger(value, attribute);
    if (n < min || n > max) throw invalidInput(`'${n}' is not in range ${min} through ${max}.`);
    return n;
  };
}

/** Bounded string; Neutron's NAME/DESCRIPTION limits are 255. */
export function boundedString(maxLength = 255): Converter<string> {
  return (value) => {
    if (typeof value !== 'string') throw invalidInput(`'${show(value)}' is not a valid string.`);
    if (value.length > maxLength) throw invalidInput(`'${show(value)}' exceeds maximum length of ${maxLength}.`);
    return value;
  };
}

export function nullable<T>(inner: Converter<T>): Converter<T | null> {
  return (value, attribute) => (value === null ? null : inner(value, attribute));
}

export function oneOf<T extends string>(values: readonly T[]): Converter<T> {
  return (value) => {
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    throw invalidInput(`'${show(value)}' is not in [${values.map((v) => `'${v}'`).join(', ')}].`);
  };
}

const uuidSchema = z.uuid();
export const toUuid: Converter<string> = (value) => {
  if (typeof value === 'string' && uuidSchema.safeParse(value).success) return value.toLowerCase();
  throw invalidInput(`'${show(value)}' is not a valid UUID.`);
};

/** Project ids: Keystone's are 32 hex digits; Neutron accepts any string up to 255 without spaces. */
export const toProjectId: Converter<string> = (value) => {
  if (typeof value === 'string' && /^[A-Za-z0-9_.@-]{1,255}$/.test(value)) return value;
  throw invalidInput(`'${show(value)}' is not a valid project id.`);
};

export function listOf<T>(inner: Converter<T>, maxItems = 1000): Converter<T[]> {
  return (value, attribute) => {
    if (!Array.isArray(value)) throw invalidInput(`'${show(value)}' is not a list.`);
    if (value.length > maxItems) throw invalidInput(`list of ${value.length} items exceeds ${maxItems}.`);
    return value.map((item) => inner(item, attribute));
  };
}

export const toTag: Converter<string> = (value) => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 255 || value.includes(',') || value.includes('/')) {
    throw invalidInput(`'${show(value)}' is not a valid tag.`);
  }
  return value;
};

/** Neutron's availability_zone_hints: a list of AZ names. */
export const toStringList = listOf(boundedString(255), 100);
