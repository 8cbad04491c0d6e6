import { Check, Choice, ErrorsAt, Filters, Text, literal } from './fields';
import { Step, TYPE_LABELS, conditionLabel } from './model';

export interface StepPanelProps {
  step: Step;
  index: number;
  stepIds: string[];
  templates: string[];
  errorsAt: ErrorsAt;
  onChange: (step: Step) => void;
  onRename: (id: string) => void;
  onRemove: () => void;
}

const list = (v: string | undefined) =>
  v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined;

/** The side panel of one step: every setting of its type, each with the compiler's errors. */
export function StepPanel(props: StepPanelProps) {
  const { step, index } = props;
  const at = (f: string) => props.errorsAt(`/steps/${index}/${f}`);
  const patch = (fields: Record<string, any>) => {
    const next: Step = { ...step, ...fields };
    for (const [k, v] of Object.entries(fields)) if (v === undefined) delete next[k];
    props.onChange(next);
  };
  const set = (field: string, value: any) => patch({ [field]: value });
  const target = (field: string, label: string, value = step[field], onChange = (v?: string) => set(field, v)) => (
    <Choice
      label={label}
      value={value}
      errors={at(field)}
      options={[['', '(end of the run)'], ...props.stepIds.filter((s) => s !== step.id).map((s): [string, string] => [s, s])]}
      onChange={onChange}
    />
  );
  return (
    <section class="panel" aria-label={`Step ${step.id}`}>
      <h2>
        {TYPE_LABELS[step.type] ?? step.type} step
      </h2>
      <div class="problem-step">{props.errorsAt(`/steps/${index}`).filter((m) => m).length > 0 && <StepErrors messages={props.errorsAt(`/steps/${index}`)} />}</div>
      <Text label="Step id" value={step.id} errors={at('id')} onInput={(v) => props.onRename(v ?? '')} />
      {body(step, set, patch, at, target, props.templates, props.stepIds)}
      <button type="button" class="danger" onClick={props.onRemove}>
        Remove step {step.id}
      </button>
    </section>
  );
}

function StepErrors({ messages }: { messages: string[] }) {
  return (
    <div class="problem" role="alert">
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

type Target = (field: string, label: string, value?: any, onChange?: (v?: string) => void) => any;

function body(step: Step, set: (f: string, v: any) => void, patch: (fields: Record<string, any>) => void, at: ErrorsAt, target: Target, templates: string[], stepIds: string[]) {
  switch (step.type) {
    case 'send':
      return (
        <>
          <Text label="Channels, in fallback order (email, sms, push)" value={(step.channels ?? []).join(', ')} errors={at('channels')} onInput={(v) => set('channels', list(v))} />
          <Text label="Also send on (optional)" value={(step.also ?? []).join(', ')} errors={at('also')} onInput={(v) => set('also', list(v))} />
          <Text label="Template" name="template" value={step.template} errors={at('template')} onInput={(v) => set('template', v)} placeholder={templates.slice(0, 3).join(', ')} />
          <Text label="Consent topic (optional)" value={step.topic} errors={at('topic')} onInput={(v) => set('topic', v)} />
          <Check label="Send at any time of day" checked={step.window === 'any'} onChange={(v) => set('window', v ? 'any' : undefined)} />
          {step.window !== 'any' && (
            <div class="cols">
              <Text label="Window from (HH:mm)" value={step.window?.from} errors={at('window')} onInput={(v) => set('window', v || step.window?.to ? { ...step.window, from: v } : undefined)} placeholder="08:00" />
              <Text label="Window to (HH:mm)" value={step.window?.to} onInput={(v) => set('window', v || step.window?.from ? { ...step.window, to: v } : undefined)} placeholder="21:00" />
            </div>
          )}
          {target('next', 'Next step')}
        </>
      );
    case 'wait': {
      const mode = step.until ? 'until' : 'duration';
      return (
        <>
          <Choice label="Wait" value={mode} options={[['duration', 'for a duration'], ['until', 'until a time']]} onChange={(v) => patch(v === 'until' ? { duration: undefined, until: { timeOfDay: '09:00' } } : { until: undefined, duration: 'P1D' })} />
          {mode === 'duration' ? (
            <Text label="Duration (ISO-8601, e.g. P3D, PT12H)" value={step.duration} errors={at('duration')} onInput={(v) => set('duration', v)} />
          ) : (
            <>
              <Text label="Time of day (HH:mm, the person's time zone)" value={step.until?.timeOfDay} errors={at('until/timeOfDay')} onInput={(v) => set('until', clean({ ...step.until, timeOfDay: v }))} />
              <Text label="Date field (traits.x or entry.properties.x)" value={step.until?.date} errors={at('until/date')} onInput={(v) => set('until', clean({ ...step.until, date: v }))} />
              <Text label="Offset from the date (e.g. -P1D)" value={step.until?.offset} errors={at('until/offset')} onInput={(v) => set('until', clean({ ...step.until, offset: v }))} />
              <Text label="Instant (date-time with offset)" value={step.until?.instant} errors={at('until/instant')} onInput={(v) => set('until', clean({ ...step.until, instant: v }))} />
              {at('until').length > 0 && <div class="field-error">{at('until').join('; ')}</div>}
            </>
          )}
          {target('next', 'Next step')}
        </>
      );
    }
    case 'waitFor':
      return (
        <>
          <Text label="Event to wait for" name="event" value={step.event} errors={at('event')} onInput={(v) => set('event', v)} />
          <Filters legend="Event filters" value={step.filters} base="filters" errorsAt={at} onChange={(v) => set('filters', v)} />
          <Text label="Correlate on (optional, e.g. properties.configurationId)" value={step.correlate} errors={at('correlate')} onInput={(v) => set('correlate', v)} />
          <Text label="Timeout (ISO-8601)" name="timeout" value={step.timeout} errors={at('timeout')} onInput={(v) => set('timeout', v)} />
          {target('performed', 'When performed, go to')}
          {target('timedOut', 'When timed out, go to')}
        </>
      );
    case 'branch':
      return <BranchFields step={step} set={set} at={at} target={target} />;
    case 'split':
      return (
        <>
          {(step.variants ?? []).map((v: any, i: number) => {
            const put = (k: string, val: any) => set('variants', step.variants.map((x: any, j: number) => (j === i ? clean({ ...x, [k]: val }) : x)));
            return (
              <fieldset key={i}>
                <legend>Variant {i + 1}</legend>
                <Text label={`Variant ${i + 1} name`} value={v.name} errors={at(`variants/${i}/name`)} onInput={(x) => put('name', x)} />
                <Text label={`Variant ${i + 1} percent`} value={v.percent} errors={at(`variants/${i}/percent`)} onInput={(x) => put('percent', literal(x))} />
                {target(`variants/${i}/next`, `Variant ${i + 1} goes to`, v.next, (x) => put('next', x))}
                <button type="button" onClick={() => set('variants', step.variants.filter((_: any, j: number) => j !== i))}>Remove variant {i + 1}</button>
              </fieldset>
            );
          })}
          {at('variants').length > 0 && <div class="field-error">{at('variants').join('; ')}</div>}
          <button type="button" onClick={() => set('variants', [...(step.variants ?? []), { name: 'v' + ((step.variants?.length ?? 0) + 1), percent: 0 }])}>Add variant</button>
        </>
      );
    case 'update':
      return (
        <>
          <Pairs label="Set traits (one name = value a line)" value={step.set} errors={at('set')} onChange={(v) => set('set', v)} />
          <Pairs label="Increment traits (one name = number a line)" value={step.increment} errors={at('increment')} onChange={(v) => set('increment', v)} />
          {target('next', 'Next step')}
        </>
      );
    case 'webhook':
      return (
        <>
          <Choice label="Method" value={step.method ?? 'POST'} errors={at('method')} options={['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => [m, m])} onChange={(v) => set('method', v)} />
          <Text label="URL" value={step.url} errors={at('url')} onInput={(v) => set('url', v)} />
          <Pairs label="Headers (one Name = value a line)" value={step.headers} errors={at('headers')} onChange={(v) => set('headers', v)} raw />
          <Text label="Body (Liquid)" value={step.body} errors={at('body')} onInput={(v) => set('body', v)} />
          <Text label="Timeout (at most PT30S)" value={step.timeout} errors={at('timeout')} onInput={(v) => set('timeout', v)} />
          <Text label="Retries (0..5)" value={step.retries} errors={at('retries')} onInput={(v) => set('retries', literal(v))} />
          {target('next', 'Next step')}
          {target('onError', 'On error, go to')}
        </>
      );
    case 'repeat':
      return (
        <>
          {target('back', 'Go back to')}
          <Text label="At most (1..10 times)" value={step.max} errors={at('max')} onInput={(v) => set('max', literal(v))} />
          {target('then', 'Then go to')}
        </>
      );
    default:
      return <p class="muted">Ends the run.</p>;
  }
}

function clean(o: Record<string, any>) {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

function Pairs(props: { label: string; value: Record<string, any> | undefined; errors: string[]; onChange: (v: any) => void; raw?: boolean }) {
  const text = Object.entries(props.value ?? {})
    .map(([k, v]) => `${k} = ${props.raw ? v : JSON.stringify(v).replace(/^"(.*)"$/, '$1')}`)
    .join('\n');
  const parse = (t: string) => {
    const out: Record<string, any> = {};
    for (const line of t.split('\n')) {
      const m = /^\s*([^=]+?)\s*=\s*(.*)$/.exec(line);
      if (m) out[m[1]] = props.raw ? m[2] : literal(m[2]);
    }
    return Object.keys(out).length ? out : undefined;
  };
  return (
    <div class="field">
      <label>
        {props.label}
        <textarea rows={3} defaultValue={text} aria-invalid={props.errors.length ? 'true' : undefined} onInput={(e) => props.onChange(parse((e.target as HTMLTextAreaElement).value))} />
      </label>
      {props.errors.length > 0 && <div class="field-error" role="alert">{props.errors.join('; ')}</div>}
    </div>
  );
}

const KINDS: [string, string][] = [
  ['trait', 'a trait of the person'],
  ['entry', 'a field of the entry event'],
  ['segment', 'membership of a segment'],
  ['message', 'a message of an earlier send step'],
];

function BranchFields({ step, set, at, target }: { step: Step; set: (f: string, v: any) => void; at: ErrorsAt; target: Target }) {
  const conditions: any[] = step.conditions ?? [];
  const put = (i: number, c: any) => set('conditions', conditions.map((x, j) => (j === i ? c : x)));
  return (
    <>
      {conditions.map((c, i) => {
        const kind = KINDS.find(([k]) => c[k] !== undefined)?.[0] ?? 'trait';
        const field = (k: string, val: any) => put(i, clean({ ...c, [k]: val }) ?? {});
        return (
          <fieldset key={i}>
            <legend>
              Condition {i + 1}: {conditionLabel(c)}
            </legend>
            <Choice
              label={`Condition ${i + 1} tests`}
              value={kind}
              options={KINDS}
              onChange={(k) =>
                put(i, { [k ?? 'trait']: '', ...(k === 'message' ? { status: 'opened' } : k === 'segment' ? { member: true } : { op: 'equals', value: '' }), next: c.next })
              }
            />
            {kind === 'trait' || kind === 'entry' ? (
              <>
                <Text label={kind === 'trait' ? `Condition ${i + 1} trait name` : `Condition ${i + 1} entry field (properties.x)`} value={c[kind]} errors={at(`conditions/${i}/${kind}`)} onInput={(v) => field(kind, v ?? '')} />
                <Choice label={`Condition ${i + 1} operator`} value={c.op} errors={at(`conditions/${i}/op`)} options={['equals', 'notEquals', 'contains', 'startsWith', 'greaterThan', 'lessThan', 'exists', 'in'].map((o) => [o, o])} onChange={(v) => field('op', v)} />
                <Text label={`Condition ${i + 1} value`} value={c.value === undefined ? '' : String(c.value)} errors={at(`conditions/${i}/value`)} onInput={(v) => field('value', literal(v))} />
              </>
            ) : kind === 'segment' ? (
              <>
                <Text label={`Condition ${i + 1} segment id`} value={c.segment} errors={at(`conditions/${i}/segment`)} onInput={(v) => field('segment', v ?? '')} />
                <Check label="is a member (unchecked: is not)" checked={c.member !== false} onChange={(v) => field('member', v)} />
              </>
            ) : (
              <>
                <Text label={`Condition ${i + 1} send step`} value={c.message} errors={at(`conditions/${i}/message`)} onInput={(v) => field('message', v ?? '')} />
                <Choice label={`Condition ${i + 1} status`} value={c.status} errors={at(`conditions/${i}/status`)} options={['delivered', 'opened', 'clicked'].map((o) => [o, o])} onChange={(v) => field('status', v)} />
              </>
            )}
            {target(`conditions/${i}/next`, `Condition ${i + 1} goes to`, c.next, (v) => field('next', v))}
            <button type="button" onClick={() => set('conditions', conditions.filter((_, j) => j !== i))}>Remove condition {i + 1}</button>
          </fieldset>
        );
      })}
      {at('conditions').length > 0 && <div class="field-error">{at('conditions').join('; ')}</div>}
      <button type="button" onClick={() => set('conditions', [...conditions, { trait: '', op: 'equals', value: '' }])}>Add condition</button>
      {target('default', 'Otherwise go to')}
    </>
  );
}
