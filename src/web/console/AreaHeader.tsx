// The head of an area's page: its title with an action on the right (reload, ...) and a line saying what the page is for.
import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';

export function AreaHeader({ title, intro, extra }: { title: string; intro?: string; extra?: ReactNode }) {
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
        {extra}
      </Space>
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
    </>
  );
}
