import { Emitter } from '../browser/emitter';
import { formatDecimal, parseDecimal, type Question, type QuizBank } from '../shared/quiz';
import { gradeChoice, gradeNumber, gradeOrdering, startingOrder, type Outcome } from './grading';
import { dueNow, lastAttempt, recordAttempt, wrongOnes, type Answer, type Attempt, type Progress } from './progress';
import { loadScheduler, withScheduler } from './schedule';

/** Which questions are being worked through: all, those due today, or those last answered wrong. */
export type Mode = 'all' | 'due' | 'wrong';

/** answering → (text only: revealed, the model answer beside the student's) → done. */
export type Phase = 'answering' | 'revealed' | 'done';

/** The answer being given to the question on screen. */
export interface Draft {
  question: Question;
  /** Choice ids in display order; for ordering questions the current arrangement. */
  order: string[];
  selected: Set<string>;
  /** Ordering: the position of the step the arrow keys move. */
  picked: number | null;
  /** Free text as written; number questions: the number as typed. */
  text: string;
  hints: number;
  phase: Phase;
  outcome?: Outcome;
}

/** What changed: `question` — another question (or none) is shown; `draft` — the answer on screen; `progress` — stored progress. */
export type Change = 'question' | 'draft' | 'progress';

/**
 * The quiz's state and every action on it. Inputs (keys, clicks) call the actions; views
 * listen to the changes and redraw. Nothing here touches the DOM.
 */
export class QuizSession extends Emitter<{ change: Change }> {
  mode: Mode = 'all';
  queue: Question[];
  position = 0;
  draft: Draft | null = null;

  constructor(
    readonly bank: QuizBank,
    public progress: Progress,
    private readonly persist: (progress: Progress) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this.queue = bank.questions;
    const start = bank.questions.findIndex((question) => question.id === progress.current);
    this.show(Math.max(0, start));
  }

  get question(): Question | undefined {
    return this.queue[this.position];
  }

  /** The questions a mode would work through right now. */
  questionsFor(mode: Mode): Question[] {
    if (mode === 'due') return dueNow(this.bank, this.progress, this.now());
    if (mode === 'wrong') return wrongOnes(this.bank, this.progress);
    return this.bank.questions;
  }

  setMode(mode: Mode): void {
    this.mode = mode;
    this.queue = this.questionsFor(mode);
    this.show(0);
  }

  /** Shows a question; leaves a review mode whose list does not hold it. */
  goTo(id: string): void {
    if (!this.queue.some((question) => question.id === id)) {
      this.mode = 'all';
      this.queue = this.bank.questions;
    }
    this.show(this.queue.findIndex((question) => question.id === id));
  }

  next(): void {
    if (this.position < this.queue.length - 1) this.show(this.position + 1);
  }

  previous(): void {
    if (this.position > 0) this.show(this.position - 1);
  }

  /** Ticks (multiple) or chooses (single) the n-th option as displayed, 0-based. */
  choose(n: number): void {
    const draft = this.answering();
    const id = draft?.order[n];
    if (!draft || id === undefined || (draft.question.kind !== 'single' && draft.question.kind !== 'multiple')) return;
    if (draft.question.kind === 'single') draft.selected = new Set([id]);
    else if (draft.selected.has(id)) draft.selected.delete(id);
    else draft.selected.add(id);
    this.emit('change', 'draft');
  }

  /** Ordering: takes the step at position n (0-based) for moving with the arrow keys. */
  pick(n: number): void {
    const draft = this.answering();
    if (draft?.question.kind !== 'ordering' || n >= draft.order.length) return;
    draft.picked = n;
    this.emit('change', 'draft');
  }

  /** Ordering: moves the step at `from` by `delta` places; it stays picked. */
  moveStep(from: number, delta: -1 | 1): void {
    const draft = this.answering();
    const to = from + delta;
    if (draft?.question.kind !== 'ordering' || to < 0 || to >= draft.order.length) return;
    const order = [...draft.order];
    [order[from], order[to]] = [order[to] as string, order[from] as string];
    draft.order = order;
    draft.picked = to;
    this.emit('change', 'draft');
  }

  setText(text: string): void {
    const draft = this.answering();
    if (!draft) return;
    if (draft.question.kind === 'number') {
      draft.text = text;
      this.emit('change', 'draft');
      return;
    }
    if (draft.question.kind !== 'text') return;
    draft.text = text;
    const id = draft.question.id;
    withScheduler(({ newCard }) => {
      const entry = this.progress.questions[id] ?? { card: newCard(this.now()), attempts: [] };
      this.progress.questions[id] = { ...entry, draft: draft.text };
      this.persist(this.progress);
    });
    this.emit('change', 'draft');
  }

  showHint(): void {
    const draft = this.draft;
    if (!draft || draft.phase === 'done' || draft.hints >= draft.question.hintsHtml.length) return;
    draft.hints++;
    this.emit('change', 'draft');
  }

  /** Choice, ordering and number: grades the answer. Free text: shows the model answer beside it. */
  check(): void {
    const draft = this.answering();
    if (!draft) return;
    const { question } = draft;
    if (question.kind === 'text') {
      draft.phase = 'revealed';
      this.emit('change', 'draft');
    } else if (question.kind === 'ordering') {
      this.finish(gradeOrdering(question, draft.order), { kind: 'ordering', order: draft.order });
    } else if (question.kind === 'number') {
      const value = parseDecimal(draft.text);
      if (value !== null) this.finish(gradeNumber(question, value), { kind: 'number', value });
    } else if (draft.selected.size > 0) {
      this.finish(gradeChoice(question, draft.selected), { kind: 'choice', selected: [...draft.selected] });
    }
  }

  /** Free text: the student's own grade after comparing with the model answer. */
  grade(outcome: Outcome): void {
    const draft = this.draft;
    if (draft?.phase !== 'revealed') return;
    this.finish(outcome, { kind: 'text', text: draft.text });
  }

  /** Answer the shown question once more. */
  retry(): void {
    const question = this.question;
    if (!question) return;
    this.draft = this.freshDraft(question);
    this.emit('change', 'draft');
  }

  /** Replaces all progress (import) and starts over at the first question. */
  replaceProgress(progress: Progress): void {
    this.progress = progress;
    this.persist(progress);
    this.setMode('all');
    this.emit('change', 'progress');
  }

  /** Takes progress scheduled elsewhere (in-lecture answers) and stays on the question shown. */
  takeProgress(progress: Progress): void {
    this.progress = progress;
    this.persist(progress);
    if (this.mode !== 'all') this.queue = this.questionsFor(this.mode);
    this.emit('change', 'progress');
  }

  /** The draft being answered, if any. The first answering action starts loading the scheduler. */
  private answering(): Draft | null {
    void loadScheduler();
    return this.draft?.phase === 'answering' ? this.draft : null;
  }

  private finish(outcome: Outcome, answer: Answer): void {
    const draft = this.draft;
    if (!draft) return;
    const now = this.now();
    const attempt: Attempt = { at: now.toISOString(), outcome, hints: draft.hints, answer };
    const id = draft.question.id;
    // Done at once, so that R or a second Enter never waits for the scheduler's chunk (nor counts twice).
    draft.phase = 'done';
    draft.outcome = outcome;
    this.emit('change', 'draft');
    withScheduler((scheduler) => {
      this.progress.questions[id] = recordAttempt(scheduler, this.progress.questions[id], attempt, now);
      this.persist(this.progress);
      this.emit('change', 'progress');
    });
  }

  private show(position: number): void {
    this.position = position;
    const question = this.question;
    this.draft = question ? this.draftFor(question) : null;
    if (question && this.progress.current !== question.id) {
      this.progress.current = question.id;
      this.persist(this.progress);
    }
    this.emit('change', 'question');
  }

  /** In "all questions", an answered question shows its latest answer; reviews start afresh. */
  private draftFor(question: Question): Draft {
    const attempt = lastAttempt(this.progress.questions[question.id]);
    if (this.mode !== 'all' || !attempt) return this.freshDraft(question);
    const draft = this.freshDraft(question);
    const { answer } = attempt;
    const ids = question.choices.map((choice) => choice.id);
    if (answer.kind === 'choice' && (question.kind === 'single' || question.kind === 'multiple')) {
      draft.selected = new Set(answer.selected.filter((id) => ids.includes(id)));
    } else if (answer.kind === 'ordering' && question.kind === 'ordering' && isPermutation(answer.order, ids)) {
      draft.order = [...answer.order];
    } else if (answer.kind === 'text' && question.kind === 'text') {
      draft.text = answer.text;
    } else if (answer.kind === 'number' && question.kind === 'number') {
      draft.text = formatDecimal(answer.value);
    } else {
      return draft;
    }
    return {
      ...draft,
      hints: Math.min(attempt.hints, question.hintsHtml.length),
      phase: 'done',
      outcome: attempt.outcome,
    };
  }

  private freshDraft(question: Question): Draft {
    return {
      question,
      order: startingOrder(question),
      selected: new Set(),
      picked: null,
      text: question.kind === 'text' ? (this.progress.questions[question.id]?.draft ?? '') : '',
      hints: 0,
      phase: 'answering',
    };
  }
}

/** True when `order` holds exactly the ids, each once: a stored answer still fits the question. */
function isPermutation(order: readonly string[], ids: readonly string[]): boolean {
  return order.length === ids.length && ids.every((id) => order.includes(id));
}
