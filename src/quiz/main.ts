import '../site/theme-switch';
import '../site/track';
import { parseReviews, POLL_REVIEWS_KEY } from '../shared/polls';
import { QUIZ_DATA_ID, type QuizBank } from '../shared/quiz';
import './quiz.css';
import { bindKeyboard } from './keyboard';
import { takenOverMessage, takeOverReviews } from './poll-reviews';
import { nextDue } from './progress';
import { loadScheduler } from './schedule';
import { QuizSession } from './session';
import { browserStorage, loadProgress, saveProgress } from './store';
import { exportFileName, exportProgress, importProgress, MAX_IMPORT_BYTES } from './transfer';
import { el } from '../browser/dom';
import { onHashChange, readHash, writeHash } from '../browser/hash';
import { NoticeView } from './views/notice';
import { OverviewView } from './views/overview';
import { QuestionView } from './views/question';
import { ToolbarView } from './views/toolbar';

const bank = JSON.parse(document.getElementById(QUIZ_DATA_ID)?.textContent ?? '{}') as QuizBank;
const root = document.getElementById('quiz') as HTMLElement;
const storage = browserStorage();
const loaded = loadProgress(storage, bank.deckId);
const notice = new NoticeView(bank.deckId);

let warnedSaveFailed = false;
function persist(progress: QuizSession['progress']): void {
  if (saveProgress(storage, progress) || warnedSaveFailed || !storage) return;
  warnedSaveFailed = true;
  notice.show({
    message:
      'Der Fortschritt konnte nicht gespeichert werden (Speicher voll oder gesperrt). Exportieren Sie ihn, um ihn zu sichern.',
    error: true,
  });
}

const session = new QuizSession(bank, loaded.progress, persist);
let dueTimer: ReturnType<typeof setTimeout> | undefined;
const question = new QuestionView(session);
const overview = new OverviewView(session);
const results = el('div', { class: 'quiz-results-area', hidden: true });
const toolbar = new ToolbarView(session, {
  toggleResults: () => void toggleResults(),
  exportProgress: () => {
    const now = new Date();
    const url = URL.createObjectURL(new Blob([exportProgress(session.progress, now)], { type: 'application/json' }));
    el('a', { href: url, download: exportFileName(bank.deckId, now) }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  importProgress: (file) => void importFile(file),
});

root.replaceChildren(
  notice.element,
  toolbar.element,
  el('div', { class: 'quiz-layout' }, el('div', { class: 'quiz-main' }, question.element, results), overview.element),
);
if (loaded.notice) notice.show(loaded.notice);

session.on('change', (change) => {
  question.update(change);
  if (change === 'draft') return;
  overview.update();
  toolbar.update();
  if (change === 'question' && session.question) writeHash(session.question.id);
  if (change === 'progress' && toolbar.resultsOpen) void drawResults();
  if (change === 'progress') refreshWhenDue();
});
onHashChange(openFromHash);
bindKeyboard(
  session,
  () => !toolbar.resultsOpen,
  () => question.focusTitle(),
);

openFromHash(readHash());
question.update('question', false);
overview.update();
toolbar.update();
refreshWhenDue();
takeOverPollReviews();

/**
 * In-lecture answers to this deck's questions, waiting in this browser, become reviews once;
 * they then leave the waiting list.
 */
function takeOverPollReviews(): void {
  let waiting: string | null;
  try {
    waiting = storage?.getItem(POLL_REVIEWS_KEY) ?? null;
  } catch {
    return;
  }
  const reviews = parseReviews(waiting);
  if (!storage || !reviews.some((review) => review.deck === bank.deckId)) return;
  void loadScheduler().then((scheduler) => {
    const ids = bank.questions.map((q) => q.id);
    const { progress, taken, rest } = takeOverReviews(scheduler, session.progress, ids, reviews);
    if (taken > 0) session.takeProgress(progress);
    try {
      if (rest.length > 0) storage.setItem(POLL_REVIEWS_KEY, JSON.stringify(rest));
      else storage.removeItem(POLL_REVIEWS_KEY);
    } catch {
      // Left waiting; the attempts name each poll, so none is counted twice.
    }
    if (taken > 0) notice.show({ message: takenOverMessage(taken) });
  });
}

/** The due count and the overview's marks change when a review time comes: redraw them then. */
function refreshWhenDue(): void {
  clearTimeout(dueTimer);
  const next = nextDue(session.progress, new Date());
  if (!next) return;
  dueTimer = setTimeout(
    () => {
      overview.update();
      toolbar.update();
      refreshWhenDue();
    },
    Math.min(next.getTime() - Date.now() + 1_000, 2 ** 31 - 1),
  );
}

function openFromHash(id: string): void {
  if (id && id !== session.question?.id && bank.questions.some((q) => q.id === id)) session.goTo(id);
}

async function toggleResults(): Promise<void> {
  toolbar.resultsOpen = !toolbar.resultsOpen;
  question.element.hidden = toolbar.resultsOpen;
  results.hidden = !toolbar.resultsOpen;
  if (toolbar.resultsOpen) {
    await drawResults();
    (results.querySelector('#results-title') as HTMLElement | null)?.focus();
  } else {
    question.focusTitle();
  }
  toolbar.update();
}

async function drawResults(): Promise<void> {
  const { renderResults } = await import('./views/results');
  results.replaceChildren(renderResults(session));
}

async function importFile(file: File): Promise<void> {
  if (file.size > MAX_IMPORT_BYTES) {
    notice.show({ message: 'Die Datei ist zu groß für einen Quiz-Fortschritt.', error: true });
    return;
  }
  const imported = importProgress(await file.text(), bank.deckId);
  if (!imported.ok) {
    notice.show({
      message: `Import abgelehnt: ${imported.message} Ihr bisheriger Fortschritt bleibt unverändert.`,
      error: true,
    });
    return;
  }
  session.replaceProgress(imported.progress);
  const answered = Object.values(imported.progress.questions).filter((entry) => entry.attempts.length > 0).length;
  const skipped = imported.dropped > 0 ? ` Beschädigte Einträge übersprungen: ${imported.dropped}.` : '';
  notice.show({
    message: `Fortschritt importiert: ${answered} ${answered === 1 ? 'beantwortete Frage' : 'beantwortete Fragen'}.${skipped}`,
  });
}
