import { defineTask } from '../task';
import { numberList } from './numbers';

export default defineTask({
  name: 'sum',
  title: 'Summe',
  description: 'Addiert die Zahlen – die Task aus dem Client der Übung.',
  params: numberList(10_000),
  example: [1, 2, 3, 4],
  timeLimitMs: 2_000,
  progress: false,
  light: true,
  run: (numbers) => numbers.reduce((total, value) => total + value, 0),
});
