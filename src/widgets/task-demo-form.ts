import type { ParamSchema, TaskDescription } from '../shared/tasks';
import { el } from '../browser/dom';
import { fields, type Inputs } from './task-params';

let nextId = 0;

/** The fields for one task's parameters, built from its JSON schema; what is typed goes to `onInput`. */
export class ParamForm {
  readonly element: HTMLFieldSetElement;
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();

  constructor(
    readonly task: TaskDescription,
    values: Inputs,
    onInput: (name: string, value: string | boolean) => void,
  ) {
    this.element = el('fieldset', { class: 'params' }, el('legend', {}, `Parameter von ${task.title}`));
    for (const [name, schema] of fields(task)) {
      const input = this.addField(name, schema);
      input.addEventListener('input', () => onInput(name, readInput(input)));
      input.addEventListener('change', () => onInput(name, readInput(input)));
    }
    this.show(values);
  }

  /** Shows these values; a field being typed in keeps its text. */
  show(values: Inputs): void {
    for (const [name, input] of this.inputs) {
      const value = values[name];
      if (value === undefined || (input.getRootNode() as Document | ShadowRoot).activeElement === input) continue;
      if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
      else if (input.value !== String(value)) input.value = String(value);
    }
  }

  /** Marks the field named by an error (or none) and returns it. */
  mark(name: string | undefined): HTMLElement | undefined {
    for (const input of this.inputs.values()) input.removeAttribute('aria-invalid');
    const input = name === undefined ? undefined : this.inputs.get(name);
    input?.setAttribute('aria-invalid', 'true');
    return input;
  }

  set disabled(disabled: boolean) {
    this.element.disabled = disabled;
  }

  private addField(name: string, schema: ParamSchema): HTMLInputElement | HTMLSelectElement {
    const id = `param-${++nextId}`;
    const hintId = `${id}-hint`;
    const input = inputFor(schema);
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
    return input;
  }
}

function readInput(input: HTMLInputElement | HTMLSelectElement): string | boolean {
  return input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
}

function inputFor(schema: ParamSchema): HTMLInputElement | HTMLSelectElement {
  if (schema.enum) {
    return el('select', {}, ...schema.enum.map((value) => el('option', { value: String(value) }, String(value))));
  }
  switch (schema.type) {
    case 'array':
      return el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
    case 'number':
    case 'integer': {
      const input = el('input', { type: 'number', step: schema.type === 'integer' ? '1' : 'any', required: '' });
      if (schema.minimum !== undefined) input.min = String(schema.minimum);
      if (schema.maximum !== undefined) input.max = String(schema.maximum);
      return input;
    }
    case 'boolean':
      return el('input', { type: 'checkbox' });
    default: {
      const input = el('input', { type: 'text', autocomplete: 'off' });
      if (schema.maxLength !== undefined) input.maxLength = schema.maxLength;
      return input;
    }
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
