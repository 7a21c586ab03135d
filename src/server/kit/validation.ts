import type { TLocalizedValidationError } from 'typebox/error';
import { HttpError } from './errors';

const TYPE_NAMES: Record<string, string> = {
  number: 'eine endliche Zahl',
  integer: 'eine ganze Zahl',
  string: 'eine Zeichenkette',
  boolean: 'true oder false',
  array: 'eine Liste',
  object: 'ein Objekt',
  null: 'null',
};

/** `/params/2/x` → `params[2].x`; `prefix` names the part of the request (`body`, or none for a query). */
export function fieldName(prefix: string, instancePath: string): string {
  let name = prefix;
  for (const segment of instancePath.split('/').slice(1)) {
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
    name += /^\d+$/.test(key) ? `[${key}]` : name ? `.${key}` : key;
  }
  return name || 'body';
}

/** 400 for one field: `Ungültige Eingabe: „field“ reason.`, with the limit it broke, if any. */
export function invalid(field: string, reason: string, limit?: number): HttpError {
  return new HttpError(
    400,
    `Ungültige Eingabe: „${field}“ ${reason}.`,
    limit === undefined ? { field } : { field, limit },
  );
}

function typeNames(type: unknown): string {
  const names = (Array.isArray(type) ? type : [type]).map((name) => TYPE_NAMES[String(name)] ?? String(name));
  return names.join(' oder ');
}

/** The first schema violation as a German sentence naming the field and, where there is one, the limit. */
export function invalidInput(prefix: string, errors: readonly TLocalizedValidationError[]): HttpError {
  const error = errors[0];
  if (!error) return invalid(prefix || 'body', 'ist ungültig');
  const params = error.params as Record<string, unknown>;
  const field = fieldName(prefix, error.instancePath);
  const limit = typeof params.limit === 'number' ? params.limit : undefined;
  switch (error.keyword) {
    case 'type':
      return invalid(field, `muss ${typeNames(params.type)} sein`);
    case 'required': {
      const missing = (params.requiredProperties as string[] | undefined)?.[0] ?? '?';
      return invalid(fieldName(prefix, `${error.instancePath}/${missing}`), 'fehlt');
    }
    case 'boolean':
    case 'additionalProperties':
      return invalid(field, 'ist hier nicht erlaubt');
    case 'maximum':
    case 'exclusiveMaximum':
      return invalid(field, `ist zu groß (Grenze: ${limit})`, limit);
    case 'minimum':
    case 'exclusiveMinimum':
      return invalid(field, `ist zu klein (Grenze: ${limit})`, limit);
    case 'maxItems':
      return invalid(field, `hat zu viele Einträge (höchstens ${limit})`, limit);
    case 'minItems':
      return invalid(field, `hat zu wenige Einträge (mindestens ${limit})`, limit);
    case 'maxLength':
      return invalid(field, `ist zu lang (höchstens ${limit} Zeichen)`, limit);
    case 'minLength':
      return invalid(field, `ist zu kurz (mindestens ${limit} Zeichen)`, limit);
    case 'enum':
      return invalid(field, `muss einer dieser Werte sein: ${(params.allowedValues as unknown[]).join(', ')}`);
    case 'pattern':
      return invalid(field, 'hat nicht das erlaubte Format');
    default:
      return invalid(field, `ist ungültig (${error.message})`);
  }
}
