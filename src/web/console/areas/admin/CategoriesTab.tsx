// Content categories (内容分类): the tree with disabled entries marked; add top-level or sub-categories,
// rename, reorder and disable (a disabled category stays on old cases but is no longer offered).
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Switch, Tag, Tree } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useLang, useText } from '../../i18n.tsx';
import { dict } from './texts.ts';
import { adminApi, messageOf, type Category } from './api.ts';

interface CatForm { code: string; nameZh: string; nameEn: string; sort: number; isActive: boolean }
type Editing = { mode: 'new'; parentId: number | null } | { mode: 'edit'; cat: Category };

interface TreeItem { key: number; title: ReactNode; children?: TreeItem[] }

export function CategoriesTab() {
  const t = useText(dict);
  const { lang } = useLang();
  const { message } = App.useApp();
  const [cats, setCats] = useState<Category[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<CatForm>();

  const reload = useCallback(() => adminApi.categories().then(setCats).catch((e) => void message.error(messageOf(e))), [message]);
  useEffect(() => { void reload(); }, [reload]);

  function open(e: Editing) {
    form.resetFields();
    if (e.mode === 'edit') form.setFieldsValue({ code: e.cat.code, nameZh: e.cat.nameZh, nameEn: e.cat.nameEn, sort: e.cat.sort, isActive: e.cat.isActive });
    else form.setFieldsValue({ sort: Math.max(0, ...cats.map((c) => c.sort)) + 1, isActive: true });
    setEditing(e);
  }

  const treeData = useMemo(() => {
    const sorted = [...cats].sort((a, b) => a.sort - b.sort || a.id - b.id);
    const node = (c: Category): TreeItem => {
      const children = sorted.filter((x) => x.parentId === c.id).map(node);
      return {
        key: c.id,
        title: (
          <Space size={6} data-testid={`category-node-${c.code}`}>
            <span style={{ color: c.isActive ? undefined : 'rgba(0,0,0,0.55)' }}>{c.code} {lang === 'zh' ? c.nameZh : c.nameEn}</span>
            {!c.isActive && <Tag>{t.inactive}</Tag>}
            <Button size="small" type="text" icon={<EditOutlined />} aria-label={`${t.edit} ${c.nameZh}`} onClick={(ev) => { ev.stopPropagation(); open({ mode: 'edit', cat: c }); }} data-testid={`category-edit-${c.code}`} />
            {c.parentId === null && <Button size="small" type="text" icon={<PlusOutlined />} aria-label={`${t.addSubCategory} ${c.nameZh}`} onClick={(ev) => { ev.stopPropagation(); open({ mode: 'new', parentId: c.id }); }} data-testid={`category-add-${c.code}`} />}
          </Space>
        ),
        ...(children.length && { children }),
      };
    };
    return sorted.filter((c) => c.parentId === null).map(node);
  }, [cats, lang, t]);

  async function save(v: CatForm) {
    if (!editing) return;
    setSaving(true);
    try {
      if (editing.mode === 'new') await adminApi.createCategory({ parentId: editing.parentId, code: v.code, nameZh: v.nameZh, nameEn: v.nameEn, sort: v.sort });
      else await adminApi.updateCategory(editing.cat.id, { nameZh: v.nameZh, nameEn: v.nameEn, sort: v.sort, isActive: v.isActive });
      void message.success(t.saved);
      setEditing(null);
      await reload();
    } catch (e) { void message.error(messageOf(e)); } finally { setSaving(false); }
  }

  const parentName = editing?.mode === 'new' && editing.parentId ? cats.find((c) => c.id === editing.parentId)?.nameZh : null;
  return (
    <Card size="small" title={t.categories} extra={<Button size="small" icon={<PlusOutlined />} onClick={() => open({ mode: 'new', parentId: null })} data-testid="category-add-root">{t.addCategory}</Button>}>
      <div data-testid="category-tree" style={{ maxHeight: 600, overflow: 'auto' }}>
        {cats.length > 0 && <Tree treeData={treeData} defaultExpandAll selectable={false} blockNode />}
      </div>
      <Modal open={!!editing} destroyOnHidden onCancel={() => setEditing(null)}
        title={editing?.mode === 'edit' ? `${t.edit}: ${editing.cat.code}` : parentName ? `${t.addSubCategory}: ${parentName}` : t.addCategory}
        footer={<Space><Button onClick={() => setEditing(null)}>{t.cancel}</Button><Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="save-category">{t.save}</Button></Space>}>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="code" label={t.code} extra={t.codeHint} rules={[{ required: true, max: 40, pattern: /^[A-Za-z0-9_.-]+$/ }]}>
            <Input disabled={editing?.mode === 'edit'} data-testid="category-code" />
          </Form.Item>
          <Form.Item name="nameZh" label={t.nameZh} rules={[{ required: true, max: 50 }]}><Input data-testid="category-name-zh" /></Form.Item>
          <Form.Item name="nameEn" label={t.nameEn} rules={[{ required: true, max: 80 }]}><Input data-testid="category-name-en" /></Form.Item>
          <Form.Item name="sort" label={t.sort}><InputNumber precision={0} min={-100000} max={100000} /></Form.Item>
          {editing?.mode === 'edit' && (
            <Form.Item name="isActive" label={t.active} valuePropName="checked"><Switch data-testid="category-active" aria-label={t.active} /></Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
