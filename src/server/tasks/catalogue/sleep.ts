import Type from 'typebox';
import { setTimeout as wait } from 'node:timers/promises';
import { defineTask } from '../task';

const STEP_MS = 100;

export default defineTask({
  name: 'sleep',
  title: 'Warten',
  description: 'Wartet die angegebene Zeit und rechnet nichts – zeigt, was asynchron heißt.',
  params: Type.Object(
    { ms: Type.Integer({ minimum: 0, maximum: 60_000, title: 'Millisekunden' }) },
    { additionalProperties: false },
  ),
  example: { ms: 2_000 },
  timeLimitMs: 65_000,
  progress: true,
  workSeconds: ({ ms }) => ms / 1000,
  async run({ ms }, progress) {
    for (let slept = 0; slept < ms; slept += STEP_MS) {
      progress(slept / ms);
      await wait(Math.min(STEP_MS, ms - slept));
    }
    return { sleptMs: ms };
  },
});
