import { createHash } from 'node:crypto';
import Type from 'typebox';
import { defineTask } from '../task';

export default defineTask({
  name: 'hash',
  title: 'Hash-Kette',
  description: 'Wendet SHA-256 wiederholt an: erst auf den Text, dann auf den jeweils letzten Hash.',
  params: Type.Object(
    {
      text: Type.String({ maxLength: 10_000, title: 'Text' }),
      iterations: Type.Integer({ minimum: 1, maximum: 10_000_000, title: 'Runden' }),
    },
    { additionalProperties: false },
  ),
  example: { text: 'Verteilte Systeme', iterations: 100_000 },
  timeLimitMs: 30_000,
  progress: true,
  run({ text, iterations }, progress) {
    let digest = createHash('sha256').update(text).digest();
    for (let round = 1; round < iterations; round++) {
      digest = createHash('sha256').update(digest).digest();
      if (round % 10_000 === 0) progress(round / iterations);
    }
    return digest.toString('hex');
  },
});
