import type { TSchema } from 'typebox';
import type { TLocalizedValidationError } from 'typebox/error';
import { InvalidInputError } from './errors';

const TYPE_NAMES: Record<string, string> = {
  number: 'eine endliche Zahl',
  integer: 'eine ganze Zahl',
  string: 'eine Zeichenkette',
  boolean: 'true oder false',
  array: 'eine Liste',
  object: 'ein Objekt',
};

/** `/params/2/x` below `body` → `params[2].x`. */
export function fieldName(prefix: string, instancePath: string): string {
  let name = prefix;
  for (const segment of instancePath.split('/').slice(1)) {
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
    name += /^\d+$/.test(key) ? `[${key}]` : name ? `.${key}` : key;
  }
  return name || 'body';
}

function limitOf(error: TLocalizedValidationError): number | undefined {
  const limit = (error.params as { limit?: unknown }).limit;
  return typeof limit === 'number' ? limit : undefined;
}

/** The first schema violation as a German sentence naming the field and, where there is one, the limit. */
export function invalidInput(prefix: string, errors: readonly TLocalizedValidationError[]): InvalidInputError {
  const error = errors[0];
  if (!error) return new InvalidInputError(prefix || 'body', 'ist ungültig');
  const params = error.params as Record<string, unknown>;
  const field = fieldName(prefix, error.instancePath);
  const limit = limitOf(error);
  switch (error.keyword) {
    case 'type':
      return new InvalidInputError(field, `muss ${TYPE_NAMES[String(params.type)] ?? String(params.type)} sein`);
    case 'required': {
      const missing = (params.requiredProperties as string[] | undefined)?.[0] ?? '?';
      return new InvalidInputError(fieldName(prefix, `${error.instancePath}/${missing}`), 'fehlt');
    }
    case 'boolean':
    case 'additionalProperties':
      return new InvalidInputError(field, 'ist hier nicht erlaubt');
    case 'maximum':
    case 'exclusiveMaximum':
      return new InvalidInputError(field, `ist zu groß (Grenze: ${limit})`, limit);
    case 'minimum':
    case 'exclusiveMinimum':
      return new InvalidInputError(field, `ist zu klein (Grenze: ${limit})`, limit);
    case 'maxItems':
      return new InvalidInputError(field, `hat zu viele Einträge (höchstens ${limit})`, limit);
    case 'minItems':
      return new InvalidInputError(field, `hat zu wenige Einträge (mindestens ${limit})`, limit);
    case 'maxLength':
      return new InvalidInputError(field, `ist zu lang (höchstens ${limit} Zeichen)`, limit);
    case 'minLength':
      return new InvalidInputError(field, `ist zu kurz (mindestens ${limit} Zeichen)`, limit);
    case 'enum':
      return new InvalidInputError(
        field,
        `muss einer dieser Werte sein: ${(params.allowedValues as unknown[]).join(', ')}`,
      );
    case 'pattern':
      return new InvalidInputError(field, 'hat nicht das erlaubte Format');
    default:
      return new InvalidInputError(field, `ist ungültig (${error.message})`);
  }
}

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
export function oversized(schema: TSchema, value: unknown, field: string): InvalidInputError | undefined {
  const sized = schema as SizedSchema;
  if (Array.isArray(value)) {
    if (typeof sized.maxItems === 'number' && value.length > sized.maxItems) {
      return new InvalidInputError(field, `hat zu viele Einträge (höchstens ${sized.maxItems})`, sized.maxItems);
    }
    if (!isSized(sized.items)) return undefined;
    for (let index = 0; index < value.length; index++) {
      const problem = oversized(sized.items as TSchema, value[index], `${field}[${index}]`);
      if (problem) return problem;
    }
  } else if (typeof value === 'string') {
    if (typeof sized.maxLength === 'number' && value.length > sized.maxLength) {
      return new InvalidInputError(field, `ist zu lang (höchstens ${sized.maxLength} Zeichen)`, sized.maxLength);
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
