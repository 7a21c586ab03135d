import type { ParamSchema, TaskDescription } from '../shared/tasks';

/** Input the user got wrong, with the parameter to point at ('' for a task whose parameters are one value). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export type Inputs = Record<string, string | boolean>;

const LIST_SEPARATOR = /[\s,;]+/;

/** A task's parameters by field name: one field per property of an object, else one field ''. */
export function fields(task: TaskDescription): [name: string, schema: ParamSchema][] {
  return task.params.type === 'object' ? Object.entries(task.params.properties ?? {}) : [['', task.params]];
}

/** The form's fields filled with the task's example, as typed text (or a checkbox's state). */
export function exampleInputs(task: TaskDescription): Inputs {
  const example = task.params.type === 'object' ? (task.example as Record<string, unknown> | undefined) : undefined;
  return Object.fromEntries(
    fields(task).map(([name, schema]) => [name, asInput(schema, name === '' ? task.example : example?.[name])]),
  );
}

function asInput(schema: ParamSchema, value: unknown): string | boolean {
  if (schema.type === 'boolean') return value === true;
  if (schema.enum) return String(value ?? schema.enum[0]);
  if (schema.type === 'array') return Array.isArray(value) ? value.join(', ') : '';
  return value === undefined ? '' : String(value);
}

/** The parameters as the API expects them; throws InputError for input that cannot be sent. */
export function readParams(task: TaskDescription, inputs: Inputs): unknown {
  const values = fields(task).map(([name, schema]) => [name, value(name, schema, inputs[name])] as const);
  return task.params.type === 'object' ? Object.fromEntries(values) : values[0]?.[1];
}

function value(name: string, schema: ParamSchema, input: string | boolean | undefined): unknown {
  if (schema.type === 'boolean') return input === true;
  const text = typeof input === 'string' ? input.trim() : '';
  if (schema.type === 'array') {
    return text === ''
      ? []
      : text.split(LIST_SEPARATOR).map((word) => {
          const number = Number(word);
          if (Number.isNaN(number)) throw new InputError(`„${word}“ ist keine Zahl.`, name);
          return number;
        });
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    if (text === '' || Number.isNaN(Number(text))) {
      throw new InputError(`${schema.title ?? name}: bitte eine Zahl eingeben.`, name);
    }
    return Number(text);
  }
  return typeof input === 'string' ? input : '';
}

/** The field a server error names (`params.n`, `params[2]`, `params`), if any. */
export function fieldOf(task: TaskDescription, path: string | undefined): string | undefined {
  if (!path?.startsWith('params')) return undefined;
  const name = /^params\.([^.[]+)/.exec(path)?.[1];
  const names = fields(task).map(([field]) => field);
  return name !== undefined && names.includes(name) ? name : names[0];
}
