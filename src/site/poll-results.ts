import './theme-switch';
import { el } from '../browser/dom';
import { onHashChange, readHash, writeHash } from '../browser/hash';
import { presenterToken, takeTokenFromAddress } from '../browser/presenter-token';
import type { ErrorReply } from '../shared/errors';
import { DECK_ID_PATTERN } from '../shared/follow';
import { answerText, barIsRight, correctText, POLL_KIND_NAMES, pollPath, type PollResult } from '../shared/polls';

/**
 * The lecturer's results page: every poll of a deck (named in the fragment, `#kapitel-2`),
 * grouped by lecture day, each question with its counts as bars, the correct answer marked, and
 * the CSV download. Needs the presenter token, given once in the fragment like the presenter link.
 */

const DECK_ID = new RegExp(DECK_ID_PATTERN);
const day = new Intl.DateTimeFormat('de-DE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const time = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' });

const area = document.getElementById('vs-results') as HTMLElement;
const form = document.querySelector('.vs-results-pick') as HTMLFormElement;
const input = form.querySelector('input') as HTMLInputElement;

takeTokenFromAddress();
form.addEventListener('submit', (event) => {
  event.preventDefault();
  writeHash(input.value.trim());
  void show(input.value.trim());
});
onHashChange((deck) => void show(deck));
void show(readHash());

async function show(deck: string): Promise<void> {
  input.value = deck;
  if (deck === '') return area.replaceChildren();
  if (!DECK_ID.test(deck)) return message(`„${deck}“ ist kein Name eines Foliensatzes.`);
  const token = presenterToken();
  if (!token)
    return message(
      `Dieser Browser kennt das Presenter-Token nicht. Öffnen Sie die Seite einmal als abstimmungen.html#${deck}&token=<PRESENTER_TOKEN>.`,
    );
  area.replaceChildren(el('p', { class: 'vs-results-status' }, 'Ergebnisse werden geladen …'));
  let response: Response;
  try {
    response = await fetch(`${pollPath(deck)}/results`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return message('Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und laden Sie die Seite neu.');
  }
  if (!response.ok) {
    const reply = (await response.json().catch(() => null)) as ErrorReply | null;
    return message(reply?.message ?? `Die Ergebnisse konnten nicht geladen werden (Status ${response.status}).`);
  }
  const { polls } = (await response.json()) as { polls: PollResult[] };
  area.replaceChildren(...render(deck, polls));
}

function message(text: string): void {
  area.replaceChildren(el('p', { class: 'vs-results-status', role: 'alert' }, text));
}

function render(deck: string, polls: PollResult[]): HTMLElement[] {
  const csv = el(
    'a',
    { href: `${pollPath(deck)}/results.csv`, download: `abstimmungen-${deck}.csv` },
    'Als CSV herunterladen',
  );
  csv.addEventListener('click', (event) => {
    event.preventDefault();
    void download(csv.href, csv.download, links);
  });
  const links = el('p', {}, `${polls.length === 1 ? 'Eine Abstimmung' : `${polls.length} Abstimmungen`} · `, csv);
  const head = el('div', { class: 'vs-results-head' }, el('h2', {}, `Foliensatz ${deck}`), links);
  if (polls.length === 0)
    return [head, el('p', { class: 'vs-results-status' }, 'Zu diesem Foliensatz gab es noch keine Abstimmung.')];
  const days = new Map<string, PollResult[]>();
  for (const poll of [...polls].sort((a, b) => a.openedAt.localeCompare(b.openedAt))) {
    const key = day.format(new Date(poll.openedAt));
    days.set(key, [...(days.get(key) ?? []), poll]);
  }
  return [
    head,
    ...[...days].map(([date, list]) =>
      el('section', { class: 'vs-results-day' }, el('h3', {}, `Vorlesung am ${date}`), ...list.map(pollCard)),
    ),
  ];
}

function pollCard(poll: PollResult): HTMLElement {
  const rows = poll.results.bars.map((bar) => ({
    text: answerText(poll, bar.key),
    count: bar.count,
    right: barIsRight(poll.kind, bar.key, poll.correct, poll.tolerance),
  }));
  if (poll.results.other > 0) rows.push({ text: 'Weitere', count: poll.results.other, right: false });
  const most = Math.max(1, ...rows.map((row) => row.count));
  const voters = poll.results.voters === 1 ? '1 Stimme' : `${poll.results.voters} Stimmen`;
  return el(
    'article',
    { class: 'vs-results-poll' },
    el('h4', {}, poll.prompt),
    el(
      'p',
      { class: 'vs-results-meta' },
      `${POLL_KIND_NAMES[poll.kind]} · ${time.format(new Date(poll.openedAt))} Uhr · ${voters}${poll.closedAt ? '' : ' · noch offen'}`,
    ),
    rows.length === 0
      ? el('p', { class: 'vs-results-status' }, 'Keine Stimmen.')
      : el(
          'ul',
          { class: 'vs-results-bars', 'aria-label': `Stimmen je Antwort, ${voters}` },
          ...rows.map((row) =>
            el(
              'li',
              { class: row.right ? 'is-right' : undefined },
              el('span', { class: 'vs-results-label' }, row.right ? `✓ ${row.text}` : row.text),
              el(
                'span',
                { class: 'vs-results-track', 'aria-hidden': 'true' },
                el('span', { class: 'vs-results-fill', style: `width: ${(100 * row.count) / most}%` }),
              ),
              el('span', { class: 'vs-results-count' }, String(row.count)),
            ),
          ),
        ),
    el('p', { class: 'vs-results-answer' }, el('strong', {}, 'Richtig: '), correctText(poll)),
  );
}

/** Fetches the CSV with the token (a plain link cannot send it); a failure is said beside the link. */
async function download(url: string, name: string, links: HTMLElement): Promise<void> {
  const failed = (text: string): void => {
    links.querySelector('[role="alert"]')?.remove();
    links.append(el('span', { role: 'alert', class: 'vs-results-error' }, ` ${text}`));
  };
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${presenterToken() ?? ''}` } });
    if (!response.ok) {
      const reply = (await response.json().catch(() => null)) as ErrorReply | null;
      return failed(reply?.message ?? `Die CSV-Datei konnte nicht geladen werden (Status ${response.status}).`);
    }
    const file = URL.createObjectURL(await response.blob());
    el('a', { href: file, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(file), 10_000);
  } catch {
    failed('Der Server ist nicht erreichbar; die CSV-Datei wurde nicht geladen.');
  }
}
