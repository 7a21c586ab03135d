// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compiled, el, svg, textOf, withCode } from '../../../src/browser/dom';

describe('el', () => {
  it('sets text children as text, so markup in them stays visible and inert', () => {
    const item = el('li', { class: 'row' }, '<img src=x onerror=alert(1)>', el('b', {}, 'fett'));
    expect(item.tagName).toBe('LI');
    expect(item.querySelector('img')).toBeNull();
    expect(item.textContent).toBe('<img src=x onerror=alert(1)>fett');
    expect(item.outerHTML).toBe('<li class="row">&lt;img src=x onerror=alert(1)&gt;<b>fett</b></li>');
  });

  it('leaves out false and undefined attributes, sets true as empty and numbers as text', () => {
    const input = el('input', { type: 'checkbox', checked: true, disabled: false, title: undefined, tabindex: -1 });
    expect(input.getAttribute('checked')).toBe('');
    expect(input.hasAttribute('disabled')).toBe(false);
    expect(input.hasAttribute('title')).toBe(false);
    expect(input.getAttribute('tabindex')).toBe('-1');
  });

  it('skips null, undefined and false children, so optional parts can be written inline', () => {
    const shown = false;
    const list = el('ul', {}, null, undefined, shown && el('li', {}, 'nie'), el('li', {}, 'immer'));
    expect([...list.children].map((child) => child.textContent)).toEqual(['immer']);
  });
});

describe('svg', () => {
  it('creates elements in the SVG namespace with numeric attributes', () => {
    const rect = svg('rect', { x: 4, width: 10.5 });
    expect(rect.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(rect.getAttribute('width')).toBe('10.5');
  });
});

describe('compiled markup', () => {
  it('becomes nodes that el takes as a child', () => {
    const prompt = el('div', { class: 'prompt' }, compiled('<p>Was ist <code>RPC</code>?</p>'));
    expect(prompt.querySelector('p code')?.textContent).toBe('RPC');
  });

  it('gives its plain text with whitespace folded', () => {
    expect(textOf('<p>Zwei\n   <em>Phasen</em></p>  <p>Commit</p>')).toBe('Zwei Phasen Commit');
  });
});

describe('withCode', () => {
  it('puts the parts between backticks into code elements', () => {
    const hint = el('p', {}, ...withCode('Starten Sie `npm start` und laden Sie neu.'));
    expect(hint.innerHTML).toBe('Starten Sie <code>npm start</code> und laden Sie neu.');
  });
});
