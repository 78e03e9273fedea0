// NetworkPolicy checks: the namespace denies ingress by default; each service (and the console) accepts its
// port from the ingress controller and from the modules whose configuration names it (MERCATO_IDENTITY_URL,
// MERCATO_CONSOLE_WEBHOOK_URL); each may reach DNS, PostgreSQL and the Kafka brokers when its ConfigMap
// names them, the services it names, and the internet on 443 only when its code opens HTTP connections of
// its own (code.mjs outboundHttp).

/** Private, loopback, link-local (cloud metadata) and CGNAT ranges a public-443 rule must leave out. */
export const NON_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '127.0.0.0/8', '100.64.0.0/10'];
const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);
const DNS_PORT = 53;

const isEmptySelector = (s) => !s || (!Object.keys(s.matchLabels ?? {}).length && !(s.matchExpressions ?? []).length);

/** Whether a label selector (matchLabels only; matchExpressions never match here) selects labels. */
function selects(selector, labels) {
  if (!selector || (selector.matchExpressions ?? []).length) return false;
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);
}

const podLabels = (dep) => dep?.spec?.template?.metadata?.labels ?? {};

/** Whether rule ports (absent: all) include port/protocol; a named port matches the container port named so. */
function allowsPort(rule, port, protocol = 'TCP', names = {}) {
  if (!rule.ports?.length) return true;
  return rule.ports.some((p) => (p.protocol ?? 'TCP') === protocol
    && (p.port === undefined || p.port === port || names[p.port] === port
      || (p.endPort !== undefined && typeof p.port === 'number' && p.port <= port && port <= p.endPort)));
}

/** Whether a peer of a rule is the pods with labels in this namespace. */
const peerSelectsPods = (peer, labels) => !peer.ipBlock && !peer.namespaceSelector && selects(peer.podSelector, labels);

/** The rule's peers, or [{}] (everyone) when it has none. */
const peersOf = (rule, field) => (rule[field]?.length ? rule[field] : [{}]);

/** Whether a peer admits any address at all (no selector, an empty namespace selector alone, or 0.0.0.0/0 whole). */
function peerIsAnyone(peer) {
  if (peer.ipBlock) return ANYWHERE.has(peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).length;
  if (!peer.podSelector && !peer.namespaceSelector) return true;
  return peer.namespaceSelector !== undefined && isEmptySelector(peer.namespaceSelector) && isEmptySelector(peer.podSelector);
}

/** The services another service's ConfigMap names by URL (http://<service>:<port>): { service, port, key }. */
export function namedServices(cm, services) {
  const out = [];
  for (const [key, value] of Object.entries(cm?.data ?? {})) {
    const m = /^https?:\/\/([a-z0-9-]+)(?:\.[a-z0-9.-]+)?:(\d+)(?:\/|$)/.exec(String(value));
    if (m && services.includes(m[1])) out.push({ service: m[1], port: Number(m[2]), key });
  }
  return out;
}

/**
 * Checks the NetworkPolicies of one rendered target. ctx: { services, deployments: Map service → Deployment,
 * configMaps: Map service → ConfigMap, ports: Map service → port, outbound: Map service → [files] }.
 */
export function checkNetworkPolicies(c, target, objects, ctx) {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const denyAll = policies.some((p) => isEmptySelector(p.spec?.podSelector) && (p.spec?.policyTypes ?? ['Ingress']).includes('Ingress')
    && !(p.spec?.ingress ?? []).length);
  c.check(`[${target}] the namespace denies ingress by default (a NetworkPolicy selecting every pod, allowing none)`,
    denyAll ? [] : 'no NetworkPolicy with an empty podSelector, policyTypes Ingress and no ingress rule');

  const kafka = kafkaPeers(objects);
  for (const service of ctx.services) {
    const dep = ctx.deployments.get(service);
    if (!dep) continue;
    const labels = podLabels(dep);
    const mine = policies.filter((p) => selects(p.spec?.podSelector, labels) && !isEmptySelector(p.spec?.podSelector));
    const ingress = mine.filter((p) => (p.spec?.policyTypes ?? ['Ingress']).includes('Ingress')).flatMap((p) => p.spec?.ingress ?? []);
    const egress = mine.filter((p) => (p.spec?.policyTypes ?? []).includes('Egress')).flatMap((p) => p.spec?.egress ?? []);
    const restrictsEgress = mine.some((p) => (p.spec?.policyTypes ?? []).includes('Egress'));
    const port = ctx.ports.get(service);
    const names = Object.fromEntries((dep.spec?.template?.spec?.containers ?? []).flatMap((ct) => ct.ports ?? []).map((p) => [p.name, p.containerPort]));
    const pre = `[${target}] ${service} NetworkPolicy`;

    // ingress: its port only, from the ingress controller and from the services that name it
    const inProblems = [];
    if (!mine.length) inProblems.push('no NetworkPolicy selects its pods');
    for (const rule of ingress) {
      if (peersOf(rule, 'from').some(peerIsAnyone)) inProblems.push('an ingress rule admits traffic from anywhere');
      for (const p of rule.ports ?? []) {
        const n = names[p.port] ?? p.port;
        if (n !== port) inProblems.push(`an ingress rule opens port ${p.port ?? '(any)'}, not ${port}`);
      }
      if (!rule.ports?.length) inProblems.push(`an ingress rule opens every port, not only ${port}`);
    }
    const fromController = ingress.some((r) => allowsPort(r, port, 'TCP', names)
      && peersOf(r, 'from').some((peer) => peer.namespaceSelector && !isEmptySelector(peer.namespaceSelector)));
    if (mine.length && !fromController) inProblems.push(`no ingress rule admits the ingress controller's namespace on port ${port}`);
    for (const caller of ctx.services) {
      const wanted = namedServices(ctx.configMaps.get(caller), ctx.services).filter((n) => n.service === service);
      const callerLabels = podLabels(ctx.deployments.get(caller));
      for (const n of wanted) {
        const ok = ingress.some((r) => allowsPort(r, n.port, 'TCP', names) && peersOf(r, 'from').some((peer) => peerSelectsPods(peer, callerLabels)));
        if (mine.length && !ok) inProblems.push(`does not admit ${caller} (its ${n.key} names ${service}:${n.port})`);
      }
    }
    c.check(`${pre} ingress: only port ${port}, from the ingress controller and the services that call it`, inProblems);

    // egress: DNS, PostgreSQL, Kafka, the services it names; the internet on 443 only if its code calls out
    const outProblems = [];
    if (!restrictsEgress) outProblems.push('no NetworkPolicy restricts its egress (policyTypes Egress)');
    else {
      const cm = ctx.configMaps.get(service);
      const reaches = (pred, p, protocol = 'TCP') => egress.some((r) => allowsPort(r, p, protocol) && peersOf(r, 'to').some(pred));
      if (!reaches(() => true, DNS_PORT, 'UDP')) outProblems.push('no egress to DNS (UDP 53)');
      // PostgreSQL for a module with a database (MERCATO_DB_*; the console has none)
      const usesDb = Object.keys(cm?.data ?? {}).some((k) => k.startsWith('MERCATO_DB_'));
      const dbPort = usesDb ? Number(cm.data.MERCATO_DB_PORT ?? 5432) : null;
      if (usesDb && !reaches(() => true, dbPort)) outProblems.push(`no egress to PostgreSQL (port ${dbPort})`);
      const bootstrap = /^([a-z0-9-]+)-kafka-bootstrap:(\d+)$/.exec(cm?.data?.KAFKA_BOOTSTRAP_SERVERS ?? '');
      if (bootstrap) {
        const brokerLabels = { 'strimzi.io/cluster': bootstrap[1], 'strimzi.io/kind': 'Kafka' };
        if (!reaches((peer) => peerSelectsPods(peer, brokerLabels), Number(bootstrap[2]))) {
          outProblems.push(`no egress to the ${bootstrap[1]} broker pods on ${bootstrap[2]}`);
        }
        const peers = kafka.get(`${bootstrap[1]}:${bootstrap[2]}`);
        if (peers && !peers.some((peer) => peerSelectsPods(peer, labels))) {
          outProblems.push(`the ${bootstrap[1]} listener on ${bootstrap[2]} does not admit it (networkPolicyPeers)`);
        }
      }
      for (const n of namedServices(cm, ctx.services)) {
        if (!reaches((peer) => peerSelectsPods(peer, podLabels(ctx.deployments.get(n.service))), n.port)) {
          outProblems.push(`no egress to ${n.service}:${n.port} (its ${n.key})`);
        }
      }
      const open = egress.filter((r) => peersOf(r, 'to').some((peer) => !peer.podSelector && !peer.namespaceSelector));
      const publicHttps = open.filter((r) => allowsPort(r, 443) && (r.ports ?? []).length
        && r.to?.some((peer) => peer.ipBlock?.cidr === '0.0.0.0/0' && NON_PUBLIC.every((x) => (peer.ipBlock.except ?? []).includes(x))));
      const calls = ctx.outbound.get(service) ?? [];
      if (calls.length && !publicHttps.length) {
        outProblems.push(`its code calls out over HTTP (${calls[0]}) but no egress rule opens 443 to public addresses (0.0.0.0/0 except ${NON_PUBLIC.join(', ')})`);
      }
      for (const r of open) {
        const ports = (r.ports ?? []).map((p) => p.port);
        const fine = ports.length && ports.every((p) => p === DNS_PORT || p === dbPort || (calls.length && p === 443 && publicHttps.includes(r)));
        if (!fine) outProblems.push(`an egress rule opens ${ports.length ? `port(s) ${ports.join(', ')}` : 'every port'} to any address${calls.length ? '' : ' though its code makes no outbound HTTP call'}`);
      }
    }
    const backed = Object.keys(ctx.configMaps.get(service)?.data ?? {}).some((k) => k.startsWith('MERCATO_DB_') || k === 'KAFKA_BOOTSTRAP_SERVERS');
    c.check(`${pre} egress: DNS, ${backed ? 'PostgreSQL, Kafka, ' : ''}the services it names${(ctx.outbound.get(service) ?? []).length ? ', public 443' : ''}, nothing else`, outProblems);
  }
}

/** Listener peers by "<cluster>:<port>": the networkPolicyPeers of each listener (undefined: open to all). */
function kafkaPeers(objects) {
  const out = new Map();
  for (const k of objects.filter((o) => o.kind === 'Kafka')) {
    for (const l of k.spec?.kafka?.listeners ?? []) out.set(`${k.metadata.name}:${l.port}`, l.networkPolicyPeers);
  }
  return out;
}
