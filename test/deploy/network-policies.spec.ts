/**
 * Reachability between pods under the rendered NetworkPolicies of each overlay, computed from the
 * objects kustomize renders (support/network-policies.ts evaluates them the way the API defines):
 * a pod that must reach NATS can, a pod that must not reach EventStoreDB or the REST API cannot.
 * Pods outside the overlay (EventStoreDB, Prometheus, an ingress controller, dev's in-namespace
 * NATS server) are the ones the manifests' comments ask the operator to run and label.
 */
import { mayConnect, Pod, podsOf, selects } from './support/network-policies';
import { K8sObject, OVERLAYS, renderOverlay } from './support/render';

const rendered = new Map<string, K8sObject[]>(OVERLAYS.map((o) => [o, renderOverlay(o)]));

function outside(name: string, namespace: string, namespaceLabels: Record<string, string>, labels: Record<string, string>): Pod {
  return { name, namespace, namespaceLabels: { ...namespaceLabels, 'kubernetes.io/metadata.name': namespace }, labels };
}
const eventstore = outside('eventstore-0', 'eventstore', {}, { 'app.kubernetes.io/name': 'eventstore' });
const prometheus = outside('prometheus-0', 'monitoring', { 'sipauth.io/metrics-scraper': 'true' }, { 'app.kubernetes.io/name': 'prometheus' });
const ingress = outside('ingress-nginx', 'ingress', { 'sipauth.io/config-api-client': 'true' }, { 'app.kubernetes.io/name': 'ingress-nginx' });
const stranger = outside('stranger', 'other-team', {}, { app: 'stranger' });

describe.each(OVERLAYS)('network reachability in %s', (overlay) => {
  const objs = rendered.get(overlay)!;
  const policies = objs.filter((o) => o.kind === 'NetworkPolicy');
  const pods = podsOf(objs);
  const pod = (name: string) => pods.find((p) => p.name === name) ?? (() => { throw new Error(`no pod ${name}`); })();
  const sipauthPods = pods.filter((p) => p.labels['app.kubernetes.io/part-of'] === 'sipauth' && p.labels['app.kubernetes.io/name'] !== 'nats');
  // prod runs the StatefulSet nats; dev expects a NATS server of its own in the namespace.
  const nats = pods.find((p) => p.name === 'nats')
    ?? { ...pods[0], name: 'nats (dev, in-namespace)', labels: { 'app.kubernetes.io/name': 'nats' } };

  it('denies by default: a policy selects every pod in both directions', () => {
    const catchAll = policies.filter((p) => Object.keys(p.spec.podSelector).length === 0);
    expect(catchAll.flatMap((p) => p.spec.policyTypes).sort()).toEqual(['Egress', 'Ingress']);
    for (const p of pods) expect(policies.some((np) => selects(np.spec.podSelector, p.labels) || Object.keys(np.spec.podSelector).length === 0)).toBe(true);
  });

  it('lets every sipauth pod reach NATS on 4222, including the SIP edge once it is deployed', () => {
    expect(sipauthPods.length).toBeGreaterThanOrEqual(3);
    for (const p of sipauthPods) expect([p.name, mayConnect(policies, p, nats, 4222)]).toEqual([p.name, true]);
  });

  it('keeps NATS from pods of other namespaces, from other pods of its own, and from the cluster port', () => {
    expect(mayConnect(policies, stranger, nats, 4222)).toBe(false);
    const debugPod = { ...pods[0], name: 'debug', labels: { run: 'debug' } };
    expect(mayConnect(policies, debugPod, nats, 4222)).toBe(false);
    for (const p of sipauthPods) expect([p.name, mayConnect(policies, p, nats, 6222)]).toEqual([p.name, false]);
  });

  it('lets only config-service and projection-service reach EventStoreDB', () => {
    const reaching = sipauthPods.filter((p) => mayConnect(policies, p, eventstore, 2113)).map((p) => p.name).sort();
    expect(reaching).toEqual(['config-service', 'projection-service']);
  });

  it('lets the ingress controller, not the other pods, reach the REST API', () => {
    const config = pod('config-service');
    expect(mayConnect(policies, ingress, config, 8080)).toBe(true);
    expect(mayConnect(policies, stranger, config, 8080)).toBe(false);
    for (const p of sipauthPods.filter((x) => x.name !== 'config-service')) expect([p.name, mayConnect(policies, p, config, 8080)]).toEqual([p.name, false]);
  });

  it('lets Prometheus scrape every service, and nothing else reach the metrics ports', () => {
    for (const [name, port] of [['config-service', 8080], ['projection-service', 9465], ['sip-auth-worker', 9464]] as const) {
      expect([name, mayConnect(policies, prometheus, pod(name), port)]).toEqual([name, true]);
      expect([name, mayConnect(policies, stranger, pod(name), port)]).toEqual([name, false]);
    }
  });

  it('lets no sipauth pod call out anywhere but DNS, NATS and EventStoreDB', () => {
    for (const p of sipauthPods) {
      expect([p.name, mayConnect(policies, p, stranger, 443)]).toEqual([p.name, false]);
      expect([p.name, mayConnect(policies, p, pod('sip-auth-worker'), 9464)]).toEqual([p.name, false]);
    }
  });

  if (overlay === 'prod') {
    it('lets the NATS servers route to each other on 6222', () => {
      expect(mayConnect(policies, nats, nats, 6222)).toBe(true);
    });
  }
});

describe('the reachability evaluator itself', () => {
  const a = outside('a', 'ns', {}, { app: 'a' });
  const b = outside('b', 'ns', {}, { app: 'b' });
  const policy = (spec: object): K8sObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'ns' }, spec });

  it('allows everything without policies and nothing under a default deny', () => {
    expect(mayConnect([], a, b, 80)).toBe(true);
    expect(mayConnect([policy({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] })], a, b, 80)).toBe(false);
  });

  it('needs the source’s egress and the destination’s ingress, on the right port', () => {
    const deny = policy({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const egress = policy({ podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'b' } } }], ports: [{ port: 80 }] }] });
    const ingressRule = policy({ podSelector: { matchLabels: { app: 'b' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }], ports: [{ port: 80 }] }] });
    expect(mayConnect([deny, egress], a, b, 80)).toBe(false);
    expect(mayConnect([deny, egress, ingressRule], a, b, 80)).toBe(true);
    expect(mayConnect([deny, egress, ingressRule], a, b, 81)).toBe(false);
    expect(mayConnect([deny, egress, ingressRule], b, a, 80)).toBe(false);
  });

  it('reads a podSelector alone as the policy’s namespace, and a namespaceSelector by namespace labels', () => {
    const elsewhere = outside('a2', 'other', { team: 'x' }, { app: 'a' });
    const onlyB = [policy({ podSelector: { matchLabels: { app: 'b' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }] }] })];
    expect(mayConnect(onlyB, elsewhere, b, 80)).toBe(false);
    const byNamespace = [policy({ podSelector: { matchLabels: { app: 'b' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'x' } } }] }] })];
    expect(mayConnect(byNamespace, elsewhere, b, 80)).toBe(true);
    expect(mayConnect(byNamespace, a, b, 80)).toBe(false);
  });
});
