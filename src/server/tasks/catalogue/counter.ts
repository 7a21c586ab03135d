import { setTimeout as wait } from 'node:timers/promises';
import { CounterParamsSchema } from '../../../shared/teach';
import { incrementCounter } from '../counters';
import { defineTask } from '../task';

export default defineTask({
  name: 'counter',
  title: 'Zähler erhöhen',
  description:
    'Erhöht einen Zähler auf dem Server um eins: eine Task mit Nebenwirkung. Zweimal ausgeführt, zählt sie zweimal.',
  params: CounterParamsSchema,
  example: { slot: 0 },
  timeLimitMs: 5_000,
  progress: false,
  workSeconds: () => 1,
  async run({ slot }) {
    // A moment of work, so a repeated request arrives while the first is still under way.
    await wait(300);
    return { slot, count: incrementCounter(slot) };
  },
});
