/**
 * The task server's lecture demos on the wire: the counter of the idempotency demo, crashing a
 * worker, and the bounded load generator with its measured figures.
 */
import Type, { type Static } from 'typebox';

/** Counters of the `counter` task: slots 0 … COUNTER_SLOTS − 1. */
export const COUNTER_SLOTS = 4096;

export const CounterParamsSchema = Type.Object(
  { slot: Type.Integer({ minimum: 0, maximum: COUNTER_SLOTS - 1, description: 'Nummer des Zählers' }) },
  { additionalProperties: false },
);

/** The counter's number in `GET /api/counters/:slot` (a path segment, so a string of digits). */
export const CounterPathSchema = Type.Object(
  { slot: Type.String({ pattern: '^[0-9]{1,4}$', description: `Nummer des Zählers, 0 bis ${COUNTER_SLOTS - 1}` }) },
  { additionalProperties: false },
);

export const CounterSchema = Type.Object(
  {
    slot: Type.Integer(),
    count: Type.Integer({ description: 'Wie oft die Task „counter“ diesen Zähler erhöht hat' }),
  },
  { description: 'Ein Zähler der Task „counter“' },
);
export type Counter = Static<typeof CounterSchema>;

/** How often one job may be started; a crash beyond that is refused. */
export const MAX_ATTEMPTS = 3;

/** The load generator's bounds: what the presenter may ask of it at most. */
export const LOAD_LIMITS = {
  rate: { minimum: 1, maximum: 20 },
  durationS: { minimum: 2, maximum: 30 },
  jobMs: { minimum: 100, maximum: 2_000 },
} as const;

export const LoadRequestSchema = Type.Object(
  {
    rate: Type.Integer({ ...LOAD_LIMITS.rate, description: 'Jobs pro Sekunde' }),
    durationS: Type.Integer({ ...LOAD_LIMITS.durationS, description: 'Dauer in Sekunden' }),
    jobMs: Type.Integer({ ...LOAD_LIMITS.jobMs, description: 'Bedienzeit eines Jobs (Task sleep) in ms' }),
  },
  { additionalProperties: false, description: 'Ein Lauf des Lastgenerators' },
);
export type LoadRequest = Static<typeof LoadRequestSchema>;

export const LoadSampleSchema = Type.Object({
  t: Type.Number({ description: 'Sekunden seit dem Start' }),
  waiting: Type.Integer({ description: 'Jobs in der Warteschlange des Servers' }),
  inSystem: Type.Integer({ description: 'Jobs des Generators, wartend oder laufend' }),
  throughput: Type.Number({ description: 'Fertige Jobs pro Sekunde im letzten Intervall' }),
  refused: Type.Integer({ description: 'Abgelehnte Jobs (429 oder 503) im letzten Intervall' }),
  latencyMs: Type.Number({ description: 'Mittlere Verweildauer der im Intervall fertigen Jobs' }),
});
export type LoadSample = Static<typeof LoadSampleSchema>;

export const LoadReportSchema = Type.Object(
  {
    state: Type.Enum(['idle', 'running', 'finished']),
    request: Type.Optional(LoadRequestSchema),
    capacityPerS: Type.Number({ description: 'Jobs pro Sekunde, die die Worker höchstens schaffen' }),
    elapsedS: Type.Number(),
    sent: Type.Integer(),
    accepted: Type.Integer(),
    completed: Type.Integer(),
    refused: Type.Object({ '429': Type.Integer(), '503': Type.Integer() }),
    arrivalPerS: Type.Number({ description: 'λ: angenommene Jobs pro Sekunde' }),
    meanLatencyS: Type.Number({ description: 'W: mittlere Verweildauer fertiger Jobs' }),
    meanInSystem: Type.Number({ description: 'L gemessen: mittlere Zahl der Jobs im System' }),
    samples: Type.Array(LoadSampleSchema, { maxItems: 80 }),
  },
  { description: 'Der Lauf des Lastgenerators und seine Messwerte' },
);
export type LoadReport = Static<typeof LoadReportSchema>;

export const BALANCING_ALGORITHMS = ['round-robin', 'least-connections', 'weighted', 'ip-hash'] as const;
export type BalancingAlgorithm = (typeof BALANCING_ALGORITHMS)[number];

export const BalanceRequestSchema = Type.Object(
  {
    algorithm: Type.Enum(BALANCING_ALGORITHMS, { description: 'Wie der Verteiler den Worker wählt' }),
    jobs: Type.Integer({ minimum: 3, maximum: 30, description: 'Wie viele Jobs ankommen' }),
    intervalMs: Type.Integer({ minimum: 100, maximum: 1_000, description: 'Abstand der Ankünfte in ms' }),
  },
  { additionalProperties: false, description: 'Ein Lauf der Lastverteilung auf Worker verschiedener Geschwindigkeit' },
);
export type BalanceRequest = Static<typeof BalanceRequestSchema>;

export const BalanceLaneSchema = Type.Object({
  name: Type.String(),
  speed: Type.Integer({ description: 'Relative Geschwindigkeit: Ein Job dauert 600 ms / speed' }),
  weight: Type.Integer({ description: 'Gewicht für „weighted“' }),
  assigned: Type.Integer({ description: 'Jobs, die der Verteiler diesem Worker gab' }),
  done: Type.Integer(),
  inFlight: Type.Integer({ description: 'Wartende und laufende Jobs dieses Workers' }),
  meanLatencyMs: Type.Number({ description: 'Mittlere Zeit von der Ankunft bis zum Ende' }),
});
export type BalanceLane = Static<typeof BalanceLaneSchema>;

export const BalanceReportSchema = Type.Object(
  {
    state: Type.Enum(['idle', 'running', 'finished']),
    request: Type.Optional(BalanceRequestSchema),
    lanes: Type.Array(BalanceLaneSchema),
    /** Which client each arrival came from and which worker it went to, in order. */
    arrivals: Type.Array(Type.Object({ client: Type.String(), lane: Type.String() }), { maxItems: 30 }),
    elapsedS: Type.Number(),
  },
  { description: 'Der letzte Lauf der Lastverteilung' },
);
export type BalanceReport = Static<typeof BalanceReportSchema>;
