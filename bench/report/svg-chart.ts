/** A small horizontal bar chart as a self-contained SVG (no dependency, readable in any viewer). */
export interface Bar {
  label: string;
  value: number;
  /** 'anchor' bars are drawn grey, Hookline bars in the accent colour. */
  kind: 'anchor' | 'hookline';
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const formatValue = (value: number) => Math.round(value).toLocaleString('en-US');

export function barChartSvg(title: string, unit: string, bars: Bar[]): string {
  const labelWidth = 300;
  const plotWidth = 420;
  const valueWidth = 110;
  const rowHeight = 26;
  const top = 44;
  const width = labelWidth + plotWidth + valueWidth;
  const height = top + bars.length * rowHeight + 30;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((bar, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(1, (bar.value / max) * plotWidth);
    const fill = bar.kind === 'anchor' ? '#9aa0a6' : '#1a73e8';
    return [
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${fill}" rx="2"/>`,
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 17}">${formatValue(bar.value)}</text>`,
    ].join('\n  ');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="13">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(title)}</text>
  ${rows.join('\n  ')}
  <line x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${top + bars.length * rowHeight}" stroke="#5f6368"/>
  <text x="${labelWidth}" y="${height - 8}" fill="#5f6368">${escapeXml(unit)} (grey: anchors, blue: Hookline)</text>
</svg>
`;
}
