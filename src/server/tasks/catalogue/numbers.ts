import Type from 'typebox';

/** A list of plain numbers, as the seed's client sends them: `"params": [1, 2, 3, 4]`. */
export function numberList(maxItems: number) {
  return Type.Array(Type.Number({ minimum: -1e15, maximum: 1e15 }), {
    maxItems,
    title: 'Zahlen',
    description: `Bis zu ${maxItems} Zahlen zwischen -10^15 und 10^15`,
  });
}
