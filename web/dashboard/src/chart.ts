import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
}

/**
 * A line chart of daily values (uPlot, from node_modules). `days` are the bucket starts of this
 * period (seconds since the epoch); each series has one value per day (the previous period's
 * values are aligned day by day on this period's axis).
 */
export function lineChart(container: HTMLElement, days: number[], series: ChartSeries[], formatDay: (seconds: number) => string, dayLabel: string): uPlot {
  container.replaceChildren();
  const width = Math.max(320, container.clientWidth || 640);
  const options: uPlot.Options = {
    width,
    height: 260,
    scales: { x: { time: false } },
    axes: [
      {
        stroke: '#1a1a1a',
        grid: { stroke: '#d6d6d6' },
        values: (_u, splits) => splits.map((s) => (Number.isInteger(s) && days[s] !== undefined ? formatDay(days[s]) : '')),
      },
      { stroke: '#1a1a1a', grid: { stroke: '#d6d6d6' } },
    ],
    series: [
      { label: dayLabel, value: (_u, v) => (v === null || days[v] === undefined ? '—' : formatDay(days[v])) },
      ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, dash: s.dash, points: { show: days.length <= 40 } })),
    ],
  };
  const data: uPlot.AlignedData = [days.map((_d, i) => i), ...series.map((s) => s.values)];
  return new uPlot(options, data, container);
}
