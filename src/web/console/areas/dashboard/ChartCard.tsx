// A chart with a table view of the same numbers: a switch per chart, an Excel export of the table.
import { useState, type ReactNode } from 'react';
import { App, Button, Card, Segmented, Space, Table } from 'antd';
import { BarChartOutlined, FileExcelOutlined, TableOutlined } from '@ant-design/icons';
import type * as echarts from 'echarts';
import { useText } from '../../i18n.tsx';
import { EChart, type ChartClick } from './EChart.tsx';
import { exportTable, type TableData } from './exporting.ts';

const dict = {
  zh: { chart: '图表', table: '表格', excel: '导出 Excel', failed: '导出失败：' },
  en: { chart: 'Chart', table: 'Table', excel: 'Excel', failed: 'Export failed: ' },
};

export interface ChartCardProps {
  name: string;
  title: string;
  option: echarts.EChartsCoreOption;
  table: TableData;
  height?: number;
  extra?: ReactNode;
  loading?: boolean;
  onPick?: (e: ChartClick) => void;
  /** Row click in the table view (the same drill-down as the chart). */
  onRow?: (index: number) => void;
}

export function ChartCard({ name, title, option, table, height = 300, extra, loading, onPick, onRow }: ChartCardProps) {
  const t = useText(dict);
  const { message } = App.useApp();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const excel = async () => {
    try {
      await exportTable(title, [{ name: title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), ...table }], `${title}.xlsx`);
    } catch (e) {
      message.error(t.failed + (e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <Card size="small" title={title} loading={loading} data-testid={`chart-${name}`}
      extra={<Space size={4}>{extra}
        <Segmented size="small" value={view} onChange={(v) => setView(v as 'chart' | 'table')} data-testid={`chart-toggle-${name}`}
          options={[{ value: 'chart', icon: <BarChartOutlined />, title: t.chart }, { value: 'table', icon: <TableOutlined />, title: t.table }]} />
      </Space>}>
      {view === 'chart'
        ? <EChart option={option} height={height} onClick={onPick} testId={`chart-canvas-${name}`} />
        : <div data-testid={`chart-table-${name}`}>
          <Table size="small" pagination={false} scroll={{ y: height - 40 }} rowKey={(_, i) => String(i)}
            dataSource={table.rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v])))}
            onRow={(_, i) => ({ onClick: () => i !== undefined && onRow?.(i), style: onRow ? { cursor: 'pointer' } : undefined })}
            columns={table.columns.map((c, i) => ({
              title: c.header, dataIndex: `c${i}`, align: c.kind && c.kind !== 'text' ? 'right' as const : undefined,
              render: (v: string | number | null) => v === null ? '—' : c.kind === 'percent' && typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : v,
            }))} />
          <Button size="small" icon={<FileExcelOutlined />} style={{ marginTop: 8 }} onClick={() => void excel()} data-testid={`chart-xlsx-${name}`}>{t.excel}</Button>
        </div>}
    </Card>
  );
}
