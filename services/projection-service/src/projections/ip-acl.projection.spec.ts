import { keys } from '@sipauth/contracts';
import { ACCOUNT, ACL, ADDR, NOW, StreamWriter } from '../../test/recorded-events';
import type { ReadModelDoc } from './projection.types';
import { project } from './read-model.projection';

describe('the IP ACL projection of IpAddressRenamed', () => {
  const acl = new StreamWriter(`ipAcl-${ACL}`);
  const history = [
    acl.record('IpAccessControlListCreated', { ipAccessControlListId: ACL, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW }),
    acl.record('IpAddressAdded', { ipAccessControlListId: ACL, ipAddressId: ADDR, friendlyName: 'LAN', ipAddress: '10.1.2.0', cidrPrefixLength: 24, createdAt: NOW }),
    acl.record('IpAddressRenamed', { ipAccessControlListId: ACL, ipAddressId: ADDR, friendlyName: 'Branch LAN' }),
  ];
  const apply = (docs: Map<string, ReadModelDoc>, events = history): Map<string, ReadModelDoc> => {
    for (const event of events) {
      for (const op of project(event, (k) => docs.get(k))) if (op.op === 'put') docs.set(op.key, op.doc);
    }
    return docs;
  };

  it("changes the address's friendly name and keeps its range, and stamps the ACL without changing its count", () => {
    const docs = apply(new Map());
    expect(docs.get(keys.ipAddress(ACCOUNT, ACL, ADDR))).toMatchObject({ friendlyName: 'Branch LAN', ipAddress: '10.1.2.0', cidrPrefixLength: 24, revision: 2 });
    expect(docs.get(keys.ipAcl(ACCOUNT, ACL))).toMatchObject({ friendlyName: 'Office', ipAddressCount: 1, revision: 2 });
  });

  it('applies nothing a second time when the rename is delivered again', () => {
    const docs = apply(new Map());
    expect(project(history[2], (k) => docs.get(k))).toEqual([]);
  });

  it('creates no document for the rename of an address it never saw', () => {
    const docs = apply(new Map(), [history[0]]);
    const ops = project(history[2], (k) => docs.get(k));
    expect(ops.filter((op) => op.op === 'put' && op.key === keys.ipAddress(ACCOUNT, ACL, ADDR))).toEqual([]);
  });
});
