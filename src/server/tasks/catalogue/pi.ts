import Type from 'typebox';
import { defineTask } from '../task';

const GUARD_DIGITS = 10;

/** arctan(1/x) scaled by `unit`, by its Taylor series; `onTerm` gets the fraction of terms done. */
function arctanInverse(x: number, unit: bigint, digits: number, onTerm: (done: number) => void): bigint {
  const expectedTerms = digits / (2 * Math.log10(x));
  const xBig = BigInt(x);
  const xSquared = xBig * xBig;
  let power = unit / xBig;
  let sum = power;
  for (let k = 1; power !== 0n; k++) {
    power /= xSquared;
    const term = power / BigInt(2 * k + 1);
    sum += k % 2 === 0 ? term : -term;
    if (k % 64 === 0) onTerm(Math.min(1, k / expectedTerms));
  }
  return sum;
}

export default defineTask({
  name: 'pi',
  title: 'Kreiszahl π',
  description: 'Berechnet π auf n Nachkommastellen mit der Formel von Machin (BigInt-Festkomma).',
  params: Type.Object(
    { digits: Type.Integer({ minimum: 1, maximum: 10_000, title: 'Nachkommastellen' }) },
    { additionalProperties: false },
  ),
  example: { digits: 100 },
  timeLimitMs: 20_000,
  progress: true,
  run({ digits }, progress) {
    const scaleDigits = digits + GUARD_DIGITS;
    const unit = 10n ** BigInt(scaleDigits);
    // arctan(1/5) needs about 3.4 times the terms of arctan(1/239): the progress bar is split that way.
    const pi =
      16n * arctanInverse(5, unit, scaleDigits, (done) => progress(0.77 * done)) -
      4n * arctanInverse(239, unit, scaleDigits, (done) => progress(0.77 + 0.23 * done));
    const text = (pi / 10n ** BigInt(GUARD_DIGITS)).toString();
    return `${text[0]}.${text.slice(1)}`;
  },
});
