import { ValidationFailed } from '@sipauth/domain';
import { idAfterToken, pageOf, pageTokenAfter } from './page-token';

const id = (n: number) => `CL${n.toString(16).padStart(32, '0')}`;
const entries = (ns: number[]) => new Map(ns.map((n) => [`acct.a.credential-list.${id(n)}`, { n }]));

describe('keyset paging', () => {
  it('pages in id order whatever order the entries come in, with a token after each page but the last', () => {
    const all = entries([5, 1, 4, 2, 3]);
    const first = pageOf(all, { pageSize: 2 });
    expect(first.items).toEqual([{ n: 1 }, { n: 2 }]);
    const second = pageOf(all, { pageSize: 2, pageToken: first.nextPageToken });
    expect(second.items).toEqual([{ n: 3 }, { n: 4 }]);
    const last = pageOf(all, { pageSize: 2, pageToken: second.nextPageToken });
    expect(last).toEqual({ items: [{ n: 5 }] });
  });

  it('continues after the last id of the page before even when items are added or removed in between', () => {
    const token = pageOf(entries([1, 2, 3, 4]), { pageSize: 2 }).nextPageToken;
    expect(pageOf(entries([0, 3, 4, 9]), { pageSize: 10, pageToken: token }).items).toEqual([{ n: 3 }, { n: 4 }, { n: 9 }]);
  });

  it('defaults to pages of 50 and gives no token when everything fits', () => {
    const all = entries(Array.from({ length: 51 }, (_, i) => i));
    expect(pageOf(all, {}).items).toHaveLength(50);
    expect(pageOf(entries([1]), {})).toEqual({ items: [{ n: 1 }] });
  });

  it('refuses a token it did not write, naming pageToken', () => {
    expect(idAfterToken(pageTokenAfter(id(7)))).toBe(id(7));
    for (const bad of ['', 'x', Buffer.from('p1:not-an-id').toString('base64url'), Buffer.from(`p2:${id(1)}`).toString('base64url'), '%%%']) {
      expect(() => idAfterToken(bad)).toThrow(ValidationFailed);
    }
    try { idAfterToken('nope'); } catch (err) { expect((err as ValidationFailed).details).toEqual([{ field: 'pageToken', message: expect.any(String) }]); }
  });
});
