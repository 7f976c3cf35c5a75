// The petitioner's review window on an archived matter follows what last stands on it.
import { describe, expect, it } from 'vitest';
import { presentPortalCase, type PortalCaseRow } from './portal-presenter.ts';

const row = (over: Partial<PortalCaseRow>): PortalCaseRow => ({
  id: 1, petitioner_id: 1, case_no: 'XF2026-000001', title: '反映社保补缴', kind: 'claim', channel: 'visit', state: 'archived',
  received_on: '2026-03-02', handling_org_id: 2, route_due: null, accept_due: null, objection_due: null, answer_due: '2026-05-01',
  review_request_due: '2026-06-10', evaluation_due: null, review_due: null, re_review_request_due: null, re_review_due: null,
  delivered_on: '2026-05-11', is_evaluated_at_stage: false, review_outcome: null, re_review_outcome: null, ...over,
} as PortalCaseRow);
const windowOf = (over: Partial<PortalCaseRow>) => presentPortalCase(row(over), [], { public: [], mine: [] }, '县人力资源和社会保障局', '2026-07-20').review;

describe('the review window of an archived matter', () => {
  it('is the review request after an answer, and after a new answer ordered by a review that revoked the old one (撤销重办)', () => {
    expect(windowOf({})).toMatchObject({ action: 'request_review', lastDay: '2026-06-10', isOpen: false });
    expect(windowOf({ review_outcome: 'revoked' })).toMatchObject({ action: 'request_review', lastDay: '2026-06-10', isOpen: false });
  });

  it('is the re-review request after a review that upheld or changed the answer, and none after a re-review (终结)', () => {
    expect(windowOf({ review_outcome: 'maintained', re_review_request_due: '2026-06-30' })).toMatchObject({ action: 'request_re_review', lastDay: '2026-06-30' });
    expect(windowOf({ review_outcome: 'maintained', re_review_outcome: 'maintained' })).toMatchObject({ action: null, closedCode: 'FINAL_NOT_REACCEPTED' });
  });
});
