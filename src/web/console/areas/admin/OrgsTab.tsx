// Organisation tree: view every body (disabled ones marked), edit the selected one (name, level, kind,
// area code, the categories it is competent for, active) and add bodies below it.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Space, Switch, Tag, Tree, TreeSelect, Typography } from 'antd';
import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { ORG_KIND_LABELS, ORG_KINDS, ORG_LEVEL_LABELS, ORG_LEVELS } from '../../../../shared/enums.ts';
import { isValidAreaCode } from '../../../../shared/validators.ts';
import { useLang, useText } from '../../i18n.tsx';
import { categoryTree } from '../../refdata.ts';
import { dict } from './texts.ts';
import { adminApi, messageOf, type Category, type Org } from './api.ts';

interface OrgForm { name: string; level: string; kind: string; areaCode: string; categoryIds: number[]; isActive: boolean }

interface TreeItem { key: number; title: ReactNode; children?: TreeItem[] }
interface ParentNode { value: number; title: string; disabled: boolean; children?: ParentNode[] }

export function OrgsTab() {
  const t = useText(dict);
  const { lang } = useLang();
  const { message } = App.useApp();
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [cats, setCats] = useState<Category[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [adding, setAdding] = useState<{ parentId: number | null } | null>(null);
  const [moving, setMoving] = useState<number | null>(null);
  const [moveTo, setMoveTo] = useState<number | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<OrgForm>();
  const [addForm] = Form.useForm<OrgForm>();
  const li = lang === 'zh' ? 0 : 1;

  const reload = useCallback(() => adminApi.orgs().then(setOrgs).catch((e) => void message.error(messageOf(e))), [message]);
  useEffect(() => {
    void reload();
    adminApi.categories().then(setCats).catch((e) => void message.error(messageOf(e)));
  }, [reload, message]);

  const current = orgs.find((o) => o.id === selected) ?? null;
  useEffect(() => {
    if (current) form.setFieldsValue({ name: current.name, level: current.level, kind: current.kind, areaCode: current.areaCode, categoryIds: current.categoryIds, isActive: current.isActive });
  }, [current, form]);

  const treeData = useMemo(() => {
    const node = (o: Org): TreeItem => {
      const children = orgs.filter((x) => x.parentId === o.id).sort((a, b) => a.id - b.id).map(node);
      return {
        key: o.id,
        title: <span data-testid={`org-node-${o.id}`}>{o.name} {!o.isActive && <Tag>{t.inactive}</Tag>}</span>,
        ...(children.length && { children }),
      };
    };
    return orgs.filter((o) => o.parentId === null).map(node);
  }, [orgs, t]);
  const catTree = useMemo(() => categoryTree(cats, lang), [cats, lang]);
  // where the body being moved may go: an active body that is not the body itself or below it
  const moveTree = useMemo(() => {
    const from = orgs.find((o) => o.id === moving);
    if (!from) return [];
    const node = (o: Org): ParentNode => {
      const children = orgs.filter((x) => x.parentId === o.id && !x.path.startsWith(from.path)).sort((a, b) => a.id - b.id).map(node);
      return { value: o.id, title: o.name, disabled: !o.isActive || o.id === from.parentId, ...(children.length && { children }) };
    };
    return orgs.filter((o) => o.parentId === null && !o.path.startsWith(from.path)).map(node);
  }, [orgs, moving]);

  const levelOptions = ORG_LEVELS.map((l) => ({ value: l, label: ORG_LEVEL_LABELS[l][li] }));
  const kindOptions = ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k][li] }));
  const areaRule = { validator: (_: unknown, v: string) => (v && isValidAreaCode(v) ? Promise.resolve() : Promise.reject(new Error(t.areaCodeHint))) };

  const fields = (prefix: string) => (
    <>
      <Form.Item name="name" label={t.orgName} rules={[{ required: true, max: 100 }]}><Input data-testid={`${prefix}-name`} maxLength={100} /></Form.Item>
      <Row gutter={12}>
        <Col span={12}><Form.Item name="level" label={t.level} rules={[{ required: true }]}><Select options={levelOptions} data-testid={`${prefix}-level`} /></Form.Item></Col>
        <Col span={12}><Form.Item name="kind" label={t.kind} rules={[{ required: true }]}><Select options={kindOptions} data-testid={`${prefix}-kind`} /></Form.Item></Col>
      </Row>
      <Form.Item name="areaCode" label={t.areaCode} extra={t.areaCodeHint} rules={[areaRule]}><Input data-testid={`${prefix}-area`} maxLength={12} inputMode="numeric" /></Form.Item>
      <Form.Item name="categoryIds" label={t.competent}>
        <TreeSelect treeData={catTree} multiple treeCheckable showCheckedStrategy={TreeSelect.SHOW_ALL} treeCheckStrictly={false} allowClear
          showSearch={{ treeNodeFilterProp: 'title' }} maxTagCount="responsive" data-testid={`${prefix}-categories`} />
      </Form.Item>
    </>
  );

  async function saveCurrent(v: OrgForm) {
    if (!current) return;
    setSaving(true);
    try {
      await adminApi.updateOrg(current.id, { name: v.name, level: v.level, kind: v.kind, areaCode: v.areaCode, isActive: v.isActive, categoryIds: v.categoryIds ?? [] });
      void message.success(t.saved);
      await reload();
    } catch (e) { void message.error(messageOf(e)); } finally { setSaving(false); }
  }

  async function saveNew(v: OrgForm) {
    setSaving(true);
    try {
      const { id } = await adminApi.createOrg({ parentId: adding?.parentId ?? null, name: v.name, level: v.level, kind: v.kind, areaCode: v.areaCode, categoryIds: v.categoryIds ?? [] });
      void message.success(t.saved);
      setAdding(null);
      await reload();
      setSelected(id);
    } catch (e) { void message.error(messageOf(e)); } finally { setSaving(false); }
  }

  async function saveMove() {
    if (!moving || !moveTo) return;
    setSaving(true);
    try {
      const { rows } = await adminApi.moveOrg(moving, moveTo);
      void message.success(t.moved.replace('{orgs}', String(rows.organisations ?? 0)).replace('{cases}', String(rows.cases ?? 0)));
      setMoving(null);
      await reload();
    } catch (e) { void message.error(messageOf(e)); } finally { setSaving(false); }
  }

  function openAdd(parentId: number | null) {
    const parent = orgs.find((o) => o.id === parentId);
    addForm.resetFields();
    addForm.setFieldsValue({ level: parent?.level ?? 'county', kind: 'department', areaCode: parent?.areaCode ?? '', categoryIds: [] });
    setAdding({ parentId });
  }

  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Card size="small" title={t.orgs} extra={<Button size="small" icon={<PlusOutlined />} onClick={() => openAdd(null)} data-testid="org-add-root">{t.addRoot}</Button>}>
          <div data-testid="org-tree" style={{ maxHeight: 560, overflow: 'auto' }}>
            {orgs.length > 0 && <Tree treeData={treeData} defaultExpandedKeys={orgs.filter((o) => o.level !== 'township' && o.level !== 'village').map((o) => o.id)}
              selectedKeys={selected ? [selected] : []} onSelect={(keys) => setSelected(keys.length ? Number(keys[0]) : null)} blockNode />}
          </div>
        </Card>
      </Col>
      <Col xs={24} md={14}>
        <Card size="small" title={current ? current.name : t.edit}
          extra={current && (
            <Space>
              <Button size="small" icon={<ApartmentOutlined />} onClick={() => { setMoveTo(undefined); setMoving(current.id); }} data-testid="org-move">{t.move}</Button>
              <Button size="small" icon={<PlusOutlined />} onClick={() => openAdd(current.id)} data-testid="org-add-child">{t.addChild}</Button>
            </Space>
          )}>
          {!current ? <Empty description={t.selectOrg} /> : (
            <Form form={form} layout="vertical" onFinish={(v) => void saveCurrent(v)} data-testid="org-form">
              <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                {t.parent}: {orgs.find((o) => o.id === current.parentId)?.name ?? t.none} · {t.path}: <code>{current.path}</code>
              </Typography.Paragraph>
              {fields('org')}
              <Form.Item name="isActive" label={t.active} valuePropName="checked">
                <Switch data-testid="org-active" aria-label={t.active} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="save-org">{t.save}</Button>
            </Form>
          )}
        </Card>
      </Col>
      <Modal open={!!moving} title={`${t.move}: ${orgs.find((o) => o.id === moving)?.name ?? ''}`} onCancel={() => setMoving(null)} destroyOnHidden
        footer={<Space><Button onClick={() => setMoving(null)}>{t.cancel}</Button><Button type="primary" disabled={!moveTo} loading={saving} onClick={() => void saveMove()} data-testid="org-move-save">{t.save}</Button></Space>}>
        <Typography.Paragraph type="secondary">{t.moveHint}</Typography.Paragraph>
        <Typography.Text>{t.moveTo}</Typography.Text>
        <TreeSelect style={{ width: '100%', marginTop: 6 }} treeData={moveTree} value={moveTo} onChange={(v) => setMoveTo(v)} treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }} aria-label={t.moveTo} data-testid="org-move-parent" />
      </Modal>
      <Modal open={!!adding} title={adding?.parentId ? `${t.addChild}: ${orgs.find((o) => o.id === adding.parentId)?.name ?? ''}` : t.addRoot}
        onCancel={() => setAdding(null)} destroyOnHidden
        footer={<Space><Button onClick={() => setAdding(null)}>{t.cancel}</Button><Button type="primary" loading={saving} onClick={() => addForm.submit()} data-testid="save-org-add">{t.save}</Button></Space>}>
        <Form form={addForm} layout="vertical" onFinish={(v) => void saveNew(v)}>{fields('org-add')}</Form>
      </Modal>
    </Row>
  );
}
