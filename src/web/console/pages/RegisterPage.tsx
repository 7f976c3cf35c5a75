// Registration of a letter, visit, phone call or fax (登记): petitioner look-up with earlier cases
// and the repeat choice, co-petitioners, representatives of a collective visit, kind, category,
// area, accused body, attachments; validation as the API's; then the receipt with 查询码.
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  Alert, App as AntApp, Button, Card, Col, DatePicker, Descriptions, Divider, Form, Image, Input, InputNumber, List, Radio, Result, Row, Select, Space, Switch, Tag, TreeSelect, Typography, Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { InboxOutlined, MinusCircleOutlined, PlusOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, ApiError, apiGet, apiUpload, newIdempotencyKey } from '../../common/api.ts';
import type { LookupResult, RegisterResult, RoutingSuggestion } from '../../common/types.ts';
import { ATTACHMENT_TYPES, KINDS, LEVELS_REACHED, LIMITS } from '../../../shared/enums.ts';
import { errorMessage } from '../../../shared/errors.ts';
import { isValidAreaCode, isValidIdCardNumber, isValidMobile, normalizeIdCardNumber } from '../../../shared/validators.ts';
import { useLang, useText } from '../i18n.tsx';
import { formatDateTime, L } from '../labels.ts';
import { categoryTree, orgTree, useCategories, useOrgs } from '../refdata.ts';
import { useMe } from '../session.tsx';

const STAFF_CHANNELS = ['letter', 'visit', 'phone', 'fax'] as const;

const dict = {
  zh: {
    title: '登记信访件', channel: '来源渠道', receivedAt: '收到时间', receivedAtHint: '留空为当前时间', levelReached: '到达层级',
    lookup: '查找信访人', lookupHint: '输入身份证号码或手机号码，查看该信访人以往的信访事项', idNumber: '身份证号码', mobile: '手机号码', find: '查找',
    notFound: '未找到登记过的信访人，将按新信访人登记', earlier: '以往信访事项', repeatChoice: '本次信访与以往事项的关系',
    firstTime: '新的信访事项（初信初访）', repeatOf: '重复信访：与此事项为同一事项', repeatNote: '选择"重复信访"后，本次登记将计为重复信访；若原事项仍在办理，将作为追加信访件并入原事项。',
    notVisible: '非本辖区事项', petitioner: '信访人', name: '姓名', address: '住址', coPetitioners: '共同信访人', addCo: '添加共同信访人',
    collective: '集体访', representatives: '代表人（最多 5 人）', addRep: '添加代表人', headcount: '来访人数',
    matter: '信访事项', kind: '类别', category: '内容分类', area: '事项发生地（行政区划）', matterAddress: '详细地址', titleField: '标题', content: '信访内容',
    accusedOrg: '被检举控告单位', accusedName: '被检举控告人', accusedHint: '检举控告内容依法保密，不会转给被检举控告的单位或个人（《信访工作条例》第三十条）',
    attachments: '附件', dragHint: '点击或将文件拖到此处上传', dragSub: '支持 PDF、图片、TXT、DOCX，单个文件不超过 10MB', note: '备注',
    submit: '登记', reset: '清空', required: '请填写{f}', chooseRequired: '请选择{f}', tooLong: '{f}不能超过 {n} 个字',
    maxReps: '集体访代表不得超过 5 人', headcountSmall: '人数不能少于已登记的信访人和代表人数', accusedRequired: '检举控告类事项须填写被检举控告的单位或个人',
    fileType: '不支持的文件类型', fileSize: '文件不能超过 10MB', saved: '登记成功', receiptTitle: '信访事项登记回执', caseNo: '事项编号', queryCode: '查询码',
    queryHint: '请妥善保管查询码。凭查询码和手机号或身份证号后四位，可在网上信访平台查询办理进度并评价。',
    queryOffline: '登记时未留手机号和身份证号，本事项不能在网上查询；请凭事项编号通过电话或来访查询办理进度。', receivedOn: '登记时间', acceptDue: '受理期限', routeDue: '转送交办期限',
    print: '打印回执', another: '继续登记', openCase: '打开事项', uploadFailed: '附件上传失败', uploaded: '附件已上传', suggestion: '分流建议（归口办理单位）',
    addedToExisting: '原事项仍在办理，本次登记已作为追加信访件并入原事项', repeatTag: '重复信访',
    repeatOfFinal: '疑似已复核终结事项（{no}）的重复信访，已正常登记，尚未作出是否受理的决定。',
    repeatOfFinalHint: '请核查是否以同一事实和理由再次提出：如是，请在事项页以“不予受理”办理，理由注明《信访工作条例》第三十六条（复核终结，不再受理）；如否，按正常程序转送交办或受理。',
    openEarlier: '查看原事项',
    state: '状态', bureauName: '受理机关', lookupFirst: '请输入身份证号码或手机号码', preview: '预览',
  },
  en: {
    title: 'Register a submission', channel: 'Channel', receivedAt: 'Received at', receivedAtHint: 'Empty means now', levelReached: 'Level reached',
    lookup: 'Find the petitioner', lookupHint: 'Enter an identity card or mobile number to see the earlier cases of this petitioner', idNumber: 'ID card number', mobile: 'Mobile', find: 'Find',
    notFound: 'No petitioner on record; a new one will be registered', earlier: 'Earlier cases', repeatChoice: 'Relation to earlier cases',
    firstTime: 'A new matter (first petition)', repeatOf: 'Repeat: the same matter as this case', repeatNote: 'A repeat is counted as a repeat petition; if the earlier case is still open, this submission is added to it.',
    notVisible: 'Outside your area', petitioner: 'Petitioner', name: 'Name', address: 'Address', coPetitioners: 'Co-petitioners', addCo: 'Add co-petitioner',
    collective: 'Collective visit', representatives: 'Representatives (at most 5)', addRep: 'Add representative', headcount: 'Headcount',
    matter: 'The matter', kind: 'Kind', category: 'Category', area: 'Area of the matter', matterAddress: 'Address', titleField: 'Title', content: 'Content',
    accusedOrg: 'Accused body', accusedName: 'Accused person', accusedHint: 'Accusations are confidential and never reach the accused body or person ([T22] Art 30)',
    attachments: 'Attachments', dragHint: 'Click or drag files here', dragSub: 'PDF, images, TXT, DOCX; at most 10 MB each', note: 'Note',
    submit: 'Register', reset: 'Clear', required: 'Enter {f}', chooseRequired: 'Choose {f}', tooLong: '{f} may not exceed {n} characters',
    maxReps: 'At most 5 representatives', headcountSmall: 'Headcount is smaller than the people named', accusedRequired: 'An accusation must name the accused body or person',
    fileType: 'File type not supported', fileSize: 'File larger than 10 MB', saved: 'Registered', receiptTitle: 'Registration receipt', caseNo: 'Case number', queryCode: 'Query code',
    queryHint: 'Keep the query code: with it and the last 4 of the mobile or ID number, the matter can be followed and rated online.',
    queryOffline: 'No mobile or ID number was given, so this matter cannot be followed online; follow it by phone or in person with the case number.', receivedOn: 'Registered', acceptDue: 'Acceptance due', routeDue: 'Routing due',
    print: 'Print receipt', another: 'Register another', openCase: 'Open case', uploadFailed: 'Attachment upload failed', uploaded: 'Attachments uploaded', suggestion: 'Routing suggestion (competent bodies)',
    addedToExisting: 'The earlier case is still open; this submission was added to it', repeatTag: 'Repeat',
    repeatOfFinal: 'Possibly a repeat of {no}, a matter already final after re-review. It was registered as usual; nothing has been decided on accepting it.',
    repeatOfFinalHint: 'Check whether the same facts and reasons are raised again. If so, decline it on the case page, citing Article 36 of the Regulations on Letters and Visits (final after re-review, not accepted again); if not, route or accept it as usual.',
    openEarlier: 'Open the earlier case',
    state: 'State', bureauName: 'Registered by', lookupFirst: 'Enter an ID card or mobile number', preview: 'Preview',
  },
};

interface PersonForm { name: string; idNumber?: string; mobile?: string; address?: string }
interface RegisterForm {
  channel: string; receivedAt?: Dayjs | null; levelReached?: string; petitioner: PersonForm; coPetitioners?: PersonForm[];
  isCollective?: boolean; representatives?: PersonForm[]; headcount?: number | null; kind: string; categoryId: number; areaCode: string;
  matterAddress?: string; title: string; content: string; accusedOrgId?: number | null; accusedName?: string; note?: string;
}

const blankToNull = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

export function RegisterPage() {
  const t = useText(dict);
  const { lang } = useLang();
  const me = useMe();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RegisterForm>();
  const cats = useCategories();
  const orgs = useOrgs();
  const [lookup, setLookup] = useState<{ idNumber: string; mobile: string }>({ idNumber: '', mobile: '' });
  const [lookupResult, setLookupResult] = useState<LookupResult[] | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [repeatOf, setRepeatOf] = useState<number | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<ReceiptData | null>(null);
  // One key per submission, kept across retries of the same submission (the API replays the first answer).
  const idemKey = useRef<string | null>(null);

  const channel = Form.useWatch('channel', form);
  const kind = Form.useWatch('kind', form);
  const isCollective = Form.useWatch('isCollective', form);

  const areaTree = useMemo(() => orgTree(orgs, (o) => ['government', 'township', 'village'].includes(o.kind), (o) => o.areaCode), [orgs]);
  // English messages read "Enter name", not "Enter Name" (acronyms such as "ID" stay as they are)
  const inSentence = (f: string) => (lang === 'en' && /^[A-Z][a-z]/.test(f) ? f[0]!.toLowerCase() + f.slice(1) : f);
  const need = (f: string) => t.required.replace('{f}', inSentence(f));
  const choose = (f: string) => t.chooseRequired.replace('{f}', inSentence(f));
  const max = (f: string, n: number) => ({ max: n, message: t.tooLong.replace('{f}', f).replace('{n}', String(n)) });
  const idRule = { validator: async (_: unknown, v?: string) => { if (v && !isValidIdCardNumber(v)) throw new Error(errorMessage('INVALID_ID_NUMBER', lang)); } };
  const mobileRule = { validator: async (_: unknown, v?: string) => { if (v && !isValidMobile(v.trim())) throw new Error(errorMessage('INVALID_MOBILE', lang)); } };

  const doLookup = async () => {
    setLookupError(null);
    const idNumber = normalizeIdCardNumber(lookup.idNumber);
    const mobile = lookup.mobile.trim();
    if (!idNumber && !mobile) { setLookupError(t.lookupFirst); return; }
    if (idNumber && !isValidIdCardNumber(idNumber)) { setLookupError(errorMessage('INVALID_ID_NUMBER', lang)); return; }
    if (!idNumber && !isValidMobile(mobile)) { setLookupError(errorMessage('INVALID_MOBILE', lang)); return; }
    try {
      const r = await api<LookupResult[]>('POST', '/petitioners/lookup', idNumber ? { idNumber } : { mobile });
      setLookupResult(r);
      setRepeatOf(null);
      form.setFieldValue(['petitioner', idNumber ? 'idNumber' : 'mobile'], idNumber || mobile);
    } catch (e) {
      setLookupError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const onFinish = async (v: RegisterForm) => {
    setError(null);
    setBusy(true);
    const person = (p: PersonForm) => ({ name: p.name.trim(), idNumber: blankToNull(p.idNumber ? normalizeIdCardNumber(p.idNumber) : null), mobile: blankToNull(p.mobile), address: blankToNull(p.address) });
    const body = {
      channel: v.channel,
      ...(v.receivedAt && { receivedAt: v.receivedAt.toISOString() }),
      ...(v.levelReached && { levelReached: v.levelReached }),
      petitioner: person(v.petitioner),
      coPetitioners: (v.coPetitioners ?? []).map(person),
      representatives: v.channel === 'visit' && v.isCollective ? (v.representatives ?? []).map(person) : [],
      ...(v.channel === 'visit' && v.isCollective && v.headcount ? { headcount: v.headcount } : {}),
      kind: v.kind, categoryId: v.categoryId, title: v.title.trim(), content: v.content.trim(), areaCode: v.areaCode,
      matterAddress: blankToNull(v.matterAddress),
      accusedOrgId: v.kind === 'accusation' ? v.accusedOrgId ?? null : null,
      accusedName: v.kind === 'accusation' ? blankToNull(v.accusedName) : null,
      repeatOfCaseId: repeatOf, note: blankToNull(v.note),
    };
    idemKey.current ??= newIdempotencyKey();
    try {
      const result = await api<RegisterResult>('POST', '/cases', body, { 'Idempotency-Key': idemKey.current });
      idemKey.current = null;
      const uploadErrors: string[] = [];
      for (const f of files) {
        if (!f.originFileObj) continue;
        try {
          await apiUpload(`/cases/${result.caseId}/attachments`, f.originFileObj, f.name);
        } catch (e) {
          uploadErrors.push(`${f.name}: ${e instanceof ApiError ? e.message : String(e)}`);
        }
      }
      let suggestions: RoutingSuggestion[] = [];
      if (result.state === 'registered') suggestions = await apiGet<RoutingSuggestion[]>(`/cases/${result.caseId}/routing-suggestions`).catch(() => []);
      // the online look-up asks for the last 4 of the mobile or 身份证 number on file (the one matched or recorded from these)
      const onlineLookup = !!(body.petitioner.idNumber || body.petitioner.mobile);
      setReceipt({ result, title: body.title, channel: body.channel, at: new Date().toISOString(), uploadErrors, suggestions, onlineLookup });
      if (files.length && !uploadErrors.length) message.success(t.uploaded);
      window.scrollTo(0, 0);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    form.resetFields();
    setFiles([]);
    setLookupResult(null);
    setRepeatOf(null);
    setLookup({ idNumber: '', mobile: '' });
    setReceipt(null);
    idemKey.current = null;
  };

  if (receipt) return <Receipt t={t} lang={lang} orgName={me.orgName} receipt={receipt} onAnother={startOver} />;

  return (
    <div data-testid="register-page" style={{ maxWidth: 1100 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t.title}</Typography.Title>
      <Card size="small" title={t.lookup} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t.lookupHint}</Typography.Paragraph>
        <Space wrap>
          <Input aria-label={t.idNumber} placeholder={t.idNumber} value={lookup.idNumber} maxLength={18} style={{ width: 220 }} data-testid="lookup-id"
            onChange={(e) => setLookup({ ...lookup, idNumber: e.target.value })} onPressEnter={() => void doLookup()} />
          <Input aria-label={t.mobile} placeholder={t.mobile} value={lookup.mobile} maxLength={11} style={{ width: 160 }} data-testid="lookup-mobile"
            onChange={(e) => setLookup({ ...lookup, mobile: e.target.value })} onPressEnter={() => void doLookup()} />
          <Button icon={<SearchOutlined />} onClick={() => void doLookup()} data-testid="lookup-submit">{t.find}</Button>
        </Space>
        {lookupError && <Alert type="error" showIcon title={lookupError} style={{ marginTop: 12 }} role="alert" />}
        {lookupResult && lookupResult.length === 0 && <Alert type="info" showIcon title={t.notFound} style={{ marginTop: 12 }} data-testid="lookup-none" />}
        {lookupResult && lookupResult.length > 0 && (
          <div style={{ marginTop: 12 }} data-testid="lookup-result">
            {lookupResult.map((r) => (
              <div key={r.petitioner.id}>
                <Typography.Text strong>{r.petitioner.name}</Typography.Text>{' '}
                <Typography.Text type="secondary">{r.petitioner.idNumber ?? ''} {r.petitioner.mobile ?? ''}</Typography.Text>
                <Typography.Paragraph strong style={{ marginTop: 8, marginBottom: 4 }}>{t.repeatChoice}</Typography.Paragraph>
                <Radio.Group value={repeatOf ?? 0} onChange={(e) => setRepeatOf(e.target.value === 0 ? null : (e.target.value as number))} style={{ width: '100%' }}>
                  <List size="small" bordered header={t.earlier} dataSource={[{ id: 0 } as LookupResult['cases'][number], ...r.cases]} renderItem={(c) => c.id === 0 ? (
                    <List.Item><Radio value={0} data-testid="repeat-none">{t.firstTime}</Radio></List.Item>
                  ) : (
                    <List.Item>
                      <Radio value={c.id} disabled={!c.isVisible} data-testid={`repeat-of-${c.id}`}>
                        <Tag color="purple">{t.repeatOf}</Tag> {c.caseNo} · {c.title} · {L.kind(c.kind, lang)} · <Tag>{L.state(c.state, lang)}</Tag> {formatDateTime(c.receivedAt)}
                        {!c.isVisible && <Typography.Text type="secondary"> （{t.notVisible}）</Typography.Text>}
                      </Radio>
                      {c.isVisible && <Link to={`/cases/${c.id}`} target="_blank">{t.openCase}</Link>}
                    </List.Item>
                  )} />
                </Radio.Group>
                {repeatOf && <Alert type="warning" showIcon title={t.repeatNote} style={{ marginTop: 8 }} data-testid="repeat-warning" />}
              </div>
            ))}
          </div>
        )}
      </Card>

      <Form form={form} layout="vertical" onFinish={onFinish} scrollToFirstError initialValues={{ channel: 'visit', kind: 'claim', isCollective: false }}
        onFinishFailed={() => setError(null)}>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="channel" label={t.channel} rules={[{ required: true, message: choose(t.channel) }]}>
                <Radio.Group optionType="button" buttonStyle="solid" data-testid="reg-channel"
                  options={STAFF_CHANNELS.map((c) => ({ value: c, label: <span data-testid={`channel-${c}`}>{L.channel(c, lang)}</span> }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="receivedAt" label={t.receivedAt} extra={t.receivedAtHint}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(new Date())} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="levelReached" label={t.levelReached}>
                <Select allowClear options={LEVELS_REACHED.map((l) => ({ value: l, label: L.level(l, lang) }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t.petitioner} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name={['petitioner', 'name']} label={t.name} rules={[{ required: true, whitespace: true, message: need(t.name) }, max(t.name, LIMITS.nameMax)]}>
                <Input data-testid="reg-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name={['petitioner', 'idNumber']} label={t.idNumber} rules={[idRule]}><Input maxLength={18} data-testid="reg-id" /></Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item name={['petitioner', 'mobile']} label={t.mobile} rules={[mobileRule]}><Input maxLength={11} data-testid="reg-mobile" /></Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name={['petitioner', 'address']} label={t.address} rules={[max(t.address, LIMITS.addressMax)]}><Input /></Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>{t.coPetitioners}</Divider>
          <PeopleList name="coPetitioners" t={t} idRule={idRule} mobileRule={mobileRule} need={need} addLabel={t.addCo} maxCount={200} testid="co" />
          {channel === 'visit' && (
            <>
              <Divider plain style={{ margin: '4px 0 12px' }} />
              <Form.Item name="isCollective" label={t.collective} valuePropName="checked"><Switch data-testid="reg-collective" /></Form.Item>
              {isCollective && (
                <>
                  <Form.Item name="headcount" label={t.headcount} dependencies={['coPetitioners']}
                    rules={[{ required: true, message: need(t.headcount) }, ({ getFieldValue }) => ({
                      validator: async (_: unknown, v?: number | null) => {
                        if (v && v < 1 + ((getFieldValue('coPetitioners') as unknown[] | undefined)?.length ?? 0)) throw new Error(t.headcountSmall);
                      },
                    })]}>
                    <InputNumber min={1} max={LIMITS.headcountMax} data-testid="reg-headcount" />
                  </Form.Item>
                  <Typography.Text strong>{t.representatives}</Typography.Text>
                  <PeopleList name="representatives" t={t} idRule={idRule} mobileRule={mobileRule} need={need} addLabel={t.addRep} maxCount={LIMITS.representativesMax} testid="rep" />
                </>
              )}
            </>
          )}
        </Card>

        <Card size="small" title={t.matter} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="kind" label={t.kind} rules={[{ required: true, message: choose(t.kind) }]}>
                <Radio.Group optionType="button" options={KINDS.map((k) => ({ value: k, label: <span data-testid={`kind-${k}`}>{L.kind(k, lang)}</span> }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name="categoryId" label={t.category} rules={[{ required: true, message: choose(t.category) }]}>
                <TreeSelect treeData={categoryTree(cats, lang)} showSearch={{ treeNodeFilterProp: 'title' }} data-testid="reg-category" placeholder={t.category} />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name="areaCode" label={t.area} rules={[{ required: true, message: choose(t.area) }, {
                validator: async (_: unknown, v?: string) => { if (v && !isValidAreaCode(v)) throw new Error(errorMessage('INVALID_AREA_CODE', lang)); },
              }]}>
                <TreeSelect treeData={areaTree} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll data-testid="reg-area" placeholder={t.area} />
              </Form.Item>
            </Col>
          </Row>
          {kind === 'accusation' && (
            <>
              <Alert type="info" showIcon title={t.accusedHint} style={{ marginBottom: 12 }} />
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="accusedOrgId" label={t.accusedOrg} dependencies={['accusedName']} rules={[({ getFieldValue }) => ({
                    validator: async (_: unknown, v?: number | null) => { if (!v && !String(getFieldValue('accusedName') ?? '').trim()) throw new Error(t.accusedRequired); },
                  })]}>
                    <TreeSelect allowClear treeData={orgTree(orgs)} showSearch={{ treeNodeFilterProp: 'title' }} data-testid="reg-accused-org" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="accusedName" label={t.accusedName} rules={[max(t.accusedName, LIMITS.nameMax * 2)]}><Input data-testid="reg-accused-name" /></Form.Item>
                </Col>
              </Row>
            </>
          )}
          <Form.Item name="title" label={t.titleField} rules={[{ required: true, whitespace: true, message: need(t.titleField) }, max(t.titleField, LIMITS.titleMax)]}>
            <Input showCount maxLength={LIMITS.titleMax} data-testid="reg-title" />
          </Form.Item>
          <Form.Item name="content" label={t.content} rules={[{ required: true, whitespace: true, message: need(t.content) }, max(t.content, LIMITS.contentMax)]}>
            <Input.TextArea rows={5} showCount maxLength={LIMITS.contentMax} data-testid="reg-content" />
          </Form.Item>
          <Form.Item name="matterAddress" label={t.matterAddress} rules={[max(t.matterAddress, LIMITS.addressMax)]}><Input /></Form.Item>
        </Card>

        <Card size="small" title={t.attachments} style={{ marginBottom: 16 }}>
          <div data-testid="reg-upload">
          <Upload.Dragger multiple listType="picture" fileList={files}
            accept={Object.keys(ATTACHMENT_TYPES).join(',')}
            beforeUpload={(file) => {
              if (!ATTACHMENT_TYPES[file.type]) { message.error(`${file.name}: ${t.fileType}`); return Upload.LIST_IGNORE; }
              if (file.size > LIMITS.attachmentMaxBytes) { message.error(`${file.name}: ${t.fileSize}`); return Upload.LIST_IGNORE; }
              return false; // uploaded after the case exists
            }}
            onChange={({ fileList }) => setFiles(fileList.slice(0, LIMITS.attachmentsPerCase))}
            onPreview={(f) => { if (f.originFileObj && f.type?.startsWith('image/')) setPreview(URL.createObjectURL(f.originFileObj)); else if (f.originFileObj) window.open(URL.createObjectURL(f.originFileObj), '_blank'); }}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t.dragHint}</p>
            <p className="ant-upload-hint">{t.dragSub}</p>
          </Upload.Dragger>
          </div>
          {preview && <Image src={preview} alt={t.preview} style={{ display: 'none' }} preview={{ open: true, onOpenChange: (o) => { if (!o) { URL.revokeObjectURL(preview); setPreview(null); } } }} />}
          <Form.Item name="note" label={t.note} style={{ marginTop: 12, marginBottom: 0 }} rules={[max(t.note, LIMITS.reasonMax)]}><Input.TextArea rows={2} /></Form.Item>
        </Card>

        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="register-error" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} size="large" data-testid="register-submit">{t.submit}</Button>
          <Button onClick={startOver} size="large">{t.reset}</Button>
        </Space>
      </Form>
    </div>
  );
}

function PeopleList({ name, t, idRule, mobileRule, need, addLabel, maxCount, testid }: {
  name: string; t: Record<keyof typeof dict.zh, string>; idRule: object; mobileRule: object; need: (f: string) => string; addLabel: string; maxCount: number; testid: string;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, idx) => (
            <Row gutter={8} key={f.key} align="top">
              <Col xs={24} md={6}>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: need(t.name) }]}><Input placeholder={t.name} aria-label={`${t.name} ${idx + 1}`} data-testid={`${testid}-name-${idx}`} /></Form.Item>
              </Col>
              <Col xs={24} md={7}><Form.Item name={[f.name, 'idNumber']} rules={[idRule]}><Input placeholder={t.idNumber} aria-label={`${t.idNumber} ${idx + 1}`} maxLength={18} /></Form.Item></Col>
              <Col xs={20} md={5}><Form.Item name={[f.name, 'mobile']} rules={[mobileRule]}><Input placeholder={t.mobile} aria-label={`${t.mobile} ${idx + 1}`} maxLength={11} /></Form.Item></Col>
              <Col xs={4} md={2}><Button type="text" aria-label="remove" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} /></Col>
            </Row>
          ))}
          {fields.length < maxCount && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })} style={{ marginBottom: 12 }} data-testid={`${testid}-add`}>{addLabel}</Button>}
          {fields.length >= maxCount && maxCount === LIMITS.representativesMax && <Typography.Paragraph type="secondary">{t.maxReps}</Typography.Paragraph>}
        </>
      )}
    </Form.List>
  );
}

interface ReceiptData { result: RegisterResult; title: string; channel: string; at: string; uploadErrors: string[]; suggestions: RoutingSuggestion[]; onlineLookup: boolean }

function Receipt({ t, lang, orgName, receipt, onAnother }: {
  t: Record<keyof typeof dict.zh, string>; lang: 'zh' | 'en'; orgName: string; onAnother: () => void; receipt: ReceiptData;
}) {
  const navigate = useNavigate();
  const r = receipt.result;
  return (
    <div data-testid="receipt-page" style={{ maxWidth: 820 }}>
      <Result className="xf-no-print" status="success" title={t.saved} style={{ padding: '16px 0' }}
        extra={[
          <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="receipt-print">{t.print}</Button>,
          <Button key="open" onClick={() => navigate(`/cases/${r.caseId}`)} data-testid="receipt-open-case">{t.openCase}</Button>,
          <Button key="again" onClick={onAnother}>{t.another}</Button>,
        ]} />
      {r.addedToExisting && <Alert className="xf-no-print" type="info" showIcon title={t.addedToExisting} style={{ marginBottom: 12 }} />}
      {r.repeatOfFinal && r.repeatOfCaseId && (
        <Alert className="xf-no-print" type="warning" showIcon style={{ marginBottom: 12 }} data-testid="receipt-repeat-of-final"
          title={t.repeatOfFinal.replace('{no}', r.repeatOfCaseNo ?? `#${r.repeatOfCaseId}`)} description={t.repeatOfFinalHint}
          action={<Button size="small" onClick={() => navigate(`/cases/${r.repeatOfCaseId}`)}>{t.openEarlier}</Button>} />
      )}
      {receipt.uploadErrors.length > 0 && <Alert className="xf-no-print" type="error" showIcon title={t.uploadFailed} description={receipt.uploadErrors.join('\n')} style={{ marginBottom: 12 }} />}
      <Card className="xf-receipt" title={<div style={{ textAlign: 'center', fontSize: 20 }}>{t.receiptTitle}</div>}>
        <Descriptions column={1} bordered size="middle" styles={{ label: { width: 160 } }}>
          <Descriptions.Item label={t.caseNo}><Typography.Text strong style={{ fontSize: 18 }} data-testid="receipt-case-no">{r.caseNo}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={t.queryCode}><Typography.Text strong style={{ fontSize: 18, letterSpacing: 2 }} data-testid="receipt-query-code">{r.queryCode}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={t.titleField}>{receipt.title}{r.isRepeat && <Tag color="purple" style={{ marginInlineStart: 8 }}>{t.repeatTag}</Tag>}</Descriptions.Item>
          <Descriptions.Item label={t.channel}>{L.channel(receipt.channel, lang)}</Descriptions.Item>
          <Descriptions.Item label={t.receivedOn}>{formatDateTime(receipt.at)}</Descriptions.Item>
          <Descriptions.Item label={t.state}>{L.state(r.state, lang)}</Descriptions.Item>
          {r.acceptDueBy && <Descriptions.Item label={r.state === 'registered' ? t.routeDue : t.acceptDue}>{r.acceptDueBy}</Descriptions.Item>}
          <Descriptions.Item label={t.bureauName}>{orgName}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 16 }} data-testid="receipt-follow-hint">{receipt.onlineLookup ? t.queryHint : t.queryOffline}</Typography.Paragraph>
      </Card>
      {receipt.suggestions.length > 0 && (
        <Card className="xf-no-print" size="small" title={t.suggestion} style={{ marginTop: 16 }} data-testid="routing-suggestions">
          <Space wrap>{receipt.suggestions.filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i).map((s) => <Tag key={s.id} color="blue">{s.name}</Tag>)}</Space>
        </Card>
      )}
    </div>
  );
}
