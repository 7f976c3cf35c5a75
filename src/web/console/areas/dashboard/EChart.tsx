// One ECharts chart (SVG renderer) that follows its container's width and reports clicks.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

export interface ChartClick { name: string; dataIndex: number; seriesIndex: number }

export function EChart({ option, height = 300, onClick, testId }: { option: echarts.EChartsCoreOption; height?: number; onClick?: (e: ChartClick) => void; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => click.current?.({ name: String(p.name ?? ''), dataIndex: p.dataIndex ?? 0, seriesIndex: p.seriesIndex ?? 0 }));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => { ro.disconnect(); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animationDuration: 300, animationDurationUpdate: 300, ...option }, true);
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
