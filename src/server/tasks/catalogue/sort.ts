import { defineTask } from '../task';
import { numberList } from './numbers';

export default defineTask({
  name: 'sort',
  title: 'Sortieren',
  description: 'Sortiert die Zahlen aufsteigend.',
  params: numberList(10_000),
  example: [42, 7, 19, 3, 11],
  timeLimitMs: 5_000,
  progress: false,
  run: (numbers) => Array.from(Float64Array.from(numbers).sort()),
});
