// The journey document as the console edits it: the step types of the journey language
// (docs/journey-language.md), the edges between steps, and edits that keep references whole.

export type Step = { id: string; type: string; [field: string]: any };
export type JourneyDoc = { id: string; steps: Step[]; [field: string]: any };

export const STEP_TYPES = [
  'send',
  'wait',
  'waitFor',
  'branch',
  'split',
  'update',
  'webhook',
  'repeat',
  'exit',
] as const;

export const TYPE_LABELS: Record<string, string> = {
  send: 'Send',
  wait: 'Wait',
  waitFor: 'Wait for event',
  branch: 'Branch',
  split: 'Split',
  update: 'Update traits',
  webhook: 'Webhook',
  repeat: 'Repeat',
  exit: 'Exit',
};

/** A place a step leads from: a field holding a step id, as a JSON Pointer under the step. */
export interface Port {
  step: string;
  /** the field under the step, e.g. 'next', 'performed', 'conditions/0/next' */
  path: string;
  label: string;
  back?: boolean;
}

export interface Edge extends Port {
  to: string;
}

/** Every port of a step, filled or not. */
export function ports(step: Step): Port[] {
  const p = (path: string, label: string, back = false): Port => ({ step: step.id, path, label, back });
  switch (step.type) {
    case 'waitFor':
      return [p('performed', 'performed'), p('timedOut', 'timed out')];
    case 'branch':
      return [
        ...(step.conditions ?? []).map((c: any, i: number) =>
          p(`conditions/${i}/next`, conditionLabel(c)),
        ),
        p('default', 'otherwise'),
      ];
    case 'split':
      return (step.variants ?? []).map((v: any, i: number) =>
        p(`variants/${i}/next`, `${v.name ?? '?'} ${v.percent ?? '?'}%`),
      );
    case 'webhook':
      return [p('next', 'next'), p('onError', 'on error')];
    case 'repeat':
      return [p('back', `back (max ${step.max ?? '?'})`, true), p('then', 'then')];
    case 'exit':
      return [];
    default:
      return [p('next', 'next')];
  }
}

export function conditionLabel(c: any): string {
  if (!c) return '?';
  if (c.trait !== undefined) return `${c.trait} ${c.op ?? ''} ${fmt(c.value)}`;
  if (c.entry !== undefined) return `${c.entry} ${c.op ?? ''} ${fmt(c.value)}`;
  if (c.segment !== undefined) return `${c.member === false ? 'not in' : 'in'} ${c.segment}`;
  if (c.message !== undefined) return `${c.message} ${c.status ?? ''}`;
  return 'condition';
}

const fmt = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));

export function getPath(obj: any, path: string): any {
  return path.split('/').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

export function setPath(obj: any, path: string, value: any): void {
  const keys = path.split('/');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null) o[k] = /^\d+$/.test(k) ? [] : {};
    o = o[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined || value === '') delete o[last];
  else o[last] = value;
}

export function edges(doc: JourneyDoc): Edge[] {
  const out: Edge[] = [];
  for (const step of doc.steps ?? []) {
    for (const port of ports(step)) {
      const to = getPath(step, port.path);
      if (typeof to === 'string' && to) out.push({ ...port, to });
    }
  }
  return out;
}

export function startStep(doc: JourneyDoc): string | undefined {
  return doc.start ?? doc.steps?.[0]?.id;
}

/** A new step of a type with the fields it needs (to be filled in the side panel). */
export function newStep(type: string, id: string): Step {
  switch (type) {
    case 'send':
      return { id, type, channels: ['email'], template: '' };
    case 'wait':
      return { id, type, duration: 'P1D' };
    case 'waitFor':
      return { id, type, event: '', timeout: 'P1D' };
    case 'branch':
      return { id, type, conditions: [{ trait: '', op: 'equals', value: '' }] };
    case 'split':
      return { id, type, variants: [{ name: 'a', percent: 50 }, { name: 'b', percent: 50 }] };
    case 'update':
      return { id, type, set: {} };
    case 'webhook':
      return { id, type, method: 'POST', url: 'https://' };
    case 'repeat':
      return { id, type, back: '', max: 1 };
    default:
      return { id, type };
  }
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/** Adds a step; `from` (a port) is pointed at it. */
export function addStep(doc: JourneyDoc, step: Step, from?: Port): JourneyDoc {
  const next = clone(doc);
  next.steps = [...(next.steps ?? []), step];
  if (from) {
    const source = next.steps.find((s) => s.id === from.step);
    if (source) setPath(source, from.path, step.id);
  }
  return next;
}

/** Removes a step and every reference to it (those runs then end there). */
export function removeStep(doc: JourneyDoc, id: string): JourneyDoc {
  const next = clone(doc);
  next.steps = next.steps.filter((s) => s.id !== id);
  for (const step of next.steps) {
    for (const port of ports(step)) {
      if (getPath(step, port.path) === id) setPath(step, port.path, undefined);
    }
  }
  if (next.start === id) delete next.start;
  return next;
}

/** Renames a step, and every reference to it. */
export function renameStep(doc: JourneyDoc, from: string, to: string): JourneyDoc {
  const next = clone(doc);
  for (const step of next.steps) {
    for (const port of ports(step)) {
      if (getPath(step, port.path) === from) setPath(step, port.path, to);
    }
    if (step.id === from) step.id = to;
  }
  if (next.start === from) next.start = to;
  return next;
}

/** The index of the step a JSON Pointer is about ('/steps/2/next' → 2). */
export function stepIndex(pointer: string): number | undefined {
  const m = /^\/steps\/(\d+)(\/|$)/.exec(pointer);
  return m ? Number(m[1]) : undefined;
}

/** A one-line summary of a step's settings, for its box on the canvas. */
export function summary(step: Step): string {
  switch (step.type) {
    case 'send':
      return `${(step.channels ?? []).join(' → ')}${step.also?.length ? ' + ' + step.also.join(', ') : ''}: ${step.template || '(no template)'}`;
    case 'wait':
      return step.duration
        ? `for ${step.duration}`
        : `until ${[step.until?.date, step.until?.offset, step.until?.timeOfDay, step.until?.instant].filter(Boolean).join(' ')}`;
    case 'waitFor':
      return `${step.event || '(no event)'} within ${step.timeout ?? '?'}`;
    case 'branch':
      return `${(step.conditions ?? []).length} condition(s)`;
    case 'split':
      return (step.variants ?? []).map((v: any) => `${v.name} ${v.percent}%`).join(' / ');
    case 'update':
      return Object.keys({ ...step.set, ...step.increment }).join(', ') || '(nothing)';
    case 'webhook':
      return `${step.method ?? 'POST'} ${step.url ?? ''}`;
    case 'repeat':
      return `back to ${step.back || '?'} at most ${step.max ?? '?'}×`;
    default:
      return 'ends the run';
  }
}

/** A stats view's per-step maps (one version's, or several summed): `steps`, `splits`, `branches`. */
export interface StepStats {
  steps?: Record<string, number>;
  splits?: Record<string, Record<string, number>>;
  branches?: Record<string, Record<string, number>>;
}

/** Sums the per-step maps of several versions of the stats API. */
export function sumStats(versions: StepStats[]): Required<StepStats> {
  const out: Required<StepStats> = { steps: {}, splits: {}, branches: {} };
  for (const v of versions) {
    for (const [k, n] of Object.entries(v.steps ?? {})) out.steps[k] = (out.steps[k] ?? 0) + n;
    for (const key of ['splits', 'branches'] as const)
      for (const [s, ways] of Object.entries(v[key] ?? {}))
        for (const [w, n] of Object.entries(ways)) ((out[key][s] ??= {})[w] = (out[key][s][w] ?? 0) + n);
  }
  return out;
}

/** A branch way's name on a box: the stats key `1`, `2`... (the condition that held) or `default`. */
export const wayLabel = (way: string) => (way === 'default' ? 'otherwise' : `condition ${way}`);

/**
 * The stats key of the way a port leads: a branch's `conditions/<i>/next` is `i+1`, its `default`
 * is `default` (as `branch:<id>:<way>` counts them); a split's `variants/<i>/next` is the variant.
 */
export function portWay(step: Step | undefined, port: Port): string | undefined {
  const m = /^(conditions|variants)\/(\d+)\/next$/.exec(port.path);
  if (step?.type === 'branch') return port.path === 'default' ? 'default' : m ? String(Number(m[2]) + 1) : undefined;
  if (step?.type === 'split' && m) return step.variants?.[Number(m[2])]?.name;
  return undefined;
}

/** How many runs took a port's way (branch and split steps), from summed stats. */
export function portCount(stats: StepStats | undefined, step: Step | undefined, port: Port): number | undefined {
  const way = portWay(step, port);
  if (!stats || !step || way === undefined) return undefined;
  return (step.type === 'branch' ? stats.branches : stats.splits)?.[step.id]?.[way];
}

/**
 * Counts of one step from the stats API's maps: `steps` (`step:<id>:<outcome>`,
 * `wait:<id>:<outcome>`), `splits` (per variant) and `branches` (per way).
 */
export function stepCounts(stats: StepStats | undefined, id: string): [string, number][] {
  const out: [string, number][] = [];
  for (const [key, n] of Object.entries(stats?.steps ?? {})) {
    const m = /^(step|wait):(.+):([^:]+)$/.exec(key);
    if (m && m[2] === id) out.push([m[3].replace(/_/g, ' '), n]);
  }
  for (const [variant, n] of Object.entries(stats?.splits?.[id] ?? {})) out.push([variant, n]);
  for (const [way, n] of Object.entries(stats?.branches?.[id] ?? {})) out.push([wayLabel(way), n]);
  return out;
}
