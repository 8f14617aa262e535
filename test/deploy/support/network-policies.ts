/**
 * Whether one pod may open a TCP connection to another under a set of NetworkPolicies, by the rules
 * of networking.k8s.io/v1: a pod selected by no policy of a direction is open in that direction; a
 * selected pod admits only what some rule of a selecting policy allows; a connection needs the
 * source's egress AND the destination's ingress. Peers are podSelector (same namespace as the
 * policy), namespaceSelector, or both; ipBlock never matches a pod here.
 */
import type { K8sObject } from './render';

export interface Pod { name: string; namespace: string; namespaceLabels: Record<string, string>; labels: Record<string, string> }

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}
interface Peer { podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: unknown }
interface Rule { from?: Peer[]; to?: Peer[]; ports?: { protocol?: string; port?: number | string }[] }

export function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every((e) => {
    switch (e.operator) {
      case 'In': return e.key in labels && (e.values ?? []).includes(labels[e.key]);
      case 'NotIn': return !(e.key in labels) || !(e.values ?? []).includes(labels[e.key]);
      case 'Exists': return e.key in labels;
      case 'DoesNotExist': return !(e.key in labels);
      default: throw new Error(`unknown operator ${(e as { operator: string }).operator}`);
    }
  });
  return byLabel && byExpression;
}

function peerMatches(peer: Peer, policyNamespace: string, pod: Pod): boolean {
  if (peer.ipBlock) return false;
  const namespaceOk = peer.namespaceSelector ? selects(peer.namespaceSelector, pod.namespaceLabels) : pod.namespace === policyNamespace;
  const podOk = peer.podSelector ? selects(peer.podSelector, pod.labels) : true;
  return namespaceOk && podOk;
}

function portMatches(rule: Rule, port: number): boolean {
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some((p) => (p.protocol ?? 'TCP') === 'TCP' && (p.port === undefined || p.port === port));
}

function allowedBy(policies: K8sObject[], direction: 'Ingress' | 'Egress', subject: Pod, peer: Pod, port: number): boolean {
  const applying = policies.filter((p) => (p.metadata.namespace ?? subject.namespace) === subject.namespace
    && (p.spec.policyTypes ?? ['Ingress']).includes(direction)
    && selects(p.spec.podSelector, subject.labels));
  if (applying.length === 0) return true;
  return applying.some((p) => ((direction === 'Ingress' ? p.spec.ingress : p.spec.egress) ?? []).some((rule: Rule) => {
    const peers = direction === 'Ingress' ? rule.from : rule.to;
    const peerOk = !peers || peers.length === 0 || peers.some((x) => peerMatches(x, p.metadata.namespace ?? subject.namespace, peer));
    return peerOk && portMatches(rule, port);
  }));
}

/** Whether `from` may connect to `to` on TCP `port` under `policies` (all namespaces' policies). */
export function mayConnect(policies: K8sObject[], from: Pod, to: Pod, port: number): boolean {
  return allowedBy(policies, 'Egress', from, to, port) && allowedBy(policies, 'Ingress', to, from, port);
}

/** The pods the rendered workloads would run, in the overlay's namespace. */
export function podsOf(objs: K8sObject[]): Pod[] {
  const ns = objs.find((o) => o.kind === 'Namespace')!;
  const namespaceLabels = { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name };
  return objs.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet').map((w) => ({
    name: w.metadata.name, namespace: ns.metadata.name, namespaceLabels, labels: w.spec.template.metadata.labels,
  }));
}
