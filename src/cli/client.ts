/**
 * Command-line client of the task server:
 *   npm run client -- sum 1 2 3 4                      runs a task and prints its result
 *   npm run client -- primes 10000000 --async          as a queued job, with a progress bar
 *   npm run client -- hash text=abc iterations=1000    object parameters by name (or in order)
 *   npm run client -- sort '[3, 1, 2]' --json          parameters as JSON; the server's JSON answer
 *   npm run client -- --list                           the catalogue
 * Options: --server URL (default $TASK_SERVER or http://127.0.0.1:8080), --async, --json.
 */
import { parseArgs } from 'node:util';
import { createParser } from 'eventsource-parser';
import type {
  ApiError,
  CatalogueResponse,
  ExecuteResponse,
  Job,
  JobCreated,
  JobEvent,
  ParamSchema,
  TaskDescription,
} from '../shared/tasks';

const USAGE =
  'Aufruf: npm run client -- TASK [PARAMETER…] [--server URL] [--async] [--json]\n' +
  '        npm run client -- --list [--server URL]';

interface Options {
  server: string;
  async: boolean;
  json: boolean;
  list: boolean;
  words: string[];
}

/** A failure the user can act on; `code` becomes the exit code. */
class ClientError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        server: { type: 'string' },
        async: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? '';
    const reason =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `Unbekannte Option ${option}.` : `${option} braucht einen Wert.`;
    throw new ClientError(`${reason}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new ClientError(USAGE, 0);
  return {
    server: (values.server ?? (process.env.TASK_SERVER || 'http://127.0.0.1:8080')).replace(/\/+$/, ''),
    async: values.async,
    json: values.json,
    list: values.list,
    words: positionals,
  };
}

async function call<T>(options: Options, path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(options.server + path, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ClientError(
      `Der Task-Server unter ${options.server} ist nicht erreichbar (${cause?.code ?? cause?.message ?? String(error)}).\n` +
        'Läuft er? Starten mit `npm start` oder `npm run start:tasks`; eine andere Adresse mit --server URL.',
      2,
    );
  }
  const body = (await response.json().catch(() => undefined)) as T | ApiError | undefined;
  if (!response.ok) {
    const problem = body as ApiError | undefined;
    throw new ClientError(`Fehler ${response.status}: ${problem?.message ?? response.statusText}`);
  }
  return body as T;
}

function convert(word: string, schema: ParamSchema | undefined, name: string): unknown {
  switch (schema?.type) {
    case 'number':
    case 'integer': {
      const value = Number(word);
      if (word.trim() === '' || Number.isNaN(value)) throw new ClientError(`${name}: „${word}“ ist keine Zahl.`, 2);
      return value;
    }
    case 'boolean':
      return word === 'true' || word === 'ja';
    default:
      return word;
  }
}

/** Command-line words → the task's `params`: JSON as is, numbers for a list, names or order for an object. */
function paramsFor(task: TaskDescription, words: string[]): unknown {
  const [first] = words;
  if (words.length === 1 && first && /^\s*[[{]/.test(first)) {
    try {
      return JSON.parse(first);
    } catch (error) {
      throw new ClientError(`Die Parameter sind kein gültiges JSON: ${(error as Error).message}`, 2);
    }
  }
  const schema = task.params;
  if (schema.type === 'array') return words.map((word, i) => convert(word, schema.items, `Parameter ${i + 1}`));
  const names = Object.keys(schema.properties ?? {});
  const params: Record<string, unknown> = {};
  words.forEach((word, i) => {
    const match = /^([A-Za-z]\w*)=(.*)$/s.exec(word);
    const name = match ? match[1]! : names[i];
    if (!name) throw new ClientError(`${task.name} nimmt höchstens ${names.length} Parameter: ${names.join(', ')}.`, 2);
    params[name] = convert(match ? match[2]! : word, schema.properties?.[name], name);
  });
  return params;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function progressBar(fraction: number, width = 30): string {
  const filled = Math.round(fraction * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)} %`;
}

/** Milliseconds as a person reads them, in German: `0,02 ms`, `76,3 ms`, `1.204 ms`. */
function milliseconds(value: number | null | undefined): string {
  return `${(value ?? 0).toLocaleString('de-DE', { maximumSignificantDigits: 3, maximumFractionDigits: 2 })} ms`;
}

/** Follows the job's event stream, drawing its progress on stderr, until it ends. */
async function follow(options: Options, created: JobCreated): Promise<Job> {
  const response = await fetch(options.server + created.events);
  if (!response.ok || !response.body) throw new ClientError(`Fehler ${response.status} beim Ereignisstrom des Jobs.`);
  const live = process.stderr.isTTY;
  let lastStep = -1;
  let last: Job | undefined;
  const parser = createParser({
    onEvent: ({ event, data }) => {
      const type = event as JobEvent['type'] | undefined;
      if (!type) return;
      last = JSON.parse(data) as Job;
      const line = `${progressBar(last.progress)}  ${last.task} · ${type}${last.worker ? ` · ${last.worker}` : ''}`;
      if (live) process.stderr.write(`\r${line}\u001b[K`);
      else if (Math.floor(last.progress * 10) > lastStep || type !== 'progress') {
        lastStep = Math.floor(last.progress * 10);
        process.stderr.write(`${line}\n`);
      }
    },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) parser.feed(read.value);
  if (live) process.stderr.write('\n');
  if (!last) throw new ClientError('Der Ereignisstrom des Jobs endete ohne Ereignis.');
  return last;
}

async function run(options: Options): Promise<void> {
  const { tasks } = await call<CatalogueResponse>(options, '/api/tasks');
  if (options.list || options.words.length === 0) {
    if (options.json) console.log(JSON.stringify(tasks, null, 2));
    else for (const task of tasks) console.log(`${task.name.padEnd(16)} ${task.title}: ${task.description}`);
    if (!options.list) console.error(`\n${USAGE}`);
    return;
  }
  const [name, ...words] = options.words;
  const task = tasks.find((candidate) => candidate.name === name);
  if (!task) {
    throw new ClientError(`Unbekannte Task „${name}“. Bekannt sind: ${tasks.map((known) => known.name).join(', ')}.`);
  }
  const request = { method: 'POST', headers: { 'content-type': 'application/json' } };
  const body = JSON.stringify({ task: task.name, params: paramsFor(task, words) });
  const started = performance.now();
  if (!options.async) {
    const answer = await call<ExecuteResponse>(options, '/api/execute', { ...request, body });
    if (options.json) return console.log(JSON.stringify(answer));
    console.log(show(answer.result));
    console.error(
      `${task.name} · Worker ${answer.worker} · Rechenzeit ${milliseconds(answer.durationMs)} · ` +
        `Antwort nach ${milliseconds(Math.round(performance.now() - started))}`,
    );
    return;
  }
  const created = await call<JobCreated>(options, '/api/jobs', { ...request, body });
  if (!options.json) console.error(`Job ${created.id} eingereiht`);
  const job = await follow(options, created);
  if (options.json) return console.log(JSON.stringify(job));
  if (job.state !== 'completed') throw new ClientError(`Job ${job.id}: ${job.error ?? job.state}`);
  console.log(show(job.result));
  console.error(`${task.name} · Worker ${job.worker} · Rechenzeit ${milliseconds(job.durationMs)}`);
}

try {
  await run(parseOptions(process.argv.slice(2)));
} catch (error) {
  if (!(error instanceof ClientError)) throw error;
  (error.code === 0 ? console.log : console.error)(error.message);
  process.exitCode = error.code;
}
