// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { takeTokenFromAddress } from '../../../src/browser/presenter-token';

const KEY = 'vs-presenter-token';

afterEach(() => localStorage.clear());

describe('presenter token in the fragment', () => {
  it('is stored and removed from the address; the slide part stays', () => {
    history.replaceState(null, '', '/slides/kapitel-2/#p3&token=geheim');
    takeTokenFromAddress();
    expect(localStorage.getItem(KEY)).toBe('geheim');
    expect(location.pathname + location.hash).toBe('/slides/kapitel-2/#p3');
  });

  it('may contain & and # when encoded, since it runs to the end of the fragment', () => {
    history.replaceState(null, '', '/slides/kapitel-2/#token=a%26b%23c');
    takeTokenFromAddress();
    expect(localStorage.getItem(KEY)).toBe('a&b#c');
    expect(location.href.endsWith('/slides/kapitel-2/')).toBe(true);
  });

  it('leaves a fragment without a token alone', () => {
    localStorage.setItem(KEY, 'vorher');
    history.replaceState(null, '', '/slides/kapitel-2/#p5');
    takeTokenFromAddress();
    expect(localStorage.getItem(KEY)).toBe('vorher');
    expect(location.hash).toBe('#p5');
  });
});
