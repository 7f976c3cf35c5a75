// Which of a case's documents the petitioner gets on the portal, from its public events.
import { describe, expect, it } from 'vitest';
import { documentStands, petitionerDocuments } from './documents.ts';

const ev = (type: string, on: string) => ({ type, on });

describe('petitionerDocuments', () => {
  it('offers each notice once issued and the opinion only once delivered, in the order they came', () => {
    expect(petitionerDocuments([ev('register', '2026-03-02'), ev('forward', '2026-03-03'), ev('accept', '2026-03-05')]))
      .toEqual([{ type: 'accept-notice', on: '2026-03-05' }]);
    expect(petitionerDocuments([ev('accept', '2026-03-05'), ev('approve_extension', '2026-04-20'), ev('deliver', '2026-05-20')]))
      .toEqual([{ type: 'accept-notice', on: '2026-03-05' }, { type: 'extension-notice', on: '2026-04-20' }, { type: 'opinion', on: '2026-05-20' }]);
    expect(petitionerDocuments([ev('divert', '2026-03-04')])).toEqual([{ type: 'decline-notice', on: '2026-03-04' }]);
    // the 督办单 is internal: a supervision gives the petitioner nothing
    expect(petitionerDocuments([ev('supervise', '2026-03-04')])).toEqual([]);
  });

  it('withdraws an opinion revoked on review until the new one is delivered, and dates it by the latest delivery', () => {
    const revoked = [ev('accept', '2026-03-05'), ev('deliver', '2026-03-10'), ev('request_review', '2026-03-20'), ev('redo', '2026-04-10')];
    expect(petitionerDocuments(revoked)).toEqual([{ type: 'accept-notice', on: '2026-03-05' }, { type: 'review-opinion', on: '2026-04-10' }]);
    expect(petitionerDocuments([...revoked, ev('deliver', '2026-04-25')])).toEqual([
      { type: 'accept-notice', on: '2026-03-05' }, { type: 'review-opinion', on: '2026-04-10' }, { type: 'opinion', on: '2026-04-25' },
    ]);
  });

  it('withdraws the review opinion and the answer revoked on re-review, and gives the re-review opinion that says so', () => {
    const reReviewed = [
      ev('accept', '2026-03-05'), ev('deliver', '2026-03-10'), ev('request_review', '2026-03-20'), ev('decide_review', '2026-04-10'),
      ev('request_re_review', '2026-04-20'), ev('redo_re_review', '2026-05-10'),
    ];
    expect(petitionerDocuments(reReviewed)).toEqual([{ type: 'accept-notice', on: '2026-03-05' }, { type: 'rereview-opinion', on: '2026-05-10' }]);
    // the new answer delivered stands again; the revoked review opinion does not come back with it
    expect(petitionerDocuments([...reReviewed, ev('deliver', '2026-06-01')]).map((d) => d.type)).toEqual(['accept-notice', 'rereview-opinion', 'opinion']);
  });
});

describe('documentStands', () => {
  it('holds a document from its issue until an event withdraws it, and again once issued anew', () => {
    const types = ['accept', 'answer', 'deliver', 'request_review', 'decide_review', 'request_re_review', 'redo_re_review'];
    expect(documentStands('accept-notice', types)).toBe(true);
    expect(documentStands('opinion', types)).toBe(false);
    expect(documentStands('review-opinion', types)).toBe(false);
    expect(documentStands('rereview-opinion', types)).toBe(true);
    expect(documentStands('opinion', [...types, 'answer'])).toBe(true);
    expect(documentStands('opinion', ['accept', 'answer', 'send_back'])).toBe(false);
    expect(documentStands('supervision-notice', ['supervise'])).toBe(true);
    expect(documentStands('extension-notice', types)).toBe(false);
  });
});
