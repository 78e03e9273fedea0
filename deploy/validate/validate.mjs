#!/usr/bin/env node
// Validates deploy/k8s offline: renders the Kustomize base and every overlay (kustomize.mjs),
// checks each object against its Kubernetes or Strimzi JSON schema (kubernetes-models), and
// checks that the manifests agree with the code: every service and the console, their ports and probes,
// every Kafka topic the code names, Secrets, and the Ingress backends.
//
//   node validate.mjs [--root <repo root>]   validate; last line "N passed, M failed"
//   node validate.mjs --self-test            feed broken variants in memory; each must be caught
//   node validate.mjs --print <base|dev|prod> print the rendered manifests
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { build, gvk, idOf, parseYamlDocs, RenderError, splitImage } from './kustomize.mjs';
import { RealFs, OverlayFs, walkFiles } from './vfs.mjs';
import { compactedTopics, expectedPort, frontendDirs, outboundHttp, scanTopics, serviceDirs, serviceSettings, TOPICS_JAVA } from './code.mjs';
import { checkNetworkPolicies } from './network.mjs';
import { strictFieldErrors } from './strict.mjs';

const K8S = 'deploy/k8s';
const BASE = `${K8S}/base`;
const NAMESPACE = 'mercato';
const LIVE = '/q/health/live';
const READY = '/q/health/ready';
const STARTED = ['/q/health/started', LIVE];
// Only the dev overlay may carry Secret values (obviously-dev ones, from its secretGenerator).
const SECRETS_ALLOWED = new Set(['dev']);
const SECRETISH = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|CREDENTIAL|PRIVATE_?KEY/i;

// ---------------------------------------------------------------------------------------------
// Schema validation with kubernetes-models (Kubernetes) and @kubernetes-models/strimzi-kafka-operator.

const modelCache = new Map();

async function modelFor(apiVersion, kind) {
  const { group, version } = gvk({ apiVersion });
  if (!/^[a-z0-9.-]*$/.test(group) || !/^v\d+((alpha|beta)\d+)?$/.test(version) || !/^[A-Z]\w*$/.test(String(kind))) return null;
  const spec = group.endsWith('.strimzi.io')
    ? `@kubernetes-models/strimzi-kafka-operator/${group}/${version}`
    : group ? `kubernetes-models/${group}/${version}` : 'kubernetes-models/v1';
  if (!modelCache.has(spec)) modelCache.set(spec, import(spec).catch(() => null));
  const mod = await modelCache.get(spec);
  const cls = mod?.[kind];
  return typeof cls === 'function' && cls.kind === kind && cls.apiVersion === apiVersion ? cls : null;
}

function plain(obj) {
  const out = structuredClone(obj);
  delete out.__source;
  delete out.__generated;
  return out;
}

async function schemaErrors(obj) {
  const Model = await modelFor(obj.apiVersion, obj.kind);
  if (!Model) return [`${obj.apiVersion} ${obj.kind} is not a known kind`];
  try {
    new Model(plain(obj)).validate();
    return [];
  } catch (e) {
    const errs = Array.isArray(e.errors) && e.errors.length
      ? e.errors.map((x) => `${x.instancePath || '/'} ${x.message ?? x.keyword}`)
      : [e.message];
    return [...new Set(errs)];
  }
}

// ---------------------------------------------------------------------------------------------
// Checks. Each returns nothing; results are collected by a Checker.

class Checker {
  constructor() { this.results = []; this.infos = []; }
  check(name, problems) {
    const list = (Array.isArray(problems) ? problems : [problems]).filter(Boolean);
    this.results.push({ name, ok: list.length === 0, detail: list.join('; ') });
  }
  info(text) { this.infos.push(text); }
}

function find(objects, kind, name) {
  return objects.find((o) => o.kind === kind && o.metadata?.name === name);
}

function podSpec(dep) { return dep?.spec?.template?.spec ?? {}; }

function mainContainer(dep, service) {
  const cs = podSpec(dep).containers ?? [];
  return cs.find((c) => c.name === service) ?? cs[0];
}

function selectorMatches(selector, labels) {
  if (!selector || !Object.keys(selector).length) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** Resolves a probe/Service port (number or name) to a number via the container's ports. */
function resolvePort(port, container) {
  if (typeof port === 'number') return port;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  return (container?.ports ?? []).find((p) => p.name === port)?.containerPort;
}

function shortName(service) { return service.replace(/-service$/, ''); }

/**
 * A service's (or, frontend true, the console's) Deployment, Service, ConfigMap, HPA and PDB. A frontend has no
 * database and no Kafka, and keeps sessions in memory: no HPA, whose scale-down would sign users out.
 */
function checkService(c, target, objects, service, expected, frontend = false) {
  const dep = find(objects, 'Deployment', service);
  const svc = find(objects, 'Service', service);
  const cm = find(objects, 'ConfigMap', `${service}-config`);
  const hpa = find(objects, 'HorizontalPodAutoscaler', service);
  const pdb = find(objects, 'PodDisruptionBudget', service);
  const pre = `[${target}] ${service}`;

  // resources and how they refer to each other
  const missing = [['Deployment', dep], ['Service', svc], [`ConfigMap ${service}-config`, cm],
    ...(frontend ? [] : [['HorizontalPodAutoscaler', hpa]]), ['PodDisruptionBudget', pdb]].filter(([, o]) => !o).map(([k]) => `missing ${k}`);
  const podLabels = dep?.spec?.template?.metadata?.labels;
  const refs = [];
  if (dep && !selectorMatches(dep.spec?.selector?.matchLabels, podLabels)) refs.push('Deployment selector does not match its pod labels');
  if (svc && dep && !selectorMatches(svc.spec?.selector, podLabels)) refs.push('Service selector does not select the pods');
  if (pdb && dep && !selectorMatches(pdb.spec?.selector?.matchLabels, podLabels)) refs.push('PodDisruptionBudget selector does not select the pods');
  if (hpa && frontend) refs.push('has a HorizontalPodAutoscaler: its sessions live in memory, and a scale-down signs out the users of the pods it removes');
  else if (hpa) {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    if (ref.kind !== 'Deployment' || ref.name !== service) refs.push(`HPA scales ${ref.kind}/${ref.name}, not Deployment/${service}`);
    if (!(hpa.spec?.metrics ?? []).some((m) => m.type === 'Resource' && m.resource?.name === 'cpu')) refs.push('HPA has no CPU metric');
    if (!(hpa.spec?.minReplicas >= 1 && hpa.spec.maxReplicas >= hpa.spec.minReplicas)) refs.push(`HPA bounds ${hpa.spec?.minReplicas}..${hpa.spec?.maxReplicas} are not valid`);
  }
  c.check(`${pre} resources: Deployment, Service, ConfigMap, ${frontend ? 'PDB present and wired, no HPA (sessions in memory)' : 'HPA, PDB present and wired'}`, [...missing, ...refs]);
  if (!dep) return;

  // port: container, Service, ConfigMap and application.properties agree
  const ctr = mainContainer(dep, service);
  const portProblems = [];
  if (expected.error) portProblems.push(expected.error);
  const want = expected.port;
  const http = (ctr?.ports ?? []).find((p) => p.name === 'http') ?? (ctr?.ports ?? [])[0];
  if (!http) portProblems.push('container declares no port');
  else if (want && http.containerPort !== want) portProblems.push(`containerPort ${http.containerPort} != ${want}`);
  const scrape = dep.spec?.template?.metadata?.annotations?.['prometheus.io/port'];
  if (want && scrape !== undefined && scrape !== String(want)) portProblems.push(`prometheus.io/port annotation ${scrape} != ${want}`);
  const sp = (svc?.spec?.ports ?? []).find((p) => p.name === 'http');
  if (svc && !sp) portProblems.push("Service has no port named 'http'");
  if (sp && want) {
    if (sp.port !== want) portProblems.push(`Service port ${sp.port} != ${want}`);
    const tp = resolvePort(sp.targetPort ?? sp.port, ctr);
    if (tp !== want) portProblems.push(`Service targetPort ${sp.targetPort} (-> ${tp}) != ${want}`);
  }
  const cmPort = cm?.data?.QUARKUS_HTTP_PORT;
  if (cm && want && cmPort !== String(want)) portProblems.push(`ConfigMap QUARKUS_HTTP_PORT ${JSON.stringify(cmPort)} != "${want}"`);
  c.check(`${pre} port ${want ?? '?'} (${expected.source ?? 'unknown'}) = containerPort = Service port/targetPort = QUARKUS_HTTP_PORT`, portProblems);

  // probes
  const probeProblems = [];
  const probe = (kind, paths) => {
    const p = ctr?.[kind];
    if (!p?.httpGet) { probeProblems.push(`no ${kind} httpGet`); return; }
    if (!paths.includes(p.httpGet.path)) probeProblems.push(`${kind} path ${p.httpGet.path} is not ${paths.join(' or ')}`);
    const port = resolvePort(p.httpGet.port, ctr);
    if (want && port !== want) probeProblems.push(`${kind} port ${p.httpGet.port} (-> ${port}) != ${want}`);
  };
  probe('livenessProbe', [LIVE]);
  probe('readinessProbe', [READY]);
  probe('startupProbe', STARTED);
  c.check(`${pre} probes: GET ${LIVE}, ${READY} and a startup probe on port ${want ?? '?'}`, probeProblems);

  // configuration and secrets
  const short = shortName(service);
  const cfg = [];
  const envFrom = (ctr?.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean);
  if (!envFrom.includes(`${service}-config`)) cfg.push(`envFrom does not reference ConfigMap ${service}-config`);
  for (const name of envFrom) if (!find(objects, 'ConfigMap', name)) cfg.push(`envFrom ConfigMap ${name} does not exist`);
  const wantCfg = frontend ? {} : {
    KAFKA_BOOTSTRAP_SERVERS: 'mercato-kafka-kafka-bootstrap:9092',
    MERCATO_DB_NAME: `mercato_${short}`,
    MERCATO_IDENTITY_URL: null,
    MERCATO_DB_HOST: null,
    MERCATO_DB_PORT: null,
    MERCATO_DB_USER: null,
  };
  for (const [key, value] of Object.entries(wantCfg)) {
    const have = cm?.data?.[key];
    if (have === undefined) cfg.push(`ConfigMap lacks ${key}`);
    else if (value !== null && have !== value) cfg.push(`ConfigMap ${key}=${have}, expected ${value}`);
  }
  const identity = find(objects, 'Service', 'identity-service');
  const idPort = identity?.spec?.ports?.find((p) => p.name === 'http')?.port;
  if (cm?.data?.MERCATO_IDENTITY_URL && idPort && cm.data.MERCATO_IDENTITY_URL !== `http://identity-service:${idPort}`) {
    cfg.push(`MERCATO_IDENTITY_URL ${cm.data.MERCATO_IDENTITY_URL} does not point at identity-service:${idPort}`);
  }
  // any other URL naming a Service of the namespace uses that Service's port
  for (const [key, value] of Object.entries(cm?.data ?? {})) {
    const m = /^https?:\/\/([a-z0-9-]+):(\d+)(?:\/|$)/.exec(String(value));
    const named = key !== 'MERCATO_IDENTITY_URL' && m && find(objects, 'Service', m[1])?.spec?.ports?.find((p) => p.name === 'http')?.port;
    if (named && Number(m[2]) !== named) cfg.push(`${key} ${value} names ${m[1]}:${m[2]}, but that Service's port is ${named}`);
  }
  // served over HTTPS through the Ingress: cookies stay Secure (only ./mercato's plain-HTTP console turns it off)
  for (const [key, value] of [...Object.entries(cm?.data ?? {}), ...(ctr?.env ?? []).map((e) => [e.name, e.value])]) {
    if (/_COOKIE_SECURE$/.test(key) && String(value).toLowerCase() === 'false') cfg.push(`${key} is false: behind the Ingress its cookies must stay Secure`);
  }
  if (frontend) {
    const backing = [...Object.keys(cm?.data ?? {}), ...(ctr?.env ?? []).map((e) => e.name)].filter((k) => /^(KAFKA_|MERCATO_DB_|QUARKUS_DATASOURCE_)/.test(k));
    if (backing.length) cfg.push(`it has no database and no Kafka, yet is given ${backing.join(', ')}`);
  }
  // Behind the Ingress, rate limits per address need the forwarded client address, from trusted proxies only.
  if (cm?.data?.QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING !== 'true') cfg.push('ConfigMap lacks QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING "true"');
  if (!cm?.data?.QUARKUS_HTTP_PROXY_TRUSTED_PROXIES?.trim()) cfg.push('proxy address forwarding without QUARKUS_HTTP_PROXY_TRUSTED_PROXIES would let any client choose its address');
  if (cm?.data?.QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST === 'true') cfg.push('QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST lets a header choose the host');
  if (frontend) {
    c.check(`${pre} config: envFrom ConfigMap with trusted-proxy forwarding and the APIs' URLs, no database or Kafka settings, Secure cookies`, cfg);
  } else {
    const pw = (ctr?.env ?? []).find((e) => e.name === 'MERCATO_DB_PASSWORD');
    const ref = pw?.valueFrom?.secretKeyRef;
    if (!ref) cfg.push('MERCATO_DB_PASSWORD is not taken from a secretKeyRef');
    else if (ref.name !== `mercato-${short}-db` || ref.key !== 'password') cfg.push(`MERCATO_DB_PASSWORD from ${ref.name}/${ref.key}, expected mercato-${short}-db/password`);
    if (pw && 'value' in pw) cfg.push('MERCATO_DB_PASSWORD has a literal value');
    if (SECRETS_ALLOWED.has(target) && ref && !find(objects, 'Secret', ref.name)) cfg.push(`Secret ${ref.name} is not generated`);
    c.check(`${pre} config: envFrom ConfigMap with Kafka/DB/identity settings and trusted-proxy forwarding, DB password from Secret mercato-${short}-db`, cfg);
  }

  // pod security and resources
  const sec = [];
  const pod = podSpec(dep);
  const runAsNonRoot = ctr?.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
  if (runAsNonRoot !== true) sec.push('runAsNonRoot is not true');
  if ((ctr?.securityContext?.runAsUser ?? pod.securityContext?.runAsUser) === 0) sec.push('runs as uid 0');
  if (ctr?.securityContext?.allowPrivilegeEscalation !== false) sec.push('allowPrivilegeEscalation is not false');
  if (ctr?.securityContext?.readOnlyRootFilesystem === true) {
    const tmp = (ctr.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
    const vol = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
    if (!vol?.emptyDir) sec.push('read-only root filesystem without an emptyDir on /tmp');
  } else {
    sec.push('readOnlyRootFilesystem is not true');
  }
  for (const kind of ['requests', 'limits']) {
    for (const res of ['cpu', 'memory']) if (ctr?.resources?.[kind]?.[res] === undefined) sec.push(`no ${res} ${kind}`);
  }
  c.check(`${pre} pod: non-root, no privilege escalation, read-only root with /tmp emptyDir, requests and limits`, sec);
}

function checkNamespaces(c, target, objects) {
  const problems = [];
  if (!find(objects, 'Namespace', NAMESPACE)) problems.push(`no Namespace ${NAMESPACE}`);
  for (const o of objects) {
    if (o.kind === 'Namespace') continue;
    if (o.metadata.namespace !== NAMESPACE) problems.push(`${idOf(o)} is in namespace ${o.metadata.namespace ?? '(none)'}`);
  }
  c.check(`[${target}] every namespaced object is in namespace ${NAMESPACE}`, problems);
}

function checkSecrets(c, target, objects) {
  const problems = [];
  for (const o of objects) {
    if (o.kind === 'Secret' && (Object.keys(o.data ?? {}).length || Object.keys(o.stringData ?? {}).length)) {
      problems.push(`Secret ${o.metadata.name} carries a value`);
    }
    if (o.kind === 'ConfigMap') {
      for (const key of Object.keys(o.data ?? {})) if (SECRETISH.test(key)) problems.push(`ConfigMap ${o.metadata.name} has key ${key}`);
    }
    const containers = [...(podSpec(o).containers ?? []), ...(podSpec(o).initContainers ?? [])];
    for (const ctr of containers) {
      for (const e of ctr.env ?? []) {
        if (SECRETISH.test(e.name) && e.value !== undefined) problems.push(`${idOf(o)} env ${e.name} has a literal value`);
      }
    }
  }
  c.check(`[${target}] no Secret or credential literal (Secrets must exist out of band)`, problems);
}

function checkIngress(c, target, objects) {
  const problems = [];
  const ingresses = objects.filter((o) => o.kind === 'Ingress');
  if (!ingresses.length) problems.push('no Ingress');
  const routed = new Set();
  const seen = new Set();
  for (const ing of ingresses) {
    const backends = [];
    if (ing.spec?.defaultBackend) backends.push({ where: 'defaultBackend', b: ing.spec.defaultBackend });
    for (const rule of ing.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const key = `${rule.host ?? '*'}${p.path}`;
        if (seen.has(key)) problems.push(`path ${key} is routed twice`);
        seen.add(key);
        backends.push({ where: `${rule.host ?? '*'}${p.path}`, b: p.backend });
      }
    }
    for (const { where, b } of backends) {
      const name = b?.service?.name;
      const svc = name && find(objects, 'Service', name);
      if (!svc) { problems.push(`${ing.metadata.name} ${where} -> Service ${name} does not exist`); continue; }
      const port = b.service.port ?? {};
      const ok = (svc.spec?.ports ?? []).some((sp) => (port.name !== undefined ? sp.name === port.name : sp.port === port.number));
      if (!ok) problems.push(`${ing.metadata.name} ${where} -> ${name} port ${port.name ?? port.number} is not a port of that Service`);
      routed.add(name);
    }
    for (const tls of ing.spec?.tls ?? []) {
      for (const h of tls.hosts ?? []) {
        if (!(ing.spec.rules ?? []).some((r) => r.host === h)) problems.push(`TLS host ${h} has no rule`);
      }
    }
  }
  c.check(`[${target}] every Ingress backend names an existing Service and port`, problems);
  return routed;
}

function checkKafka(c, target, objects) {
  const problems = [];
  const clusters = objects.filter((o) => o.kind === 'Kafka');
  if (!clusters.length) problems.push('no Strimzi Kafka');
  const brokers = new Map();
  for (const k of clusters) {
    const pools = objects.filter((o) => o.kind === 'KafkaNodePool' && o.metadata.labels?.['strimzi.io/cluster'] === k.metadata.name);
    const roles = new Set(pools.flatMap((p) => p.spec?.roles ?? []));
    if (!roles.has('controller') || !roles.has('broker')) problems.push(`${k.metadata.name}: node pools lack the controller or broker role (KRaft)`);
    if (k.metadata.annotations?.['strimzi.io/node-pools'] !== 'enabled') problems.push(`${k.metadata.name}: strimzi.io/node-pools is not enabled`);
    if (k.spec?.zookeeper) problems.push(`${k.metadata.name}: uses ZooKeeper, not KRaft`);
    brokers.set(k.metadata.name, pools.filter((p) => (p.spec?.roles ?? []).includes('broker')).reduce((n, p) => n + (p.spec?.replicas ?? 0), 0));
  }
  for (const t of objects.filter((o) => o.kind === 'KafkaTopic')) {
    const cluster = t.metadata.labels?.['strimzi.io/cluster'];
    if (!brokers.has(cluster)) { problems.push(`KafkaTopic ${t.metadata.name} names cluster ${cluster}, which does not exist`); continue; }
    const replicas = t.spec?.replicas ?? 1;
    if (replicas > brokers.get(cluster)) problems.push(`KafkaTopic ${t.metadata.name}: ${replicas} replicas > ${brokers.get(cluster)} brokers`);
    const isr = Number(t.spec?.config?.['min.insync.replicas'] ?? 1);
    if (replicas > 1 && isr >= replicas) problems.push(`KafkaTopic ${t.metadata.name}: min.insync.replicas ${isr} leaves no broker to lose`);
  }
  // the services' bootstrap address must be the Strimzi bootstrap Service of a plain listener
  for (const cm of objects.filter((o) => o.kind === 'ConfigMap' && o.data?.KAFKA_BOOTSTRAP_SERVERS)) {
    const ok = clusters.some((k) => (k.spec?.kafka?.listeners ?? []).some((l) => l.tls === false
      && cm.data.KAFKA_BOOTSTRAP_SERVERS === `${k.metadata.name}-kafka-bootstrap:${l.port}`));
    if (!ok) problems.push(`ConfigMap ${cm.metadata.name}: KAFKA_BOOTSTRAP_SERVERS ${cm.data.KAFKA_BOOTSTRAP_SERVERS} is no plain listener's bootstrap address`);
  }
  c.check(`[${target}] Kafka (KRaft node pools), topic replicas fit the brokers, bootstrap address`, problems);
}

/**
 * What the code reads in production (code.mjs serviceSettings) reaches the container: each credential as an
 * env var from a secretKeyRef (never a literal, never a ConfigMap key), each required setting from the
 * ConfigMap or the env. Where Secrets are generated (dev), every non-optional reference must resolve.
 */
function checkSettings(c, target, objects, service, settings) {
  const dep = find(objects, 'Deployment', service);
  if (!dep) return;
  const ctr = mainContainer(dep, service);
  const env = new Map((ctr?.env ?? []).map((e) => [e.name, e]));
  const config = new Map((ctr?.envFrom ?? []).map((e) => find(objects, 'ConfigMap', e.configMapRef?.name))
    .filter(Boolean).flatMap((cm) => Object.entries(cm.data ?? {})));
  const problems = [];
  for (const [name, where] of settings.secrets) {
    const e = env.get(name);
    if (config.has(name)) problems.push(`${name} (${where}) is a ConfigMap key, not a Secret reference`);
    if (!e?.valueFrom?.secretKeyRef) problems.push(`${name} (${where}) is not taken from a secretKeyRef`);
  }
  for (const [name, where] of settings.required) {
    if (!env.has(name) && !config.has(name)) problems.push(`${name} (${where}) has no default and is not set`);
  }
  for (const [name, where] of settings.local) {
    if (!env.has(name) && !config.has(name)) problems.push(`${name} (${where}) points at this machine and is not set`);
  }
  if (SECRETS_ALLOWED.has(target)) {
    for (const e of ctr?.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (!ref || ref.optional) continue;
      const secret = find(objects, 'Secret', ref.name);
      if (!secret) problems.push(`Secret ${ref.name} (for ${e.name}) is not generated`);
      else if (!(ref.key in (secret.data ?? {})) && !(ref.key in (secret.stringData ?? {}))) problems.push(`Secret ${ref.name} has no key ${ref.key} (for ${e.name})`);
    }
  }
  // The test clock lets a suite move business time; a deployment never turns it on.
  const clock = env.get('MERCATO_TEST_CLOCK_ENABLED')?.value ?? config.get('MERCATO_TEST_CLOCK_ENABLED');
  if (clock !== undefined && String(clock).toLowerCase() !== 'false') problems.push(`MERCATO_TEST_CLOCK_ENABLED is ${clock}: only test suites move business time`);
  const names = [...settings.secrets.keys()];
  c.check(`[${target}] ${service} settings the code reads: ${names.length ? `${names.join(', ')} from Secrets` : 'no credential'}, ${settings.required.size} required setting(s) set, ${settings.local.size ? `${[...settings.local.keys()].join(', ')} set (their defaults point at this machine)` : 'no address of this machine'}, test clock off`, problems);
}

/** A CPU or memory quantity in base units (cores or bytes); NaN when it cannot be read. */
export function quantity(value) {
  const m = /^([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(String(value ?? ''));
  if (!m) return NaN;
  const scale = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 }[m[2]] ?? 1;
  return Number(m[1]) * scale;
}

/** Requests never exceed limits, in every container and in the Kafka node pools. */
function checkRequestsWithinLimits(c, target, objects) {
  const problems = [];
  for (const o of objects) {
    const owners = [...(podSpec(o).containers ?? []).map((ct) => [`${idOf(o)} ${ct.name}`, ct.resources]),
      ...(o.kind === 'KafkaNodePool' ? [[idOf(o), o.spec?.resources]] : [])];
    for (const [who, r] of owners) {
      for (const res of ['cpu', 'memory']) {
        const req = r?.requests?.[res];
        const lim = r?.limits?.[res];
        if (req === undefined || lim === undefined) continue;
        if (Number.isNaN(quantity(req)) || Number.isNaN(quantity(lim))) problems.push(`${who}: cannot read ${res} ${req} / ${lim}`);
        else if (quantity(req) > quantity(lim)) problems.push(`${who}: requests ${res} ${req} > limits ${lim}`);
      }
    }
  }
  c.check(`[${target}] resource requests are within their limits`, problems);
}

/**
 * A frontend keeps its sessions in one pod's memory: every Ingress routing to it keeps a browser on its pod
 * (ingress-nginx cookie affinity, persistent when pods are added) and serves it over HTTPS only.
 */
function checkStickySessions(c, target, objects, frontends) {
  for (const fe of frontends) {
    const problems = [];
    const routes = objects.filter((o) => o.kind === 'Ingress' && [o.spec?.defaultBackend,
      ...(o.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend))].some((b) => b?.service?.name === fe));
    for (const ing of routes) {
      const a = ing.metadata?.annotations ?? {};
      const nginx = (k) => a[`nginx.ingress.kubernetes.io/${k}`];
      if (nginx('affinity') !== 'cookie') problems.push(`Ingress ${ing.metadata.name} routes to it without cookie affinity`);
      else if (nginx('affinity-mode') !== 'persistent') problems.push(`Ingress ${ing.metadata.name}: affinity-mode is not persistent (balanced moves browsers to new pods)`);
      if (nginx('force-ssl-redirect') !== 'true' && !(ing.spec?.tls ?? []).length) problems.push(`Ingress ${ing.metadata.name} serves it over plain HTTP, where Secure cookies do not work`);
    }
    c.check(`[${target}] ${fe} sessions: every Ingress to it keeps a browser on its pod (cookie affinity, persistent) over HTTPS`, problems);
  }
}

function checkProdPinned(c, target, objects) {
  const problems = [];
  for (const o of objects) {
    for (const ctr of podSpec(o).containers ?? []) {
      const { tag, digest } = splitImage(ctr.image ?? '');
      if (!digest && (!tag || tag === 'latest')) problems.push(`${idOf(o)} image ${ctr.image} is not pinned`);
    }
    if (o.kind === 'Deployment' && (o.spec?.replicas ?? 1) < 2) problems.push(`${idOf(o)} has ${o.spec?.replicas ?? 1} replica(s)`);
    if (o.kind === 'HorizontalPodAutoscaler' && (o.spec?.minReplicas ?? 1) < 2) problems.push(`${idOf(o)} minReplicas < 2`);
  }
  c.check(`[${target}] pinned image tags and at least two replicas per service`, problems);
}

/** Runs every check against the repository seen through vfs. */
export async function runChecks(vfs) {
  const c = new Checker();
  const services = serviceDirs(vfs);
  const frontends = frontendDirs(vfs);
  const modules = [...services, ...frontends];
  const overlays = vfs.list(`${K8S}/overlays`).filter((d) => vfs.isDir(`${K8S}/overlays/${d}`)).sort();
  const targets = [['base', BASE], ...overlays.map((o) => [o, `${K8S}/overlays/${o}`])];
  const usedFiles = new Set();
  const rendered = new Map();
  const settings = new Map(modules.map((s) => [s, serviceSettings(vfs, s)]));
  // A frontend's web client calls only the URLs of its ConfigMap (checked as the services it names), never the internet.
  const outbound = new Map(modules.map((s) => [s, frontends.includes(s) ? [] : outboundHttp(vfs, s)]));

  for (const [target, dir] of targets) {
    let objects;
    try {
      const r = build(vfs, dir);
      objects = r.objects;
      r.files.forEach((f) => usedFiles.add(f));
      c.check(`[${target}] renders (${objects.length} objects)`, []);
    } catch (e) {
      c.check(`[${target}] renders`, e instanceof RenderError ? e.message : `${e.stack}`);
      continue;
    }
    rendered.set(target, objects);
    const schemaProblems = [];
    for (const o of objects) {
      for (const err of await schemaErrors(o)) schemaProblems.push(`${idOf(o)} (${o.__source}): ${err}`);
    }
    c.check(`[${target}] every object is valid against its Kubernetes/Strimzi schema`, schemaProblems);
    const unknown = objects.flatMap((o) => strictFieldErrors(plain(o)).map((f) => `${idOf(o)} (${o.__source}): unknown field ${f}`));
    c.check(`[${target}] no field unknown to its kind (as kubectl --validate=strict)`, unknown);
    checkNamespaces(c, target, objects);
    for (const service of modules) {
      checkService(c, target, objects, service, expectedPort(vfs, service), frontends.includes(service));
      checkSettings(c, target, objects, service, settings.get(service));
    }
    checkNetworkPolicies(c, target, objects, {
      services: modules,
      deployments: new Map(modules.map((s) => [s, find(objects, 'Deployment', s)])),
      configMaps: new Map(modules.map((s) => [s, find(objects, 'ConfigMap', `${s}-config`)])),
      ports: new Map(modules.map((s) => [s, expectedPort(vfs, s).port])),
      outbound,
    });
    checkRequestsWithinLimits(c, target, objects);
    const routed = checkIngress(c, target, objects);
    c.check(`[${target}] every service and the console is reachable through the Ingress`,
      modules.filter((s) => !routed.has(s)).map((s) => `${s} has no Ingress path`));
    checkStickySessions(c, target, objects, frontends);
    checkKafka(c, target, objects);
    if (!SECRETS_ALLOWED.has(target)) checkSecrets(c, target, objects);
    if (target === 'prod') checkProdPinned(c, target, objects);
  }

  // topics named in the code must be KafkaTopics of the base (and so of every overlay)
  const { topics, ignored } = scanTopics(vfs);
  const base = rendered.get('base');
  if (base) {
    const declared = new Map(base.filter((o) => o.kind === 'KafkaTopic').map((t) => [t.spec?.topicName ?? t.metadata.name, t]));
    c.info(`code names ${topics.size} topic(s); base declares ${declared.size} KafkaTopic(s)`);
    for (const [topic, where] of [...topics].sort()) {
      c.check(`[base] topic ${topic} (${where[0]}${where.length > 1 ? ` +${where.length - 1}` : ''}) has a KafkaTopic`,
        declared.has(topic) ? [] : `missing KafkaTopic with spec.topicName: ${topic}`);
    }
    for (const name of declared.keys()) if (!topics.has(name)) c.info(`KafkaTopic ${name} is not named in the code (yet)`);
    for (const [target, objects] of rendered) {
      if (target === 'base') continue;
      const here = new Set(objects.filter((o) => o.kind === 'KafkaTopic').map((t) => t.spec?.topicName ?? t.metadata.name));
      const lost = [...declared.keys()].filter((t) => !here.has(t));
      c.check(`[${target}] keeps every KafkaTopic of the base`, lost.map((t) => `missing ${t}`));
    }
  }
  for (const i of ignored) c.info(`not a topic (${i.why}): "${i.value}" at ${i.where}`);

  // every topic the code names has its cleanup policy everywhere: snapshot topics (Topics.COMPACTED) are
  // compacted, so read models can be rebuilt from them; event streams are deleted by age, with a retention
  const compacted = compactedTopics(vfs);
  for (const [target, objects] of rendered) {
    const byTopic = new Map(objects.filter((o) => o.kind === 'KafkaTopic').map((t) => [t.spec?.topicName ?? t.metadata.name, t]));
    c.check(`[${target}] snapshot topics of ${TOPICS_JAVA} (${compacted.join(', ')}) are compacted`,
      compacted.filter((t) => byTopic.has(t) && byTopic.get(t).spec?.config?.['cleanup.policy'] !== 'compact')
        .map((t) => `${t}: cleanup.policy is ${byTopic.get(t).spec?.config?.['cleanup.policy'] ?? 'unset (delete)'}, not compact`));
    const streams = [...topics.keys()].filter((t) => !compacted.includes(t) && byTopic.has(t)).sort();
    c.check(`[${target}] event topics (${streams.join(', ')}) are deleted by age: cleanup.policy delete and a retention.ms`,
      streams.flatMap((t) => {
        const cfg = byTopic.get(t).spec?.config ?? {};
        const policy = cfg['cleanup.policy'] ?? 'delete';
        if (policy !== 'delete') return [`${t}: cleanup.policy is ${policy}, but it is not a snapshot topic of ${TOPICS_JAVA}`];
        return Number(cfg['retention.ms']) > 0 ? [] : [`${t}: no retention.ms`];
      }));
  }

  // every manifest file is part of a build (a forgotten file is a resource that never deploys)
  const stray = walkFiles(vfs, K8S).filter((f) => /\.ya?ml$/.test(f) && !usedFiles.has(f));
  c.check(`[files] every YAML file under ${K8S} is used by a kustomization`, stray.map((f) => `${f} is not referenced`));
  return c;
}

// ---------------------------------------------------------------------------------------------
// Self-test: broken variants, in memory, each of which must produce a new failure.

function mutateYaml(vfs, file, fn) {
  const docs = parseYamlDocs(vfs.read(file), file);
  docs.forEach((d) => fn(d));
  return docs.map((d) => YAML.stringify(d)).join('---\n');
}

function appendTo(vfs, file, text) {
  return (vfs.isFile(file) ? `${vfs.read(file)}\n` : '') + text;
}

const SELF_TESTS = [
  {
    name: 'a topic named in Java code without a KafkaTopic',
    expect: /topic orders\.self-test-missing .*missing KafkaTopic/,
    // comments, configuration names and longer literals only look like topics
    reject: /orders\.(in-a-comment|javadoc|config|x y)|topic orders\.self-test-missing\.v1/,
    files: () => ({
      'order-service/src/main/java/dev/mercato/order/SelfTestTopics.java': [
        'package dev.mercato.order;',
        '// "orders.in-a-comment" is not a topic',
        '/** Publishes to {@code "orders.javadoc"}. */',
        '@ConfigMapping(prefix = "orders.config")',
        'interface SelfTestConfig {}',
        'final class SelfTestTopics {',
        '  static final String T = "orders.self-test-missing";',
        '  static final String TYPE = "mercato.orders.self-test-missing.v1";',
        '  static final String SPACE = "orders.x y";',
        "  static final char Q = '\"';",
        '}',
        '',
      ].join('\n'),
    }),
  },
  {
    name: 'a topic named in application.properties without a KafkaTopic',
    expect: /topic billing\.self-test-props .*missing KafkaTopic/,
    files: (vfs) => ({
      'billing-service/src/main/resources/application.properties': appendTo(vfs, 'billing-service/src/main/resources/application.properties',
        'mp.messaging.incoming.self-test.dead-letter-queue.topic=billing.self-test-props\n'),
    }),
  },
  {
    name: 'a snapshot topic deleted by age instead of compacted',
    expect: /\[base\] snapshot topics .*identity\.users: cleanup\.policy is delete, not compact/,
    files: (vfs) => ({
      [`${BASE}/kafka/topics/identity-users.yaml`]: mutateYaml(vfs, `${BASE}/kafka/topics/identity-users.yaml`, (t) => {
        t.spec.config['cleanup.policy'] = 'delete';
      }),
    }),
  },
  {
    name: 'a KafkaTopic removed from the base while the code still uses the topic',
    expect: /topic identity\.organizations .*missing KafkaTopic/,
    files: (vfs) => ({
      'identity-service/src/main/java/dev/mercato/identity/SelfTestTopics.java':
        'package dev.mercato.identity;\nfinal class SelfTestTopics { static final String T = "identity.organizations"; }\n',
      [`${BASE}/kustomization.yaml`]: mutateYaml(vfs, `${BASE}/kustomization.yaml`, (k) => {
        k.resources = k.resources.filter((r) => r !== 'kafka/topics/identity-organizations.yaml');
      }),
      [`${BASE}/kafka/topics/identity-organizations.yaml`]: null,
    }),
  },
  {
    name: 'a wrong liveness probe path',
    expect: /\[base\] identity-service probes.*livenessProbe path \/q\/health is not/,
    files: (vfs) => ({
      [`${BASE}/identity-service/deployment.yaml`]: mutateYaml(vfs, `${BASE}/identity-service/deployment.yaml`, (d) => {
        d.spec.template.spec.containers[0].livenessProbe.httpGet.path = '/q/health';
      }),
    }),
  },
  {
    name: 'a readiness probe on another port',
    expect: /\[base\] order-service probes.*readinessProbe port 9000/,
    files: (vfs) => ({
      [`${BASE}/order-service/deployment.yaml`]: mutateYaml(vfs, `${BASE}/order-service/deployment.yaml`, (d) => {
        d.spec.template.spec.containers[0].readinessProbe.httpGet.port = 9000;
      }),
    }),
  },
  {
    name: 'a service whose application.properties moved it to another port',
    expect: /\[base\] catalog-service port 9099 .*containerPort 8082 != 9099/,
    files: (vfs) => ({
      'catalog-service/src/main/resources/application.properties': appendTo(vfs, 'catalog-service/src/main/resources/application.properties',
        '%prod.quarkus.http.port=${QUARKUS_HTTP_PORT:9099}\n'),
    }),
  },
  {
    name: 'a Service targetPort that is not the container port',
    expect: /\[base\] metering-service port 8084 .*targetPort 8080/,
    files: (vfs) => ({
      [`${BASE}/metering-service/service.yaml`]: mutateYaml(vfs, `${BASE}/metering-service/service.yaml`, (s) => {
        s.spec.ports[0].targetPort = 8080;
      }),
    }),
  },
  {
    name: 'an invalid field type in a Deployment',
    expect: /\[base\] every object is valid.*Deployment\/mercato\/billing-service .*revisionHistoryLimit must be integer/,
    files: (vfs) => ({
      [`${BASE}/billing-service/deployment.yaml`]: mutateYaml(vfs, `${BASE}/billing-service/deployment.yaml`, (d) => {
        d.spec.revisionHistoryLimit = 'five';
      }),
    }),
  },
  {
    name: 'an invalid field type in a Strimzi KafkaTopic',
    expect: /\[base\] every object is valid.*KafkaTopic\/mercato\/orders-dead-letter .*partitions must be integer/,
    files: (vfs) => ({
      [`${BASE}/kafka/topics/orders-dead-letter.yaml`]: mutateYaml(vfs, `${BASE}/kafka/topics/orders-dead-letter.yaml`, (t) => {
        t.spec.partitions = 'three';
      }),
    }),
  },
  {
    name: 'a misspelt field (unknown to the schema)',
    expect: /\[base\] no field unknown.*Deployment\/mercato\/catalog-service .*unknown field \/spec\/template\/spec\/containers\/0\/resources\/limit$/,
    files: (vfs) => ({
      [`${BASE}/catalog-service/deployment.yaml`]: mutateYaml(vfs, `${BASE}/catalog-service/deployment.yaml`, (d) => {
        const r = d.spec.template.spec.containers[0].resources;
        r.limit = r.limits;
        delete r.limits;
      }),
    }),
  },
  {
    name: 'an unknown kind',
    expect: /\[base\] every object is valid.*is not a known kind/,
    files: (vfs) => ({
      [`${BASE}/kafka/topics/orders-dead-letter.yaml`]: mutateYaml(vfs, `${BASE}/kafka/topics/orders-dead-letter.yaml`, (t) => {
        t.kind = 'KafkaTopik';
      }),
    }),
  },
  {
    name: 'a literal Secret in the prod overlay',
    expect: /\[prod\] no Secret or credential literal.*Secret mercato-order-db carries a value/,
    files: (vfs) => ({
      [`${K8S}/overlays/prod/leak.yaml`]: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: mercato-order-db\nstringData:\n  password: hunter2\n',
      [`${K8S}/overlays/prod/kustomization.yaml`]: mutateYaml(vfs, `${K8S}/overlays/prod/kustomization.yaml`, (k) => {
        k.resources.push('leak.yaml');
      }),
    }),
  },
  {
    name: 'a literal DB password in a base Deployment',
    expect: /\[base\] webhook-service config.*MERCATO_DB_PASSWORD is not taken from a secretKeyRef/,
    files: (vfs) => ({
      [`${BASE}/webhook-service/deployment.yaml`]: mutateYaml(vfs, `${BASE}/webhook-service/deployment.yaml`, (d) => {
        d.spec.template.spec.containers[0].env = [{ name: 'MERCATO_DB_PASSWORD', value: 'hunter2' }];
      }),
    }),
  },
  {
    name: 'an Ingress backend naming a Service that does not exist',
    expect: /\[base\] every Ingress backend.*Service nope-service does not exist/,
    files: (vfs) => ({
      [`${BASE}/ingress.yaml`]: mutateYaml(vfs, `${BASE}/ingress.yaml`, (i) => {
        i.spec.rules[0].http.paths[0].backend.service.name = 'nope-service';
      }),
    }),
  },
  {
    name: 'a service without its PodDisruptionBudget',
    expect: /\[base\] webhook-service resources.*missing PodDisruptionBudget/,
    files: (vfs) => ({
      [`${BASE}/kustomization.yaml`]: mutateYaml(vfs, `${BASE}/kustomization.yaml`, (k) => {
        k.resources = k.resources.filter((r) => r !== 'webhook-service/pdb.yaml');
      }),
      [`${BASE}/webhook-service/pdb.yaml`]: null,
    }),
  },
  {
    name: 'a new *-service module with no manifests',
    expect: /\[base\] search-service resources.*missing Deployment/,
    files: () => ({
      'search-service/pom.xml': '<project/>\n',
      'search-service/src/main/resources/application.properties': 'quarkus.http.port=8087\n',
    }),
  },
  {
    name: 'a manifest file no kustomization lists',
    expect: /\[files\].*deploy\/k8s\/base\/kafka\/topics\/forgotten\.yaml is not referenced/,
    files: () => ({
      [`${BASE}/kafka/topics/forgotten.yaml`]: 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: forgotten\n',
    }),
  },
  {
    name: 'an unsupported kustomize field (the renderer must not ignore it)',
    expect: /\[dev\] renders.*field 'namePrefix' is not supported/,
    files: (vfs) => ({
      [`${K8S}/overlays/dev/kustomization.yaml`]: mutateYaml(vfs, `${K8S}/overlays/dev/kustomization.yaml`, (k) => {
        k.namePrefix = 'x-';
      }),
    }),
  },
  {
    name: 'prod topics with more replicas than brokers',
    expect: /\[prod\] Kafka .*replicas > 1 brokers/,
    files: (vfs) => ({
      [`${K8S}/overlays/prod/patches/kafka-nodepool.yaml`]: mutateYaml(vfs, `${K8S}/overlays/prod/patches/kafka-nodepool.yaml`, (p) => {
        p.spec.replicas = 1;
      }),
    }),
  },
  {
    name: 'an event topic compacted although it is no snapshot topic',
    expect: /\[base\] event topics .*metering\.usage: cleanup\.policy is compact, but it is not a snapshot topic/,
    files: (vfs) => ({
      [`${BASE}/kafka/topics/metering-usage.yaml`]: mutateYaml(vfs, `${BASE}/kafka/topics/metering-usage.yaml`, (t) => {
        t.spec.config['cleanup.policy'] = 'compact';
      }),
    }),
  },
  {
    name: 'an event topic without a retention',
    expect: /\[prod\] event topics .*metering\.reports: no retention\.ms/,
    files: (vfs) => ({
      [`${BASE}/kafka/topics/metering-reports.yaml`]: mutateYaml(vfs, `${BASE}/kafka/topics/metering-reports.yaml`, (t) => {
        delete t.spec.config['retention.ms'];
      }),
    }),
  },
  {
    name: 'a credential the code reads that no Secret provides',
    expect: /\[base\] billing-service settings .*MERCATO_BILLING_ERP_API_TOKEN \(mercato\.billing\.erp\.api-token .*is not taken from a secretKeyRef/,
    files: () => ({
      'billing-service/src/main/java/dev/mercato/billing/SelfTestErpConfig.java': [
        'package dev.mercato.billing;',
        '@ConfigMapping(prefix = "mercato.billing.erp")',
        'public interface SelfTestErpConfig {',
        '    /** The ERP\'s token. */',
        '    Optional<String> apiToken();',
        '    @WithDefault("PT5S")',
        '    Duration timeout();',
        '}',
        '',
      ].join('\n'),
    }),
  },
  {
    name: 'a required setting (no default) that no manifest sets',
    expect: /\[dev\] catalog-service settings .*MERCATO_CATALOG_SEARCH_ENDPOINT \(mercato\.catalog\.search\.endpoint .*has no default and is not set/,
    files: () => ({
      'catalog-service/src/main/java/dev/mercato/catalog/SelfTestSearchConfig.java': [
        'package dev.mercato.catalog;',
        '@ConfigMapping(prefix = "mercato.catalog")',
        'public interface SelfTestSearchConfig {',
        '    Search search();',
        '    interface Search {',
        '        URI endpoint();',
        '        @WithDefault("10") int pageSize();',
        '    }',
        '}',
        '',
      ].join('\n'),
    }),
  },
  {
    name: 'the webhook encryption key moved into the ConfigMap',
    expect: /\[base\] webhook-service settings .*MERCATO_WEBHOOKS_SECRET_ENCRYPTION_KEY .*is a ConfigMap key/,
    files: (vfs) => ({
      [`${BASE}/webhook-service/configmap.yaml`]: mutateYaml(vfs, `${BASE}/webhook-service/configmap.yaml`, (m) => {
        m.data.MERCATO_WEBHOOKS_SECRET_ENCRYPTION_KEY = 'c2VsZi10ZXN0';
      }),
    }),
  },
  {
    name: 'the test clock turned on in a deployment',
    expect: /\[base\] billing-service settings .*MERCATO_TEST_CLOCK_ENABLED is true/,
    files: (vfs) => ({
      [`${BASE}/billing-service/configmap.yaml`]: mutateYaml(vfs, `${BASE}/billing-service/configmap.yaml`, (m) => {
        m.data.MERCATO_TEST_CLOCK_ENABLED = 'true';
      }),
    }),
  },
  {
    name: 'a dev Secret without the key a Deployment reads',
    expect: /\[dev\] identity-service settings .*Secret mercato-identity-secrets has no key secret-pepper/,
    files: (vfs) => ({
      [`${K8S}/overlays/dev/kustomization.yaml`]: mutateYaml(vfs, `${K8S}/overlays/dev/kustomization.yaml`, (k) => {
        const g = k.secretGenerator.find((x) => x.name === 'mercato-identity-secrets');
        g.literals = g.literals.filter((l) => !l.startsWith('secret-pepper='));
      }),
    }),
  },
  {
    name: 'a service Deployment no NetworkPolicy selects',
    expect: /\[prod\] order-service NetworkPolicy ingress.*no NetworkPolicy selects its pods/,
    files: (vfs) => ({
      [`${BASE}/kustomization.yaml`]: mutateYaml(vfs, `${BASE}/kustomization.yaml`, (k) => {
        k.resources = k.resources.filter((r) => r !== 'order-service/networkpolicy.yaml');
      }),
      [`${BASE}/order-service/networkpolicy.yaml`]: null,
    }),
  },
  {
    name: 'no default-deny ingress policy',
    expect: /\[base\] the namespace denies ingress by default.*no NetworkPolicy with an empty podSelector/,
    files: (vfs) => ({
      [`${BASE}/kustomization.yaml`]: mutateYaml(vfs, `${BASE}/kustomization.yaml`, (k) => {
        k.resources = k.resources.filter((r) => r !== 'default-deny-ingress.yaml');
      }),
      [`${BASE}/default-deny-ingress.yaml`]: null,
    }),
  },
  {
    name: 'a service open to every pod and namespace',
    expect: /\[base\] catalog-service NetworkPolicy ingress.*an ingress rule admits traffic from anywhere/,
    files: (vfs) => ({
      [`${BASE}/catalog-service/networkpolicy.yaml`]: mutateYaml(vfs, `${BASE}/catalog-service/networkpolicy.yaml`, (np) => {
        delete np.spec.ingress[0].from;
      }),
    }),
  },
  {
    name: 'identity-service closed to the services that fetch its JWKS',
    expect: /\[base\] identity-service NetworkPolicy ingress.*does not admit billing-service \(its MERCATO_IDENTITY_URL names identity-service:8081\)/,
    files: (vfs) => ({
      [`${BASE}/identity-service/networkpolicy.yaml`]: mutateYaml(vfs, `${BASE}/identity-service/networkpolicy.yaml`, (np) => {
        np.spec.ingress = np.spec.ingress.slice(0, 1);
      }),
    }),
  },
  {
    name: 'webhook-service unable to reach public receivers',
    expect: /\[base\] webhook-service NetworkPolicy egress.*calls out over HTTP .*no egress rule opens 443/,
    files: (vfs) => ({
      [`${BASE}/webhook-service/networkpolicy.yaml`]: mutateYaml(vfs, `${BASE}/webhook-service/networkpolicy.yaml`, (np) => {
        np.spec.egress = np.spec.egress.filter((r) => !r.to?.some((p) => p.ipBlock));
      }),
    }),
  },
  {
    name: 'billing-service let out to the internet though its code calls no one',
    expect: /\[base\] billing-service NetworkPolicy egress.*opens port\(s\) 443 to any address though its code makes no outbound HTTP call/,
    files: (vfs) => ({
      [`${BASE}/billing-service/networkpolicy.yaml`]: mutateYaml(vfs, `${BASE}/billing-service/networkpolicy.yaml`, (np) => {
        np.spec.egress.push({ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] });
      }),
    }),
  },
  {
    name: 'a Kafka listener closed to a service',
    expect: /\[base\] metering-service NetworkPolicy egress.*listener on 9092 does not admit it/,
    files: (vfs) => ({
      [`${BASE}/kafka/kafka.yaml`]: mutateYaml(vfs, `${BASE}/kafka/kafka.yaml`, (k) => {
        k.spec.kafka.listeners[0].networkPolicyPeers = [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'order-service' } } }];
      }),
    }),
  },
  {
    name: "the console's application.properties moved it to another port",
    expect: /\[base\] console port 9087 .*containerPort 8087 != 9087/,
    files: (vfs) => ({
      'console/src/main/resources/application.properties': appendTo(vfs, 'console/src/main/resources/application.properties',
        '%prod.quarkus.http.port=9087\n'),
    }),
  },
  {
    name: "the console's readiness probe off its health path",
    expect: /\[prod\] console probes.*readinessProbe path \/q\/health is not/,
    files: (vfs) => ({
      [`${BASE}/console/deployment.yaml`]: mutateYaml(vfs, `${BASE}/console/deployment.yaml`, (d) => {
        d.spec.template.spec.containers[0].readinessProbe.httpGet.path = '/q/health';
      }),
    }),
  },
  {
    name: "the console's ConfigMap without the webhook-service URL it reads",
    expect: /\[base\] console settings .*MERCATO_CONSOLE_WEBHOOK_URL \(mercato\.console\.webhook-url=http:\/\/127\.0\.0\.1:8086.*points at this machine and is not set/,
    files: (vfs) => ({
      [`${BASE}/console/configmap.yaml`]: mutateYaml(vfs, `${BASE}/console/configmap.yaml`, (m) => {
        delete m.data.MERCATO_CONSOLE_WEBHOOK_URL;
      }),
    }),
  },
  {
    name: 'the console given database and Kafka settings',
    expect: /\[base\] console config.*no database and no Kafka, yet is given KAFKA_BOOTSTRAP_SERVERS, MERCATO_DB_HOST/,
    files: (vfs) => ({
      [`${BASE}/console/configmap.yaml`]: mutateYaml(vfs, `${BASE}/console/configmap.yaml`, (m) => {
        Object.assign(m.data, { KAFKA_BOOTSTRAP_SERVERS: 'mercato-kafka-kafka-bootstrap:9092', MERCATO_DB_HOST: 'mercato-postgres' });
      }),
    }),
  },
  {
    name: "the console's cookies made non-Secure in the dev overlay",
    expect: /\[dev\] console config.*MERCATO_CONSOLE_COOKIE_SECURE is false/,
    files: (vfs) => ({
      [`${K8S}/overlays/dev/patches/configmap-dev.yaml`]: mutateYaml(vfs, `${K8S}/overlays/dev/patches/configmap-dev.yaml`, (m) => {
        m.data.MERCATO_CONSOLE_COOKIE_SECURE = 'false';
      }),
    }),
  },
  {
    name: 'webhook-service closed to the console',
    expect: /\[base\] webhook-service NetworkPolicy ingress.*does not admit console \(its MERCATO_CONSOLE_WEBHOOK_URL names webhook-service:8086\)/,
    files: (vfs) => ({
      [`${BASE}/webhook-service/networkpolicy.yaml`]: mutateYaml(vfs, `${BASE}/webhook-service/networkpolicy.yaml`, (np) => {
        np.spec.ingress = np.spec.ingress.slice(0, 1);
      }),
    }),
  },
  {
    name: 'the console let out to PostgreSQL',
    expect: /\[base\] console NetworkPolicy egress.*opens port\(s\) 5432 to any address/,
    files: (vfs) => ({
      [`${BASE}/console/networkpolicy.yaml`]: mutateYaml(vfs, `${BASE}/console/networkpolicy.yaml`, (np) => {
        np.spec.egress.push({ ports: [{ protocol: 'TCP', port: 5432 }] });
      }),
    }),
  },
  {
    name: 'an HPA for the console, whose sessions live in memory',
    expect: /\[prod\] console resources.*has a HorizontalPodAutoscaler/,
    files: (vfs) => ({
      [`${BASE}/console/hpa.yaml`]: mutateYaml(vfs, `${BASE}/billing-service/hpa.yaml`, (h) => {
        h.metadata.name = 'console';
        h.spec.scaleTargetRef.name = 'console';
      }),
      [`${BASE}/kustomization.yaml`]: mutateYaml(vfs, `${BASE}/kustomization.yaml`, (k) => {
        k.resources.push('console/hpa.yaml');
      }),
    }),
  },
  {
    name: "the console's Ingress without cookie affinity",
    expect: /\[prod\] console sessions.*Ingress mercato-console routes to it without cookie affinity/,
    files: (vfs) => ({
      [`${BASE}/console/ingress.yaml`]: mutateYaml(vfs, `${BASE}/console/ingress.yaml`, (i) => {
        delete i.metadata.annotations['nginx.ingress.kubernetes.io/affinity'];
      }),
    }),
  },
  {
    name: 'memory requests above the limit',
    expect: /\[dev\] resource requests are within their limits.*Deployment\/mercato\/billing-service billing-service: requests memory 1Gi > limits/,
    files: (vfs) => ({
      [`${K8S}/overlays/dev/patches/deployment-resources.yaml`]: mutateYaml(vfs, `${K8S}/overlays/dev/patches/deployment-resources.yaml`, (ops) => {
        ops[0].value.requests.memory = '1Gi';
      }),
    }),
  },
];

const line = (r) => `${r.ok ? 'PASS' : 'FAIL'} ${r.name}${r.detail ? ` — ${r.detail}` : ''}`;

async function selfTest(real) {
  let passed = 0;
  let failed = 0;
  const baseline = await runChecks(real);
  const known = new Set(baseline.results.filter((r) => !r.ok).map(line));
  console.log(`self-test: baseline has ${known.size} failing check(s); each variant must add the expected one`);
  // Guard against a validator that passes nothing or everything: the baseline must have run checks.
  if (baseline.results.length < 20) {
    console.log(`FAIL self-test: baseline ran only ${baseline.results.length} checks`);
    failed++;
  }
  for (const t of SELF_TESTS) {
    let result;
    try {
      const vfs = new OverlayFs(real, t.files(real));
      const run = await runChecks(vfs);
      const fresh = run.results.filter((r) => !r.ok).map(line).filter((l) => !known.has(l));
      const hit = fresh.find((l) => t.expect.test(l));
      const wrong = t.reject && fresh.find((l) => t.reject.test(l));
      result = wrong
        ? { ok: false, msg: `${t.name}: reported what it must not: ${wrong}` }
        : hit
        ? { ok: true, msg: `caught ${t.name}: ${hit.length > 240 ? `${hit.slice(0, 237)}...` : hit}` }
        : { ok: false, msg: `NOT caught: ${t.name} (expected ${t.expect}); new failures: ${fresh.join(' | ') || 'none'}` };
    } catch (e) {
      result = { ok: false, msg: `${t.name}: variant could not be built: ${e.message}` };
    }
    console.log(`${result.ok ? 'PASS' : 'FAIL'} self-test: ${result.msg}`);
    if (result.ok) passed++; else failed++;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

async function main(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rootArg = argv.indexOf('--root');
  const root = rootArg >= 0 ? path.resolve(argv[rootArg + 1]) : path.resolve(here, '..', '..');
  const vfs = new RealFs(root);
  if (argv.includes('--self-test')) return selfTest(vfs);
  const printArg = argv.indexOf('--print');
  if (printArg >= 0) { // what this renderer makes of a target, for review or diffing with kustomize
    const target = argv[printArg + 1] ?? 'base';
    const { objects } = build(vfs, target === 'base' ? BASE : `${K8S}/overlays/${target}`);
    process.stdout.write(objects.map((o) => YAML.stringify(plain(o))).join('---\n'));
    return true;
  }
  const run = await runChecks(vfs);
  for (const r of run.results) console.log(line(r));
  for (const i of run.infos) console.log(`INFO ${i}`);
  const failed = run.results.filter((r) => !r.ok).length;
  console.log(`${run.results.length - failed} passed, ${failed} failed`);
  return failed === 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((ok) => { process.exitCode = ok ? 0 : 1; }, (e) => {
    console.error(e.stack ?? e);
    console.log('0 passed, 1 failed');
    process.exitCode = 2;
  });
}
