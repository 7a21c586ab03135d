import type { ParamSchema, TaskDescription } from '../shared/tasks';
import { el } from './dom';

/** Input that the user got wrong, with the field to point at. */
export class FormError extends Error {
  constructor(
    message: string,
    readonly input: HTMLElement,
  ) {
    super(message);
  }
}

const LIST_SEPARATOR = /[\s,;]+/;

let nextId = 0;

/** The fields for one task's parameters, built from its JSON schema. */
export class ParamForm {
  readonly element: HTMLFieldSetElement;
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();

  constructor(private readonly task: TaskDescription) {
    this.element = el('fieldset', { class: 'params' }, el('legend', {}, `Parameter von ${task.title}`));
    const schema = task.params;
    if (schema.type === 'object') {
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        this.addField(name, property, (task.example as Record<string, unknown> | undefined)?.[name]);
      }
    } else {
      this.addField('', schema, task.example);
    }
  }

  /** The parameters as the API expects them; throws FormError for input that cannot be sent. */
  read(): unknown {
    if (this.task.params.type !== 'object') return this.value('', this.task.params);
    const params: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(this.task.params.properties ?? {})) {
      params[name] = this.value(name, property);
    }
    return params;
  }

  /** Marks the field a server error names (`params.n`, `params[2]`, `params`) and returns it. */
  fieldFor(path: string | undefined): HTMLElement | undefined {
    const name = /^params\.([^.[]+)/.exec(path ?? '')?.[1] ?? '';
    const input = this.inputs.get(name) ?? (path?.startsWith('params') ? this.inputs.values().next().value : undefined);
    input?.setAttribute('aria-invalid', 'true');
    return input;
  }

  clearMarks(): void {
    for (const input of this.inputs.values()) input.removeAttribute('aria-invalid');
  }

  private addField(name: string, schema: ParamSchema, example: unknown): void {
    const id = `param-${++nextId}`;
    const hintId = `${id}-hint`;
    const input = this.inputFor(schema, example);
    input.id = id;
    input.setAttribute('aria-describedby', hintId);
    this.inputs.set(name, input);
    const label = schema.title ?? name;
    const field =
      input instanceof HTMLInputElement && input.type === 'checkbox'
        ? el('div', { class: 'field check' }, input, el('label', { for: id }, label))
        : el('div', { class: 'field' }, el('label', { for: id }, label), input);
    field.append(el('span', { class: 'hint', id: hintId }, hint(schema)));
    this.element.append(field);
  }

  private inputFor(schema: ParamSchema, example: unknown): HTMLInputElement | HTMLSelectElement {
    if (schema.enum) {
      const select = el(
        'select',
        {},
        ...schema.enum.map((value) => el('option', { value: String(value) }, String(value))),
      );
      select.value = String(example ?? schema.enum[0]);
      return select;
    }
    switch (schema.type) {
      case 'array':
        return el('input', {
          type: 'text',
          inputmode: 'decimal',
          autocomplete: 'off',
          value: Array.isArray(example) ? example.join(', ') : '',
        });
      case 'number':
      case 'integer': {
        const input = el('input', { type: 'number', step: schema.type === 'integer' ? '1' : 'any', required: '' });
        if (schema.minimum !== undefined) input.min = String(schema.minimum);
        if (schema.maximum !== undefined) input.max = String(schema.maximum);
        input.value = example === undefined ? '' : String(example);
        return input;
      }
      case 'boolean': {
        const input = el('input', { type: 'checkbox' });
        input.checked = example === true;
        return input;
      }
      default: {
        const input = el('input', {
          type: 'text',
          autocomplete: 'off',
          value: typeof example === 'string' ? example : '',
        });
        if (schema.maxLength !== undefined) input.maxLength = schema.maxLength;
        return input;
      }
    }
  }

  private value(name: string, schema: ParamSchema): unknown {
    const input = this.inputs.get(name)!;
    const text = input.value.trim();
    if (input instanceof HTMLInputElement && input.type === 'checkbox') return input.checked;
    if (schema.type === 'array') {
      return text === ''
        ? []
        : text.split(LIST_SEPARATOR).map((word) => {
            const number = Number(word);
            if (Number.isNaN(number)) throw new FormError(`„${word}“ ist keine Zahl.`, input);
            return number;
          });
    }
    if (schema.type === 'number' || schema.type === 'integer') {
      if (text === '' || Number.isNaN(Number(text))) {
        throw new FormError(`${schema.title ?? name}: bitte eine Zahl eingeben.`, input);
      }
      return Number(text);
    }
    return input.value;
  }
}

function hint(schema: ParamSchema): string {
  if (schema.type === 'array') {
    const limit = schema.maxItems === undefined ? '' : `, höchstens ${schema.maxItems} Zahlen`;
    return `Durch Komma oder Leerzeichen getrennt${limit}.`;
  }
  if (schema.minimum !== undefined && schema.maximum !== undefined) {
    return `Von ${schema.minimum.toLocaleString('de-DE')} bis ${schema.maximum.toLocaleString('de-DE')}.`;
  }
  if (schema.maxLength !== undefined) return `Höchstens ${schema.maxLength.toLocaleString('de-DE')} Zeichen.`;
  return schema.description ?? '';
}
