import type uPlot from 'uplot';
import { adoptStyles } from '../browser/dom';

export interface MinuteCount {
  /** Start of the minute, ms since the epoch. */
  start: number;
  count: number;
}

const MIN_WIDTH = 200;
const MIN_HEIGHT = 120;
const HALF_MINUTE_S = 30;

const clock = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Bar chart of visits per minute, as large as its container; the axis labels take the
 * container's font, so they grow with a slide. uPlot and its stylesheet are loaded on first
 * use, so a slide with the widget paints before the chart library has arrived.
 */
export class VisitsChart {
  private readonly resize: ResizeObserver;

  private constructor(
    private readonly plot: uPlot,
    private readonly container: HTMLElement,
  ) {
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(container);
  }

  static async create(container: HTMLElement, root: ShadowRoot, minutes: MinuteCount[]): Promise<VisitsChart> {
    const [{ default: UPlot }, { default: css }] = await Promise.all([
      import('uplot'),
      import('uplot/dist/uPlot.min.css?inline'),
    ]);
    adoptStyles(root, css);
    const style = getComputedStyle(container);
    // Whole pixels: uPlot scales the font size for the device pixel ratio and reads only digits.
    const em = Math.round(parseFloat(style.fontSize));
    const axis = {
      stroke: style.color,
      font: `${em}px ${style.fontFamily}`,
      grid: { stroke: 'rgba(128, 128, 128, 0.25)' },
      ticks: { show: false },
      gap: Math.round(em / 3),
    };
    const plot = new UPlot(
      {
        ...size(container),
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: {
          // Half a minute of room on either side, so the first and the newest bar are drawn whole.
          x: { time: true, range: (_plot, min, max) => [min - HALF_MINUTE_S, max + HALF_MINUTE_S] },
          y: { range: (_plot, _min, max) => [0, Math.max(max, 4)] },
        },
        axes: [
          {
            ...axis,
            size: Math.ceil(em * 1.8),
            space: em * 4,
            values: (_plot, seconds) => seconds.map((second) => clock.format(second * 1000)),
          },
          { ...axis, size: Math.ceil(em * 2.5), space: em * 1.8, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
        ],
        series: [
          {},
          {
            label: 'Besuche',
            stroke: '#1a56db',
            fill: 'rgba(26, 86, 219, 0.35)',
            paths: UPlot.paths.bars?.({ size: [0.7, 24] }),
            points: { show: false },
          },
        ],
      },
      toData(minutes),
      container,
    );
    return new VisitsChart(plot, container);
  }

  update(minutes: MinuteCount[]): void {
    this.plot.setData(toData(minutes));
  }

  destroy(): void {
    this.resize.disconnect();
    this.plot.destroy();
  }

  private fit(): void {
    const { width, height } = size(this.container);
    if (width !== this.plot.width || height !== this.plot.height) this.plot.setSize({ width, height });
  }
}

function size(container: HTMLElement): { width: number; height: number } {
  return { width: Math.max(container.clientWidth, MIN_WIDTH), height: Math.max(container.clientHeight, MIN_HEIGHT) };
}

function toData(minutes: MinuteCount[]): uPlot.AlignedData {
  return [minutes.map((minute) => minute.start / 1000), minutes.map((minute) => minute.count)];
}
