import type uPlot from 'uplot';

export interface MinuteCount {
  /** Start of the minute, ms since the epoch. */
  start: number;
  count: number;
}

const HEIGHT = 160;

/**
 * Bar chart of visits per minute. uPlot and its stylesheet are loaded on first use, so a
 * slide with the widget paints before the chart library has arrived.
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
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const ink = getComputedStyle(container).color;
    const axis = { stroke: ink, grid: { stroke: 'rgba(128, 128, 128, 0.25)' }, ticks: { show: false } };
    const plot = new UPlot(
      {
        width: Math.max(container.clientWidth, 200),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: { x: { time: true }, y: { range: (_plot, _min, max) => [0, Math.max(max, 4)] } },
        axes: [axis, { ...axis, size: 36, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
        series: [
          {},
          {
            label: 'Besuche',
            stroke: '#1a56db',
            fill: 'rgba(26, 86, 219, 0.35)',
            paths: UPlot.paths.bars?.({ size: [0.7, 24] }),
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
    const width = Math.max(this.container.clientWidth, 200);
    if (width !== this.plot.width) this.plot.setSize({ width, height: HEIGHT });
  }
}

function toData(minutes: MinuteCount[]): uPlot.AlignedData {
  return [minutes.map((minute) => minute.start / 1000), minutes.map((minute) => minute.count)];
}
