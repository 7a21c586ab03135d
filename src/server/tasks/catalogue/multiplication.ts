import { defineTask } from '../task';
import { numberList } from './numbers';

export default defineTask({
  name: 'multiplication',
  title: 'Produkt',
  description: 'Multipliziert die Zahlen miteinander.',
  params: numberList(10_000),
  example: [1, 2, 3, 4],
  timeLimitMs: 2_000,
  progress: false,
  light: true,
  run(numbers) {
    const product = numbers.reduce((total, value) => total * value, 1);
    if (!Number.isFinite(product)) {
      throw new RangeError('Das Produkt ist zu groß für eine Gleitkommazahl (über 1.8e308).');
    }
    return product;
  },
});
