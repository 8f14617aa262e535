import { SipEdge, startSipEdgeUnderTest } from '../support/sip-edge';
import { expectSippExit, runSippUac } from './sipp-run';

const USER = { username: 'alice', password: 'Secret-Pass-123' };
let edge: SipEdge;
let target: string;

beforeAll(async () => {
  edge = await startSipEdgeUnderTest();
  target = `${edge.host}:${edge.port}`;
}, 60_000);
afterAll(() => edge?.close());

describe('sipp through the Kamailio edge', () => {
  it('completes a call with MD5 proxy authentication: 407, INVITE with credentials, 200, ACK, BYE', async () => {
    const { domain } = await edge.createTrunk({ credentials: USER, algorithms: ['MD5', 'SHA-256'] });
    const run = await runSippUac({ scenario: 'uac-auth.xml', target, domain, ...USER });
    expectSippExit(run, 0, edge.kamailioLog());
  });
});
