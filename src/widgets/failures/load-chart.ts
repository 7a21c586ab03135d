import { svg } from '../../browser/dom';

export interface Series {
  values: number[];
  /** CSS colour of the line. */
  colour: string;
  label: string;
}

const WIDTH = 300;
const HEIGHT = 90;
const PAD = 4;

/**
 * A small line chart of one figure over the run, drawn as SVG: one or two series, an optional
 * dashed limit (the capacity) and the largest value as its scale.
 */
export function lineChart(title: string, times: number[], series: Series[], limit?: number): SVGSVGElement {
  const top = Math.max(1, limit ?? 0, ...series.flatMap((line) => line.values));
  const end = Math.max(1, times.at(-1) ?? 1);
  const x = (t: number) => PAD + ((WIDTH - 2 * PAD) * t) / end;
  const y = (value: number) => HEIGHT - PAD - ((HEIGHT - 2 * PAD) * value) / top;
  const latest = series.map((line) => `${line.label} ${format(line.values.at(-1) ?? 0)}`).join(', ');
  return svg(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-label': `${title}: zuletzt ${latest}, höchstens ${format(top)}`,
    },
    svg('rect', {
      x: 0.5,
      y: 0.5,
      width: WIDTH - 1,
      height: HEIGHT - 1,
      fill: 'none',
      stroke: 'rgba(128,128,128,0.5)',
    }),
    ...(limit === undefined
      ? []
      : [
          svg('line', {
            x1: PAD,
            x2: WIDTH - PAD,
            y1: y(limit),
            y2: y(limit),
            stroke: '#6b7280',
            'stroke-dasharray': '6 4',
            'stroke-width': 2,
          }),
        ]),
    ...series.map((line) =>
      svg('polyline', {
        points: line.values
          .map((value, index) => `${x(times[index] ?? 0).toFixed(1)},${y(value).toFixed(1)}`)
          .join(' '),
        fill: 'none',
        stroke: line.colour,
        'stroke-width': 3,
        'stroke-linejoin': 'round',
      }),
    ),
  );
}

export function format(value: number): string {
  return value.toLocaleString('de-DE', { maximumFractionDigits: 2 });
}
