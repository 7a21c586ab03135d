import type { TSchema } from 'typebox';
import type { HttpError } from '../kit/errors';
import { invalid } from '../kit/validation';

interface SizedSchema {
  type?: unknown;
  maxItems?: number;
  maxLength?: number;
  items?: SizedSchema;
  properties?: Record<string, SizedSchema>;
}

function isSized(schema: SizedSchema | undefined): schema is SizedSchema {
  return schema?.type === 'array' || schema?.type === 'object' || schema?.type === 'string';
}

/**
 * The first list or text longer than the schema allows, found by its length alone: a list of
 * 500,000 numbers costs one comparison and one error instead of a check and an error per element.
 */
export function oversized(schema: TSchema, value: unknown, field: string): HttpError | undefined {
  const sized = schema as SizedSchema;
  if (Array.isArray(value)) {
    if (typeof sized.maxItems === 'number' && value.length > sized.maxItems) {
      return invalid(field, `hat zu viele Einträge (höchstens ${sized.maxItems})`, sized.maxItems);
    }
    if (!isSized(sized.items)) return undefined;
    for (let index = 0; index < value.length; index++) {
      const problem = oversized(sized.items as TSchema, value[index], `${field}[${index}]`);
      if (problem) return problem;
    }
  } else if (typeof value === 'string') {
    if (typeof sized.maxLength === 'number' && value.length > sized.maxLength) {
      return invalid(field, `ist zu lang (höchstens ${sized.maxLength} Zeichen)`, sized.maxLength);
    }
  } else if (value !== null && typeof value === 'object' && sized.properties) {
    for (const [key, property] of Object.entries(sized.properties)) {
      if (!isSized(property) || !Object.hasOwn(value, key)) continue;
      const problem = oversized(property as TSchema, (value as Record<string, unknown>)[key], `${field}.${key}`);
      if (problem) return problem;
    }
  }
  return undefined;
}
