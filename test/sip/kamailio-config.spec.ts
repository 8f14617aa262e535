/**
 * deploy/kamailio/kamailio.cfg passes Kamailio's own check (`kamailio -c`) with the defines its
 * launchers pass (scripts/start.js, deploy/kamailio/entrypoint.sh, the bench's local-auth baseline).
 * The check parses and links the script; the *.e2e.spec.ts files here run it for real.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KAMAILIO_BIN, KAMAILIO_CFG } from '../support/sip-edge';

const installed = existsSync(KAMAILIO_BIN) || spawnSync(KAMAILIO_BIN, ['-v']).status === 0;
const maybe = installed || process.env.CI ? describe : describe.skip;

const check = (...defines: string[]) =>
  spawnSync(KAMAILIO_BIN, ['-c', '-f', KAMAILIO_CFG, ...defines.flatMap((d) => ['-A', d])], { encoding: 'utf8' });

maybe('deploy/kamailio/kamailio.cfg', () => {
  it.each([
    ['the defaults', []],
    ['a listen address, an upstream and an evapi address', ['SIP_LISTEN_UDP=udp:127.0.0.1:15099', 'SIP_LISTEN_TCP=tcp:127.0.0.1:15099', 'SIP_UPSTREAM="sip:127.0.0.1:5070"', 'EVAPI_BIND="127.0.0.1:18499"', 'AUTH_TIMEOUT_MS=1500']],
    ['the benchmark baseline (Kamailio\'s own digest auth)', ['WITH_LOCAL_AUTH', 'LOCAL_AUTH_REALM="bench"', 'LOCAL_AUTH_USER="u"', 'LOCAL_AUTH_PASSWORD="p"', 'SIP_UPSTREAM="sip:127.0.0.1:5070"']],
  ])('passes kamailio -c with %s', (_name, defines) => {
    const run = check(...(defines as string[]));
    expect({ status: run.status, out: `${run.stdout}${run.stderr}`.match(/config file ok|ERROR.*/g) }).toEqual({ status: 0, out: ['config file ok'] });
  });

  it('fails kamailio -c on a broken define, so the check is not vacuous', () => {
    expect(check('SIP_LISTEN_UDP=udp:127.0.0.1:notaport').status).not.toBe(0);
  });

  it('ships an entrypoint that is valid sh', () => {
    expect(() => execFileSync('sh', ['-n', join(KAMAILIO_CFG, '..', 'entrypoint.sh')])).not.toThrow();
  });
});
