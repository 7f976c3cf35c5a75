// The cases behind a figure (GET /stats/drilldown), page by page, each linking to its case page.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Drawer, Table } from 'antd';
import { apiGet, ApiError } from '../../../common/api.ts';
import type { DrilldownItem, DrilldownPage } from '../../../../shared/figures.ts';
import { useLang, useText } from '../../i18n.tsx';
import { L, formatDateTime } from '../../labels.ts';

const dict = {
  zh: { caseNo: '事项编号', title: '事项', state: '状态', channel: '渠道', org: '当前单位', received: '登记时间', more: '加载更多', none: '没有事项' },
  en: { caseNo: 'Case no.', title: 'Case', state: 'State', channel: 'Channel', org: 'Current body', received: 'Received', more: 'Load more', none: 'No cases' },
};

export interface DrillTarget { title: string; query: Record<string, string | number | boolean | undefined> }

export function DrillDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const t = useText(dict);
  const { lang } = useLang();
  const [items, setItems] = useState<DrilldownItem[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = async (after?: number) => {
    if (!target) return;
    setLoading(true);
    try {
      const page = await apiGet<DrilldownPage>('/stats/drilldown', { ...target.query, after, limit: 20 });
      setItems((old) => (after ? [...old, ...page.items] : page.items));
      setNext(page.nextAfter);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    setItems([]);
    setNext(null);
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  return (
    <Drawer open={!!target} onClose={onClose} title={target?.title} size={Math.min(1000, window.innerWidth - 160)} destroyOnHidden>
      <div data-testid="drilldown">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
        <Table<DrilldownItem> size="small" rowKey="id" pagination={false} loading={loading} dataSource={items} locale={{ emptyText: t.none }}
          onRow={(c) => ({ 'data-testid': `drill-case-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t.caseNo, dataIndex: 'caseNo', width: 180, render: (v: string, c) => <Link to={`/cases/${c.id}`}>{v}</Link> },
            { title: t.title, dataIndex: 'title', ellipsis: true },
            { title: t.state, dataIndex: 'state', width: 90, render: (v: string) => L.state(v, lang) },
            { title: t.channel, dataIndex: 'channel', width: 64, render: (v: string) => L.channel(v, lang) },
            { title: t.org, dataIndex: 'currentOrgName', width: 140, ellipsis: true },
            { title: t.received, dataIndex: 'receivedAt', width: 140, render: (v: string) => formatDateTime(v) },
          ]} />
        {next !== null && <Button block style={{ marginTop: 8 }} loading={loading} onClick={() => void load(next)} data-testid="drill-more">{t.more}</Button>}
      </div>
    </Drawer>
  );
}
