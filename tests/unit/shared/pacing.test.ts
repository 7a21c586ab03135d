import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type Deck, type Slide } from '../../../src/shared/deck';
import { paceAt, pacePlan } from '../../../src/shared/pacing';

const MIN = 60_000;

function deck(
  slides: [properties: Record<string, string>, continued?: boolean][],
  minutesPerSlide: number | null = null,
): Deck {
  return {
    id: 'd',
    title: 'D',
    chapter: '',
    total: slides.length,
    options: { ...DEFAULT_OPTIONS, minutesPerSlide },
    slides: slides.map(([properties, continued = false], index): Slide => ({
      index,
      number: index + 1,
      classes: [],
      properties,
      continued,
      html: '',
      notesHtml: '',
      line: 1,
      diagrams: 0,
      demos: [],
    })),
  };
}

describe('pacePlan', () => {
  it('is null for a deck that plans no time', () => {
    expect(pacePlan(deck([[{}], [{}]]))).toBeNull();
  });

  it('shares a section’s minutes among its slides without their own; steps share their slide’s time', () => {
    const plan = pacePlan(
      deck([[{ 'section-minutes': '10' }], [{ minutes: '4' }], [{}], [{}, true], [{ 'section-minutes': '2' }]]),
    )!;
    // Section 1: 10 min, slide 2 takes 4, slides 1 and 3 share 6; section 2: 2 min.
    expect(plan.startMs).toEqual([0, 3 * MIN, 7 * MIN, 7 * MIN, 10 * MIN]);
    expect(plan.endMs).toEqual([3 * MIN, 7 * MIN, 10 * MIN, 10 * MIN, 12 * MIN]);
    expect(plan.totalMs).toBe(12 * MIN);
  });

  it('gives the deck default to slides outside any section; ignores what is no number of minutes', () => {
    const plan = pacePlan(deck([[{}], [{ minutes: 'viel' }], [{ minutes: '1,5' }], [{ minutes: '9999' }]], 2))!;
    expect(plan.endMs).toEqual([2 * MIN, 4 * MIN, 5.5 * MIN, 7.5 * MIN]);
  });
});

describe('paceAt', () => {
  const plan = pacePlan(deck([[{ minutes: '5' }], [{ minutes: '5' }], [{ minutes: '5' }]]))!;

  it('is on plan within the slide’s planned time, behind after it, ahead before it', () => {
    expect(paceAt(plan, 1, 7 * MIN)).toEqual({ state: 'on-plan', minutes: 0, plannedMs: 10 * MIN });
    expect(paceAt(plan, 0, 7 * MIN)).toEqual({ state: 'behind', minutes: 2, plannedMs: 5 * MIN });
    expect(paceAt(plan, 2, 7 * MIN)).toEqual({ state: 'ahead', minutes: 3, plannedMs: 15 * MIN });
    // Less than a whole minute off is still on plan.
    expect(paceAt(plan, 0, 5 * MIN + 59_000).state).toBe('on-plan');
    expect(paceAt(plan, 2, 9 * MIN + 1).state).toBe('on-plan');
  });
});
