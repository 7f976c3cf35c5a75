// Users and roles: the list with search, add, edit (name, role, body, active) and password reset
// (a temporary password shown once; the user must change it, as an initial password, at sign-in).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { LIMITS, ROLE_LABELS, ROLES, type Role } from '../../../../shared/enums.ts';
import { useLang, useText } from '../../i18n.tsx';
import { orgTree } from '../../refdata.ts';
import { dict } from './texts.ts';
import { adminApi, messageOf, type Org, type User } from './api.ts';

interface UserForm { orgId: number; username: string; displayName: string; role: Role; password: string; isActive: boolean }

export function UsersTab() {
  const t = useText(dict);
  const { lang } = useLang();
  const { message, modal } = App.useApp();
  const [users, setUsers] = useState<User[]>([]);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<UserForm>();
  const li = lang === 'zh' ? 0 : 1;

  const reload = useCallback(() => adminApi.users().then(setUsers).catch((e) => void message.error(messageOf(e))), [message]);
  useEffect(() => {
    void reload();
    adminApi.orgs().then(setOrgs).catch((e) => void message.error(messageOf(e)));
  }, [reload, message]);

  const shown = useMemo(() => {
    const s = q.trim().toLowerCase();
    return s ? users.filter((u) => `${u.username} ${u.displayName} ${u.orgName}`.toLowerCase().includes(s)) : users;
  }, [users, q]);
  const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][li] }));

  function open(u: User | 'new') {
    form.resetFields();
    if (u !== 'new') form.setFieldsValue({ orgId: u.orgId, username: u.username, displayName: u.displayName, role: u.role as Role, isActive: u.isActive });
    else form.setFieldsValue({ role: 'handler', isActive: true });
    setEditing(u);
  }

  async function save(v: UserForm) {
    setSaving(true);
    try {
      if (editing === 'new') await adminApi.createUser({ orgId: v.orgId, username: v.username, displayName: v.displayName, role: v.role, password: v.password });
      else if (editing) await adminApi.updateUser(editing.id, { orgId: v.orgId, displayName: v.displayName, role: v.role, isActive: v.isActive });
      void message.success(t.saved);
      setEditing(null);
      await reload();
    } catch (e) { void message.error(messageOf(e)); } finally { setSaving(false); }
  }

  async function reset(u: User) {
    try {
      const { temporaryPassword } = await adminApi.resetPassword(u.id);
      modal.info({
        title: `${t.resetPassword}: ${u.displayName} (${u.username})`, okText: t.close,
        content: <div><Typography.Paragraph>{t.tempPassword}</Typography.Paragraph>
          <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="temp-password">{temporaryPassword}</Typography.Text></div>,
      });
      await reload();
    } catch (e) { void message.error(messageOf(e)); }
  }

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder={t.search} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 260 }} data-testid="user-search" aria-label={t.search} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="user-add">{t.addUser}</Button>
      </Space>
      <Table<User> rowKey="id" size="small" dataSource={shown} data-testid="user-table" pagination={{ pageSize: 12, showSizeChanger: false }} scroll={{ x: 900 }}
        columns={[
          { title: t.username, dataIndex: 'username', width: 150, render: (v: string) => <span data-testid={`user-row-${v}`}>{v}</span> },
          { title: t.displayName, dataIndex: 'displayName', width: 160 },
          { title: t.org, dataIndex: 'orgName', ellipsis: true },
          { title: t.role, dataIndex: 'role', width: 130, render: (r: string) => <Tag color="blue">{ROLE_LABELS[r as Role]?.[li] ?? r}</Tag> },
          {
            title: t.status, width: 200, render: (_: unknown, u) => <Space size={4}>
              {u.isActive ? <Tag color="green">{t.active}</Tag> : <Tag>{t.inactive}</Tag>}{u.isLocked && <Tag color="orange">{t.locked}</Tag>}
              {u.mustChangePassword && <Tag color="gold" data-testid={`user-must-change-${u.username}`}>{t.mustChange}</Tag>}
            </Space>,
          },
          {
            title: t.actions, width: 200, fixed: 'right', render: (_: unknown, u) => <Space size={4}>
              <Button size="small" onClick={() => open(u)} data-testid={`user-edit-${u.username}`}>{t.edit}</Button>
              <Popconfirm title={t.resetConfirm} okText={t.resetPassword} cancelText={t.cancel} onConfirm={() => void reset(u)}>
                <Button size="small" icon={<KeyOutlined />} data-testid={`user-reset-${u.username}`}>{t.resetPassword}</Button>
              </Popconfirm>
            </Space>,
          },
        ]} />
      <Modal open={editing !== null} title={editing === 'new' ? t.addUser : `${t.edit}: ${editing?.username ?? ''}`} onCancel={() => setEditing(null)} destroyOnHidden
        footer={<Space><Button onClick={() => setEditing(null)}>{t.cancel}</Button><Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="save-user">{t.save}</Button></Space>}>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="user-form">
          <Form.Item name="username" label={t.username} rules={[{ required: true, min: 2, max: 64, pattern: /^[a-zA-Z0-9_.-]+$/ }]}>
            <Input disabled={editing !== 'new'} data-testid="user-username" autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t.displayName} rules={[{ required: true, max: 50 }]}><Input data-testid="user-name" /></Form.Item>
          <Form.Item name="orgId" label={t.org} rules={[{ required: true }]}>
            <TreeSelect treeData={orgTree(orgs)} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll data-testid="user-org" />
          </Form.Item>
          <Form.Item name="role" label={t.role} rules={[{ required: true }]}><Select options={roleOptions} data-testid="user-role" /></Form.Item>
          {editing === 'new' ? (
            <Form.Item name="password" label={t.password} extra={t.passwordHint} rules={[{ required: true, min: LIMITS.passwordMin, max: LIMITS.passwordMax }]}>
              <Input.Password data-testid="user-password" autoComplete="new-password" />
            </Form.Item>
          ) : (
            <Form.Item name="isActive" label={t.active} valuePropName="checked"><Switch data-testid="user-active" aria-label={t.active} /></Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
