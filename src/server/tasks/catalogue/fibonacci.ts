import Type from 'typebox';
import { defineTask } from '../task';

export default defineTask({
  name: 'fibonacci',
  title: 'Fibonacci-Zahl',
  description: 'Berechnet F(n) mit beliebig großen Ganzzahlen (BigInt); das Ergebnis kommt als Zeichenkette.',
  params: Type.Object(
    { n: Type.Integer({ minimum: 0, maximum: 100_000, title: 'Index n' }) },
    { additionalProperties: false },
  ),
  example: { n: 100 },
  timeLimitMs: 20_000,
  progress: true,
  run({ n }, progress) {
    let previous = 0n;
    let current = 1n;
    for (let i = 0; i < n; i++) {
      [previous, current] = [current, previous + current];
      if (i % 1_000 === 0) progress(i / n);
    }
    return previous.toString();
  },
});
