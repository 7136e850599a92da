/** A small line chart with a log-scale y axis as a self-contained SVG (p99 against offered rate). */
export interface Series {
  name: string;
  colour: string;
  points: Array<{ x: number; y: number }>;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const label = (n: number) => Math.round(n).toLocaleString('en-US');

export function lineChartSvg(
  title: string,
  axes: { x: string; y: string },
  series: Series[],
  /** A dashed horizontal line, e.g. the latency objective. */
  mark?: { y: number; text: string },
): string {
  const [left, right, top, bottom] = [70, 190, 40, 50];
  const [plotW, plotH] = [520, 300];
  const width = left + plotW + right;
  const height = top + plotH + bottom;
  const all = series.flatMap((s) => s.points);
  const xMax = Math.max(1, ...all.map((p) => p.x));
  const ys = [...all.map((p) => p.y), ...(mark ? [mark.y] : [])].filter((y) => y > 0);
  const yLo = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(1, ...ys))));
  const yHi = 10 ** Math.ceil(Math.log10(Math.max(10, ...ys)));
  const px = (x: number) => left + (x / xMax) * plotW;
  const py = (y: number) =>
    top +
    plotH -
    ((Math.log10(Math.max(y, yLo)) - Math.log10(yLo)) / Math.log10(yHi / yLo)) * plotH;
  const parts: string[] = [];
  for (let d = yLo; d <= yHi; d *= 10) {
    const y = py(d).toFixed(1);
    parts.push(
      `<line x1="${left}" y1="${y}" x2="${left + plotW}" y2="${y}" stroke="#e0e0e0"/>`,
      `<text x="${left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${label(d)}</text>`,
    );
  }
  for (let i = 0; i <= 4; i++) {
    const x = (xMax * i) / 4;
    parts.push(
      `<text x="${px(x).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle">${label(x)}</text>`,
    );
  }
  if (mark) {
    const y = py(mark.y).toFixed(1);
    parts.push(
      `<line x1="${left}" y1="${y}" x2="${left + plotW}" y2="${y}" stroke="#d93025" stroke-dasharray="6 4"/>`,
      `<text x="${left + plotW + 6}" y="${y}" fill="#d93025" dominant-baseline="middle">${escapeXml(mark.text)}</text>`,
    );
  }
  series.forEach((s, i) => {
    const path = s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline points="${path}" fill="none" stroke="${s.colour}" stroke-width="2"/>`,
      ...s.points.map(
        (p) =>
          `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3" fill="${s.colour}"/>`,
      ),
      `<rect x="${left + plotW + 10}" y="${top + 20 + i * 20}" width="12" height="4" fill="${s.colour}"/>`,
      `<text x="${left + plotW + 28}" y="${top + 25 + i * 20}">${escapeXml(s.name)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(title)}</text>
  <line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#5f6368"/>
  <line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#5f6368"/>
  ${parts.join('\n  ')}
  <text x="${left + plotW / 2}" y="${height - 10}" text-anchor="middle" fill="#5f6368">${escapeXml(axes.x)}</text>
  <text x="16" y="${top + plotH / 2}" text-anchor="middle" fill="#5f6368" transform="rotate(-90 16 ${top + plotH / 2})">${escapeXml(axes.y)}</text>
</svg>
`;
}
