import { beforeAll, describe, expect, it } from 'vitest';
import { emptyProgress, needsReread, type Progress } from '../../../src/quiz/progress';
import { newCard } from '../../../src/quiz/fsrs';
import { loadScheduler } from '../../../src/quiz/schedule';
import { QuizSession, type Change } from '../../../src/quiz/session';
import { BANK } from './fixtures';

function start(progress: Progress = emptyProgress('kapitel-2'), startAt = new Date('2024-10-14T08:00:00Z')) {
  const saved: Progress[] = [];
  const changes: Change[] = [];
  let now = startAt;
  const session = new QuizSession(
    BANK,
    progress,
    (p) => saved.push(structuredClone(p)),
    () => now,
  );
  session.on('change', (change) => changes.push(change));
  const wait = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
  return { session, saved, changes, wait };
}

/** Picks the displayed positions of the given option ids. */
function positions(session: QuizSession, ids: string[]): number[] {
  return ids.map((id) => session.draft?.order.indexOf(id) ?? -1);
}

describe('QuizSession', () => {
  beforeAll(async () => {
    await loadScheduler();
  });

  it('answers a single choice: choosing replaces, checking grades, records and stores', () => {
    const { session, saved } = start();
    const [wrong, right] = positions(session, ['a', 'b']);
    session.choose(wrong ?? -1);
    session.choose(right ?? -1);
    expect([...(session.draft?.selected ?? [])]).toEqual(['b']);
    session.check();
    expect(session.draft?.phase).toBe('done');
    expect(session.draft?.outcome).toBe('right');
    const entry = saved.at(-1)?.questions.single;
    expect(entry?.attempts).toEqual([
      { at: '2024-10-14T08:00:00.000Z', outcome: 'right', hints: 0, answer: { kind: 'choice', selected: ['b'] } },
    ]);
    expect(entry?.card.due).toEqual(new Date('2024-10-16T08:00:00Z'));
  });

  it('does not check a choice question before something is chosen, nor change it after', () => {
    const { session } = start();
    session.check();
    expect(session.draft?.phase).toBe('answering');
    session.choose(0);
    session.check();
    const selected = [...(session.draft?.selected ?? [])];
    session.choose(1);
    expect([...(session.draft?.selected ?? [])]).toEqual(selected);
  });

  it('toggles multiple choice options and grades wrong when one is missing', () => {
    const { session } = start();
    session.next();
    const [a, c] = positions(session, ['a', 'c']);
    session.choose(a ?? -1);
    session.choose(c ?? -1);
    session.choose(c ?? -1);
    session.check();
    expect(session.draft?.outcome).toBe('wrong');
  });

  it('orders steps by picking and moving them', () => {
    const { session } = start();
    session.goTo('ordering');
    const draft = session.draft;
    if (!draft) throw new Error('no draft');
    // Selection sort with the same moves the keys make: pick a step, move it up.
    for (const [target, id] of ['a', 'b', 'c', 'd'].entries()) {
      let position = draft.order.indexOf(id);
      session.pick(position);
      while (position > target) session.moveStep(position--, -1);
      expect(draft.picked).toBe(target);
    }
    expect(draft.order).toEqual(['a', 'b', 'c', 'd']);
    session.check();
    expect(draft.outcome).toBe('right');
  });

  it('keeps a free-text draft in the progress, reveals the model answer and takes the self-grade', () => {
    const { session, saved } = start();
    session.goTo('text');
    session.setText('Ein **Client** fragt.');
    expect(saved.at(-1)?.questions.text?.draft).toBe('Ein **Client** fragt.');
    session.grade('right');
    expect(session.draft?.phase).toBe('answering');
    session.check();
    expect(session.draft?.phase).toBe('revealed');
    session.grade('partial');
    expect(session.draft?.phase).toBe('done');
    const entry = saved.at(-1)?.questions.text;
    expect(entry?.draft).toBeUndefined();
    expect(entry?.attempts.at(-1)).toMatchObject({
      outcome: 'partial',
      answer: { kind: 'text', text: 'Ein **Client** fragt.' },
    });
  });

  it('counts hints up to the number there are', () => {
    const { session } = start();
    session.showHint();
    session.showHint();
    session.showHint();
    expect(session.draft?.hints).toBe(2);
  });

  it('flags a question wrong twice in a row, lists it under "Falsche" and as due 10 minutes later', () => {
    const { session, wait } = start();
    for (let i = 0; i < 2; i++) {
      session.choose(positions(session, ['a'])[0] ?? -1);
      session.check();
      session.retry();
    }
    expect(needsReread(session.progress.questions.single)).toBe(true);
    expect(session.questionsFor('wrong').map((q) => q.id)).toEqual(['single']);
    expect(session.questionsFor('due')).toEqual([]);
    wait(10);
    expect(session.questionsFor('due').map((q) => q.id)).toEqual(['single']);
    session.choose(positions(session, ['b'])[0] ?? -1);
    session.check();
    expect(needsReread(session.progress.questions.single)).toBe(false);
    expect(session.questionsFor('wrong')).toEqual([]);
  });

  it('works through a review mode and leaves it for a question not in it', () => {
    const { session } = start();
    session.setMode('wrong');
    expect(session.queue).toEqual([]);
    expect(session.draft).toBeNull();
    session.goTo('text');
    expect(session.mode).toBe('all');
    expect(session.question?.id).toBe('text');
  });

  it('shows the latest answer of an answered question, and starts afresh in review', () => {
    const { session, wait } = start();
    session.choose(positions(session, ['a'])[0] ?? -1);
    session.check();
    session.next();
    session.previous();
    expect(session.draft?.phase).toBe('done');
    expect([...(session.draft?.selected ?? [])]).toEqual(['a']);
    wait(10);
    session.setMode('due');
    expect(session.question?.id).toBe('single');
    expect(session.draft?.phase).toBe('answering');
  });

  it('starts at the question shown last', () => {
    const first = start();
    first.session.goTo('ordering');
    const second = start(first.saved.at(-1));
    expect(second.session.question?.id).toBe('ordering');
  });

  it('starts afresh where a stored answer no longer fits the question (bank changed)', () => {
    const progress = emptyProgress('kapitel-2');
    progress.current = 'ordering';
    progress.questions.ordering = {
      card: newCard(new Date('2024-10-14T08:00:00Z')),
      attempts: [
        { at: '2024-10-14T08:00:00.000Z', outcome: 'right', hints: 0, answer: { kind: 'ordering', order: ['a', 'x'] } },
      ],
    };
    const { session } = start(progress);
    expect(session.draft?.phase).toBe('answering');
    expect([...(session.draft?.order ?? [])].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('emits question, draft and progress changes for the views', () => {
    const { session, changes } = start();
    session.choose(0);
    session.check();
    session.next();
    expect(changes).toEqual(['draft', 'draft', 'progress', 'question']);
  });
});

describe('QuizSession with a number question', () => {
  beforeAll(async () => {
    await loadScheduler();
  });

  const [first] = BANK.questions;
  if (!first) throw new Error('fixture');
  const bank = {
    ...BANK,
    questions: [
      { ...first, id: 'zahl', kind: 'number' as const, choices: [], expected: { value: 8, tolerance: 0, unit: '' } },
    ],
  };

  it('checks only a number, grades it, and shows the stored answer again', () => {
    const saved: Progress[] = [];
    const session = new QuizSession(bank, emptyProgress('kapitel-2'), (p) => saved.push(structuredClone(p)));
    session.setText('acht');
    session.check();
    expect(session.draft?.phase).toBe('answering');
    session.setText('8,0');
    session.check();
    expect(session.draft?.outcome).toBe('right');
    expect(saved.at(-1)?.questions.zahl?.attempts.at(-1)?.answer).toEqual({ kind: 'number', value: 8 });
    const again = new QuizSession(bank, saved.at(-1) as Progress, () => undefined);
    expect(again.draft).toMatchObject({ phase: 'done', outcome: 'right', text: '8' });
  });
});
