// Charts for documents: ECharts rendered on the server to SVG, then to PNG with a CJK font so the
// Chinese labels show in Word.
import { existsSync } from 'node:fs';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';

const CJK_FONTS = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'];
const FONT_FAMILY = 'Noto Sans CJK SC';

/** Renders an ECharts option to SVG text (no animation; the fonts named for the PNG step). */
export function renderChartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, backgroundColor: '#ffffff', ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Renders an ECharts option to PNG at `scale` times its size (sharper in print). */
export function renderChartPng(option: echarts.EChartsCoreOption, width: number, height: number, scale = 2): Buffer {
  const svg = renderChartSvg(option, width, height);
  const fontFiles = CJK_FONTS.filter((f) => existsSync(f));
  const r = new Resvg(svg, {
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return Buffer.from(r.render().asPng());
}

export interface TrendPoint { label: string; value: number; prevYear: number | null }
export interface SharePoint { label: string; value: number }

const PALETTE = ['#1f4e79', '#c0392b', '#2e86c1', '#27ae60', '#f39c12', '#8e44ad', '#16a085', '#7f8c8d'];

export function trendOption(title: string, points: TrendPoint[], names: { current: string; prevYear: string }): echarts.EChartsCoreOption {
  return {
    color: PALETTE,
    title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
    legend: { bottom: 0, data: [names.current, names.prevYear] },
    grid: { left: 50, right: 30, top: 70, bottom: 50 },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names.current, type: 'bar', data: points.map((p) => p.value), label: { show: true, position: 'top' } },
      { name: names.prevYear, type: 'line', data: points.map((p) => p.prevYear), symbolSize: 6 },
    ],
  };
}

export function pieOption(title: string, points: SharePoint[]): echarts.EChartsCoreOption {
  return {
    color: PALETTE,
    title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
    series: [{
      type: 'pie', radius: ['35%', '65%'], center: ['50%', '55%'],
      data: points.filter((p) => p.value > 0).map((p) => ({ name: p.label, value: p.value })),
      label: { formatter: '{b}\n{c}（{d}%）' },
    }],
  };
}

export function barOption(title: string, points: SharePoint[]): echarts.EChartsCoreOption {
  const rows = [...points].reverse();
  return {
    color: PALETTE,
    title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
    grid: { left: 130, right: 50, top: 45, bottom: 25 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((p) => p.label) },
    series: [{ type: 'bar', data: rows.map((p) => p.value), label: { show: true, position: 'right' } }],
  };
}
