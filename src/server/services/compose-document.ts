// Composes a case's printable documents (文书) from the case and its events, in the usual layout of
// an official letter: issuing body, number 〔year〕n号, title, addressee, body, date and seal. The
// same composition feeds the web page and the PDF, so the two always say the same thing.
import { AppError } from '../../shared/errors.ts';
import { CHANNEL_LABELS, OUTCOME_LABELS, PROCEDURE_LABELS, REVIEW_OUTCOME_LABELS, type Channel, type Outcome, type Procedure, type ReviewOutcome } from '../../shared/enums.ts';
import { chineseDate, DOCUMENT_SOURCE_EVENTS, DOCUMENT_WITHDRAWN_BY, DOCUMENT_TITLES, textDate, type DocumentType } from '../../shared/documents.ts';
import { localDate } from '../../domain/calendar.ts';
import type { Limit, TimeLimitProfile } from '../../domain/deadlines.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { assertCanViewCase, isAccusedViewer } from '../policies/case-policy.ts';
import { findCase } from '../repositories/cases.ts';
import { findOrg } from '../repositories/organisations.ts';
import { findPetitioner } from '../repositories/petitioners.ts';
import { countEventsIssued, countNoticesIssued, listCaseNotices, listDocumentEvents, type DocumentEvent } from '../repositories/documents.ts';
import { insertAudit } from '../repositories/audit.ts';
import { loadRules } from './load-rules.ts';

export interface ComposedDocument {
  type: DocumentType;
  caseId: number;
  caseNo: string;
  /** 发文机关: the issuing body, printed in red at the head. */
  issuer: string;
  /** 发文字号, e.g. 信受〔2026〕3号. */
  number: string;
  title: string;
  /** 主送: the petitioner (or the body supervised, forwarded or assigned to), ending in "：". */
  addressee: string;
  /** Form rows printed as a table under the addressee (the papers to another body: 督办单, 转送单, 交办单, 指定受理通知). */
  fields: { label: string; value: string }[];
  paragraphs: string[];
  /** Closing formula such as 特此告知。, or null. */
  closing: string | null;
  /** Date of issue, 'YYYY-MM-DD', and in Chinese numerals for the signature. */
  date: string;
  dateText: string;
  /** Whether it names the petitioner or carries their query code (its views are audited). */
  hasPersonalData: boolean;
}

/** What a document is composed from: facts of the case, the event it is issued after, the bodies. */
export interface DocumentFacts {
  type: DocumentType;
  caseId: number;
  caseNo: string;
  title: string;
  content: string;
  channel: string;
  receivedOn: string;
  queryCode: string | null;
  petitionerName: string | null;
  headcount: number;
  isCollective: boolean;
  acceptedOn: string | null;
  handlingOrgName: string | null;
  issuerName: string;
  issuedOn: string;
  /** n in 〔year〕n号. */
  ordinal: number;
  /** The source event's recorded facts (reason, outcome, text, days, dues...). */
  data: Record<string, unknown>;
  /** Review and re-review: the petitioner's request (its date and reason). */
  request: { on: string; reason: string } | null;
  /** The body one level up where the petitioner may ask for review or re-review (Art 35, 36). */
  nextBodyName: string | null;
  /** Opinion: the co-handling bodies that took part with the lead (Art 24). */
  coOrgNames?: string[];
  profile: TimeLimitProfile;
  /** Supervision notice: the body supervised, the demand and its due date. */
  notice: { targetName: string; text: string; dueOn: string } | null;
  /** The papers to another body (转送单, 交办单, 指定受理通知): an accusation is to be kept from the accused. */
  isAccusation?: boolean;
}

const NUMBER_PREFIX: Record<DocumentType, string> = {
  'accept-notice': '信受', 'decline-notice': '信不受', 'extension-notice': '信延', opinion: '信处',
  'review-opinion': '信复查', 'rereview-opinion': '信复核', 'supervision-notice': '信督', 'forward-sheet': '信转', 'assign-sheet': '信交', 'designation-notice': '信指',
};

const CONTENT_MAX = 400;
/** What a paper sending an accusation to another body says of its secrecy ([T22] Art 30). */
const ACCUSATION_SECRECY = '本事项为检举控告类事项。请严格保密，不得将检举控告材料及检举控告人的情况透露或者转送给被检举控告的人员和单位（《信访工作条例》第三十条）。';
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
/** A list of names recorded on an event (the co-handling bodies), or none. */
const namesOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : []);
const limitText = (l: Limit) => `${l.days}${l.unit === 'working' ? '个工作日' : '日'}`;
const summary = (s: string) => (s.length > CONTENT_MAX ? `${s.slice(0, CONTENT_MAX)}……` : s);

const OUTCOME_TEXT: Record<Outcome, string> = {
  // [T22] Art 32: the three answers to a claim
  upheld: '请求事实清楚，符合法律、法规、规章或者其他有关规定，本机关予以支持',
  explained: '请求事出有因但无明确法律、法规、规章或者其他有关规定作为依据，本机关向你做好解释说明工作',
  not_upheld: '请求缺乏事实根据或者不符合法律、法规、规章或者其他有关规定，本机关不予支持',
};

/** Composes the text of one document; pure, so every wording rule is unit-tested. */
export function composeDocument(f: DocumentFacts): ComposedDocument {
  const you = f.isCollective || f.headcount > 1 ? '你们' : '你';
  const who = f.petitionerName ? (f.isCollective && f.headcount > 1 ? `${f.petitionerName}等${f.headcount}人` : f.petitionerName) : '信访人';
  const channel = CHANNEL_LABELS[f.channel as Channel]?.[0] ?? f.channel;
  const matter = `${you}于${textDate(f.receivedOn)}通过${channel}方式反映的“${f.title}”信访事项（事项编号：${f.caseNo}）`;
  const year = f.issuedOn.slice(0, 4);
  const base = {
    type: f.type, caseId: f.caseId, caseNo: f.caseNo, issuer: f.issuerName, number: `${NUMBER_PREFIX[f.type]}〔${year}〕${f.ordinal}号`,
    title: DOCUMENT_TITLES[f.type][0], date: f.issuedOn, dateText: chineseDate(f.issuedOn), fields: [] as { label: string; value: string }[],
  };
  const toPetitioner = { ...base, addressee: `${who}：`, hasPersonalData: f.petitionerName !== null || f.queryCode !== null };
  const nextBody = f.nextBodyName ?? '上一级行政机关';

  switch (f.type) {
    case 'accept-notice': {
      const p = [
        `${matter}，经审查，属于本机关职责范围，本机关已于${textDate(f.issuedOn)}依法受理。`,
        `根据《信访工作条例》第三十四条的规定，本机关将自受理之日起${limitText(f.profile.answer)}内办结，并向${you}出具书面处理意见；情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不超过${f.profile.extensionMaxDays}日，并告知${you}延期理由。`,
      ];
      if (f.queryCode) p.push(`${you}可凭查询码 ${f.queryCode} 和手机号码或者身份证号码的后四位登录网上信访系统，查询办理进展，下载本机关出具的告知书和意见书，并在收到处理意见后对办理情况进行满意度评价。`);
      return { ...toPetitioner, paragraphs: p, closing: '特此告知。' };
    }
    case 'decline-notice': {
      const reason = str(f.data.reason).replace(/[。.]$/, '');
      const procedure = str(f.data.procedure);
      const channelTo = str(f.data.properChannel);
      const p: string[] = [];
      if (procedure) {
        const label = PROCEDURE_LABELS[procedure as Procedure]?.[0] ?? procedure;
        p.push(`${matter}，经审查，${reason}，属于应当通过${label}等法定途径解决的事项。根据《信访工作条例》第三十一条的规定，本机关不再按照信访程序受理。`);
      } else if (str(f.data.basis) === 'final_repeat' || str(f.data.code) === 'FINAL_NOT_REACCEPTED') {
        // Art 36: declined by staff on that ground (the case was marked at registration), or, before, by
        // the system at registration; the staff's own words stay on the case as its decline reason
        p.push(`${matter}，经审查，该事项已经复核终结。根据《信访工作条例》第三十六条的规定，信访人对复核意见不服，仍然以同一事实和理由提出投诉请求的，不再受理。`);
      } else {
        p.push(`${matter}，经审查，${reason}。根据《信访工作条例》第二十三条的规定，本机关决定不予受理。`);
      }
      if (channelTo) p.push(`${you}可以依照有关法律、法规的规定，向${channelTo.replace(/^向/, '').replace(/[。.]$/, '')}提出。`);
      return { ...toPetitioner, paragraphs: p, closing: '特此告知。' };
    }
    case 'extension-notice': {
      const dues = (f.data.dues ?? {}) as Record<string, unknown>;
      const newDue = str(dues.answer);
      const reason = str(f.data.reason).replace(/[。.]$/, '');
      const p = [
        `${matter}，本机关已于${f.acceptedOn ? textDate(f.acceptedOn) : '前期'}依法受理。因${reason}，不能在规定期限内办结。`,
        `根据《信访工作条例》第三十四条的规定，经本机关负责人批准，办理期限延长${str(f.data.days)}日${newDue ? `，至${textDate(newDue)}前办结并出具书面处理意见` : ''}。`,
      ];
      return { ...toPetitioner, paragraphs: p, closing: '特此告知。' };
    }
    case 'opinion': {
      const outcome = str(f.data.outcome) as Outcome;
      const p = [
        `${matter}，本机关已于${f.acceptedOn ? textDate(f.acceptedOn) : '前期'}依法受理。经${f.coOrgNames?.length ? `会同${f.coOrgNames.join('、')}` : ''}调查核实，现将处理意见告知如下：`,
        `一、反映的主要问题。${summary(f.content)}`,
        `二、调查核实情况及处理依据。${str(f.data.text)}`,
        `三、处理意见。根据《信访工作条例》第三十二条的规定，${you}的${OUTCOME_TEXT[outcome] ?? OUTCOME_LABELS[outcome]?.[0] ?? outcome}。`,
        `如对本处理意见不服，可以自收到本意见书之日起${limitText(f.profile.reviewRequest)}内，向${nextBody}书面提出复查申请（《信访工作条例》第三十五条）。`,
      ];
      return { ...toPetitioner, paragraphs: p, closing: null };
    }
    case 'review-opinion':
    case 'rereview-opinion': {
      const isReview = f.type === 'review-opinion';
      const outcome = str(f.data.outcome) as ReviewOutcome;
      const verdict = REVIEW_OUTCOME_LABELS[outcome]?.[0] ?? outcome;
      const what = isReview ? `${f.handlingOrgName ?? '原办理机关'}作出的信访事项处理意见` : '复查意见';
      // 撤销重办: the answer (on re-review, the review opinion too) is revoked and the body that gave it answers
      // again by the day set. Only a redo event names that body: a re-review decided as revoked before that was
      // its own action stays worded as it was decided
      const redoDue = str(((f.data.dues ?? {}) as Record<string, unknown>).answer);
      const isRedo = outcome === 'revoked' && (isReview || typeof f.data.handlingOrgName === 'string');
      const redoBody = str(f.data.handlingOrgName) || f.handlingOrgName || '原办理机关';
      const p = [
        `${you}不服${what}（事项编号：${f.caseNo}，事项：“${f.title}”），于${f.request ? textDate(f.request.on) : '法定期限内'}向本机关提出${isReview ? '复查申请' : '复核请求'}。本机关依法进行了${isReview ? '复查' : '复核'}，现将${isReview ? '复查' : '复核'}意见告知如下：`,
        `一、${isReview ? '复查' : '复核'}请求。${f.request?.reason ?? ''}`,
        `二、${isReview ? '复查' : '复核'}认定的事实及依据。${str(f.data.text)}`,
        isRedo
          ? `三、${isReview ? '复查' : '复核'}意见。根据《信访工作条例》第${isReview ? '三十五' : '三十六'}条的规定，本机关决定：撤销${isReview ? '' : '复查意见和'}${redoBody}作出的信访事项处理意见，由${redoBody}重新办理${redoDue ? `，于${textDate(redoDue)}前` : '并'}重新作出处理意见，书面答复${you}。`
          : `三、${isReview ? '复查' : '复核'}意见。根据《信访工作条例》第${isReview ? '三十五' : '三十六'}条的规定，本机关决定：${verdict}${isReview ? '原处理意见' : '复查意见'}。`,
        isRedo
          ? `${you}对重新作出的处理意见不服的，可以自收到之日起${limitText(f.profile.reviewRequest)}内，依照《信访工作条例》第三十五条的规定书面提出复查申请。`
          : isReview
          ? `如对本复查意见不服，可以自收到本意见书之日起${limitText(f.profile.reReviewRequest)}内，向${nextBody}书面提出复核请求（《信访工作条例》第三十六条）。`
          : '本复核意见为终结意见。信访人对复核意见不服，仍然以同一事实和理由提出投诉请求的，各级信访工作机构和其他行政机关不再受理（《信访工作条例》第三十六条）。',
      ];
      return { ...toPetitioner, paragraphs: p, closing: null };
    }
    case 'forward-sheet':
    case 'assign-sheet': {
      // the bureau's paper to the receiving body: the matter, the petitioner (the receiver answers them),
      // and what it must do by when; an assigned matter's result is reported back to the bureau
      const target = str(f.data.targetOrgName);
      const co = namesOf(f.data.coOrgNames);
      const note = str(f.data.note).trim().replace(/[。.]$/, '');
      const isForward = f.type === 'forward-sheet';
      const matterRef = `“${f.title}”信访事项（事项编号：${f.caseNo}）`;
      const paragraphs = [
        isForward
          ? `现将${matterRef}转送你单位。根据《信访工作条例》第二十二条、第二十三条的规定，请你单位自收到之日起${limitText(f.profile.accept)}内决定是否受理，并书面告知信访人；受理的，自受理之日起${limitText(f.profile.answer)}内办结，出具书面处理意见。`
          : `现将${matterRef}交由你单位办理。根据《信访工作条例》第二十二条的规定，请你单位自收到之日起${limitText(f.profile.accept)}内决定是否受理，并书面告知信访人；受理的，自受理之日起${limitText(f.profile.answer)}内办结，出具书面处理意见，并将办理结果报送${f.issuerName}。`,
        `认为不属于你单位职责范围的，请自收到之日起${limitText(f.profile.objection)}内向${f.issuerName}提出异议，并详细说明理由（《信访工作条例》第二十三条）。`,
      ];
      if (co.length) paragraphs.push(`本事项涉及${co.join('、')}，由你单位牵头办理，${co.join('、')}协同办理（《信访工作条例》第二十四条）。`);
      if (f.isAccusation) paragraphs.push(ACCUSATION_SECRECY);
      if (note) paragraphs.push(`${isForward ? '转送' : '交办'}意见：${note}。`);
      return {
        ...base, addressee: `${target}：`, hasPersonalData: f.petitionerName !== null,
        fields: [
          { label: '事项编号', value: f.caseNo },
          { label: '信访人', value: who },
          { label: '信访形式', value: `${channel}（${textDate(f.receivedOn)}收到）` },
          { label: '信访事项', value: f.title },
          { label: '主要内容', value: summary(f.content) },
          ...(co.length ? [{ label: '协办单位', value: co.join('、') }] : []),
          { label: isForward ? '转送单位' : '交办单位', value: f.issuerName },
        ],
        paragraphs,
        closing: null,
      };
    }
    case 'designation-notice': {
      // [T22] Art 24: the bodies concerned did not agree who accepts; their common superior decides, and
      // the body designated may not object again
      const target = str(f.data.targetOrgName);
      const co = namesOf(f.data.coOrgNames);
      const reason = str(f.data.reason).trim().replace(/[。.]$/, '');
      const paragraphs = [
        `“${f.title}”信访事项（事项编号：${f.caseNo}）涉及多个机关、单位，受理有争议。根据《信访工作条例》第二十四条的规定，经研究，指定由你单位受理${co.length ? `，${co.join('、')}协同办理` : ''}。`,
        `请你单位自收到本通知之日起${limitText(f.profile.accept)}内依法受理，书面告知信访人，并自受理之日起${limitText(f.profile.answer)}内办结，出具书面处理意见。本事项为指定受理事项，不再提出异议。`,
      ];
      if (reason) paragraphs.push(`指定理由：${reason}。`);
      if (f.isAccusation) paragraphs.push(ACCUSATION_SECRECY);
      return {
        ...base, addressee: `${target}：`, hasPersonalData: f.petitionerName !== null,
        fields: [
          { label: '事项编号', value: f.caseNo },
          { label: '信访人', value: who },
          { label: '信访事项', value: f.title },
          { label: '受理单位', value: target },
          ...(co.length ? [{ label: '协办单位', value: co.join('、') }] : []),
          { label: '指定单位', value: f.issuerName },
        ],
        paragraphs,
        closing: null,
      };
    }
    case 'supervision-notice': {
      const n = f.notice!;
      return {
        ...base, addressee: `${n.targetName}：`, hasPersonalData: false,
        fields: [
          { label: '事项编号', value: f.caseNo },
          { label: '信访事项', value: f.title },
          { label: '承办单位', value: n.targetName },
          { label: '督办事由', value: n.text },
          { label: '办结时限', value: textDate(n.dueOn) },
          { label: '督办单位', value: f.issuerName },
        ],
        paragraphs: [
          `现将“${f.title}”信访事项（事项编号：${f.caseNo}）列为督办事项。根据《信访工作条例》第四十条的规定，请你单位高度重视，依法依规抓紧办理，于${textDate(n.dueOn)}前将办理情况和结果书面报送${f.issuerName}。`,
          `督办要求：${n.text.replace(/[。.]$/, '')}。`,
          '逾期未报送或者办理不到位的，将按照有关规定予以通报，并视情况提出追责问责建议。',
        ],
        closing: null,
      };
    }
  }
}

async function nextBodyOf(db: Executor, orgId: number | null): Promise<string | null> {
  // one level up: the parent body; a petition bureau's decisions go to its government's parent
  const from = orgId ? await findOrg(db, orgId) : undefined;
  let parent = from?.parent_id ? await findOrg(db, from.parent_id) : undefined;
  if (parent && from?.kind === 'petition_bureau' && parent.parent_id) parent = await findOrg(db, parent.parent_id);
  return parent?.name ?? null;
}

const jsonOf = (d: unknown) => ((typeof d === 'string' ? JSON.parse(d) : d) ?? {}) as Record<string, unknown>;

/**
 * A document of a case for a staff member. The case-view policy applies (own body and below), an
 * accused body never gets an accusation's documents ([T22] Art 30), a document exists only once the
 * case has reached its step, and every view of a document naming the petitioner is audited.
 */
export async function composeCaseDocument(ctx: AppContext, actor: Actor, caseId: number, type: DocumentType, opts: { noticeId?: number; ip?: string; format: 'json' | 'pdf' }): Promise<ComposedDocument> {
  const c = await findCase(ctx.db, caseId);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  assertCanViewCase(actor, c);
  if (isAccusedViewer(actor, c)) throw new AppError('DOCUMENT_ACCUSED_BODY');
  const doc = await composeFromCase(ctx, c, type, opts.noticeId);
  if (doc.hasPersonalData) {
    await insertAudit(ctx.db, [{
      at: ctx.clock.now(), actorUserId: actor.userId, actorKind: 'staff', action: `document.${opts.format}`, caseId: c.id,
      petitionerId: c.petitioner_id, ip: opts.ip ?? null, detail: { type, number: doc.number },
    }]);
  }
  return doc;
}

type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** A document composed from a case already read and checked by the caller; throws
 * DOCUMENT_NOT_AVAILABLE while the case has not reached the document's step. */
export async function composeFromCase(ctx: AppContext, c: CaseRecord, type: DocumentType, noticeId?: number, read?: readonly DocumentEvent[]): Promise<ComposedDocument> {
  const db = ctx.db;
  const caseId = c.id;
  // the case's events, unless the caller has read them already
  const events = read ?? await listDocumentEvents(db, caseId);
  const last = (types: readonly string[]) => [...events].reverse().find((e) => types.includes(e.type));
  let issuerName: string;
  let issuedOn: string;
  let ordinal: number;
  let data: Record<string, unknown> = {};
  let request: DocumentFacts['request'] = null;
  let nextBodyName: string | null = null;
  let notice: DocumentFacts['notice'] = null;

  if (type === 'supervision-notice') {
    const notices = await listCaseNotices(db, caseId);
    const n = noticeId ? notices.find((x) => x.id === noticeId) : notices[0];
    if (!n) throw new AppError(noticeId ? 'DOCUMENT_NOTICE_NOT_FOUND' : 'DOCUMENT_NOT_AVAILABLE', { type });
    issuedOn = localDate(new Date(n.issued_at));
    issuerName = n.issuer_name;
    ordinal = await countNoticesIssued(db, { issuerOrgId: n.issuer_org_id, year: Number(issuedOn.slice(0, 4)), upToId: n.id });
    notice = { targetName: n.target_name, text: n.text, dueOn: n.due_on };
  } else {
    const source = last(DOCUMENT_SOURCE_EVENTS[type]);
    if (!source) throw new AppError('DOCUMENT_NOT_AVAILABLE', { type, state: c.state });
    // an answer sent back for rework (退回重办), or revoked on review or re-review (撤销重办), is no longer the body's
    // opinion; nor is a review opinion revoked on re-review
    const withdrawnBy = DOCUMENT_WITHDRAWN_BY[type] ?? [];
    if (events.some((e) => withdrawnBy.includes(e.type) && e.id > source.id)) throw new AppError('DOCUMENT_NOT_AVAILABLE', { type, state: c.state });
    data = jsonOf(source.data);
    issuedOn = localDate(new Date(source.at));
    ordinal = await countEventsIssued(db, { types: [source.type], orgId: source.actor_org_id, year: Number(issuedOn.slice(0, 4)), upToEventId: source.id });
    let issuerOrgId: number | null = source.actor_org_id;
    if (type === 'accept-notice' || type === 'extension-notice' || type === 'opinion') issuerOrgId = c.handling_org_id ?? issuerOrgId;
    if (type === 'review-opinion' || type === 'rereview-opinion') {
      const req = [...events].reverse().find((e) => e.type === (type === 'review-opinion' ? 'request_review' : 'request_re_review') && e.id < source.id);
      if (req) {
        const rd = jsonOf(req.data);
        request = { on: localDate(new Date(req.at)), reason: str(rd.reason) };
        if (typeof rd.reviewOrgId === 'number') issuerOrgId = rd.reviewOrgId;
      }
    }
    const issuer = issuerOrgId ? await findOrg(db, issuerOrgId) : undefined;
    issuerName = issuer?.name ?? source.actor_org_name ?? '';
    if (type === 'opinion') nextBodyName = await nextBodyOf(db, c.handling_org_id ?? issuerOrgId);
    if (type === 'review-opinion') nextBodyName = await nextBodyOf(db, issuerOrgId);
  }

  const [petitioner, handlingOrg, rules, coOrgs] = await Promise.all([
    c.petitioner_id ? findPetitioner(db, c.petitioner_id) : undefined,
    c.handling_org_id ? findOrg(db, c.handling_org_id) : undefined,
    loadRules(ctx),
    type === 'opinion' ? Promise.all(c.co_org_ids.map((id) => findOrg(db, id))) : [],
  ]);
  return composeDocument({
    type, caseId: c.id, caseNo: c.case_no, title: c.title, content: c.content, channel: c.channel, receivedOn: c.received_on,
    queryCode: type === 'accept-notice' && (petitioner?.mobile || petitioner?.id_number) ? c.query_code : null, petitionerName: petitioner?.name ?? null, headcount: c.headcount,
    isCollective: c.is_collective, acceptedOn: c.accepted_on, handlingOrgName: handlingOrg?.name ?? null, issuerName, issuedOn, ordinal,
    data, request, nextBodyName, profile: rules.profile, notice, coOrgNames: coOrgs.flatMap((o) => (o ? [o.name] : [])),
    isAccusation: c.kind === 'accusation',
  });
}
