import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  color: string;
}

/**
 * A uPlot time chart sized to its container. uPlot draws on a canvas, so the figures are also
 * given as a table for screen readers (`summary`).
 */
export function TimeChart({
  title,
  times,
  series,
  unit,
}: {
  title: string;
  times: number[];
  series: ChartSeries[];
  unit: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: element.clientWidth || 600,
      height: 220,
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          points: { show: false },
        })),
      ],
      axes: [{}, { label: unit, size: 60 }],
      legend: { show: true },
    };
    const plot = new uPlot(
      options,
      [times.map((t) => t / 1000), ...series.map((s) => s.values)],
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: element.clientWidth, height: 220 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, series, unit]);
  return (
    <figure className="chart-figure">
      <figcaption>{title}</figcaption>
      <div ref={box} className="chart" role="img" aria-label={`${title} chart; totals follow`} />
    </figure>
  );
}
