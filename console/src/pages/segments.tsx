import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, api, seg } from '../api';
import { SegmentSizes } from './segmentSizes';
import { readable } from '../journey/diff';
import { Check, Choice, Filters, Text, literal } from '../journey/fields';
import { href } from '../router';
import { ProblemBox, useLoad } from '../ui';

export function SegmentsPage({ route }: { route: string[] }) {
  return (
    <>
      {route[0] ? <SegmentView key={route[0]} id={route[0]} /> : <SegmentList />}
      <Builder />
    </>
  );
}

function SegmentList() {
  const { data, error } = useLoad(() => api.get('/v1/segments'), []);
  return (
    <section>
      <h1>Segments</h1>
      <ProblemBox error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">Description</th>
            <th scope="col">Members now</th>
          </tr>
        </thead>
        <tbody>
          {(data?.segments ?? []).map((s: any) => (
            <tr key={s.id}>
              <td>
                <a href={href('segments', s.id)}>{s.name ?? s.id}</a>
              </td>
              <td>{s.description}</td>
              <td>{s.size}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SegmentView({ id }: { id: string }) {
  const { data, error } = useLoad(() => api.get(`/v1/segments/${seg(id)}`), [id]);
  return (
    <section class="card">
      <h1>
        Segment {data?.name ?? id} <span class="muted">{data ? `${data.size} members` : ''}</span>
      </h1>
      <ProblemBox error={error} />
      {data && (
        <>
          <pre>{readable({ rule: data.rule }).trim()}</pre>
          <SegmentSizes id={id} />
          <h2>Sample of members</h2>
          <ul>
            {(data.sample ?? []).map((p: string) => (
              <li key={p}>
                <a href={href('people', p)}>{p}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const KINDS: [string, string][] = [
  ['all', 'all of'],
  ['any', 'any of'],
  ['not', 'not'],
  ['trait', 'a trait'],
  ['date', 'a date trait relative to today'],
  ['event', 'events performed'],
  ['engaged', 'engagement with messages'],
  ['consent', 'consent'],
  ['reachable', 'reachable on a channel'],
  ['inSegment', 'in another segment'],
];
const TRAIT_OPS = ['equals', 'notEquals', 'greaterThan', 'lessThan', 'exists', 'in', 'contains', 'startsWith'];
const DATE_OPS = ['withinNextDays', 'withinLastDays', 'moreThanDaysAgo'];

function kindOf(rule: any): string {
  if (!rule || typeof rule !== 'object') return 'trait';
  if (rule.trait !== undefined) return DATE_OPS.some((o) => rule[o] !== undefined) ? 'date' : 'trait';
  return KINDS.map(([k]) => k).find((k) => rule[k] !== undefined) ?? 'trait';
}

function fresh(kind: string): any {
  switch (kind) {
    case 'all':
    case 'any':
      return { [kind]: [{ trait: '', equals: '' }] };
    case 'not':
      return { not: { trait: '', exists: true } };
    case 'date':
      return { trait: '', withinNextDays: 90 };
    case 'event':
      return { event: '', atLeast: 1, within: 'P30D' };
    case 'engaged':
      return { engaged: { action: 'opened', within: 'P30D' } };
    case 'consent':
      return { consent: 'email' };
    case 'reachable':
      return { reachable: 'email' };
    case 'inSegment':
      return { inSegment: '' };
    default:
      return { trait: '', equals: '' };
  }
}

/** One rule of the segment language, recursively; `at` is its JSON Pointer for the API's errors. */
function RuleEditor(props: { rule: any; at: string; errorsAt: (p: string) => string[]; onChange: (r: any) => void; depth: number }) {
  const { rule, at, errorsAt, onChange } = props;
  const kind = kindOf(rule);
  const set = (k: string, v: any) => {
    const next = { ...rule, [k]: v };
    if (v === undefined) delete next[k];
    onChange(next);
  };
  const label = (s: string) => `${s} (${at.replace('/rule', 'rule') || 'rule'})`;
  return (
    <fieldset class="rule">
      <legend>{KINDS.find(([k]) => k === kind)?.[1]}</legend>
      <Choice label={label('Rule kind')} value={kind} options={KINDS} onChange={(k) => onChange(fresh(k ?? 'trait'))} />
      {(kind === 'all' || kind === 'any') && (
        <>
          {(rule[kind] ?? []).map((r: any, i: number) => (
            <div key={i}>
              <RuleEditor rule={r} at={`${at}/${kind}/${i}`} errorsAt={errorsAt} depth={props.depth + 1} onChange={(n) => set(kind, rule[kind].map((x: any, j: number) => (j === i ? n : x)))} />
              <button type="button" onClick={() => set(kind, rule[kind].filter((_: any, j: number) => j !== i))}>
                Remove {label(`rule ${i + 1}`)}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set(kind, [...(rule[kind] ?? []), { trait: '', equals: '' }])}>
            Add a rule to {label(kind)}
          </button>
        </>
      )}
      {kind === 'not' && <RuleEditor rule={rule.not} at={`${at}/not`} errorsAt={errorsAt} depth={props.depth + 1} onChange={(n) => set('not', n)} />}
      {(kind === 'trait' || kind === 'date') && (
        <TraitFields rule={rule} at={at} errorsAt={errorsAt} ops={kind === 'date' ? DATE_OPS : TRAIT_OPS} onChange={onChange} />
      )}
      {kind === 'event' && (
        <>
          <Text label={label('Event name ("*" = any)')} name="segment-event" value={rule.event} errors={errorsAt(`${at}/event`)} onInput={(v) => set('event', v ?? '')} />
          <Filters legend="Where" value={rule.where} base={`${at}/where`} errorsAt={errorsAt} onChange={(v) => set('where', v)} />
          <div class="cols">
            <Text label={label('At least')} value={rule.atLeast} errors={errorsAt(`${at}/atLeast`)} onInput={(v) => set('atLeast', literal(v))} />
            <Text label={label('At most')} value={rule.atMost} errors={errorsAt(`${at}/atMost`)} onInput={(v) => set('atMost', literal(v))} />
          </div>
          <Text label={label('Within (duration back from now)')} value={rule.within} errors={errorsAt(`${at}/within`)} onInput={(v) => set('within', v)} />
        </>
      )}
      {kind === 'engaged' && (
        <>
          <Choice label={label('Action')} value={rule.engaged?.action} errors={errorsAt(`${at}/engaged/action`)} options={[['opened', 'opened'], ['clicked', 'clicked']]} onChange={(v) => set('engaged', { ...rule.engaged, action: v })} />
          <Text label={label('Within')} value={rule.engaged?.within} errors={errorsAt(`${at}/engaged/within`)} onInput={(v) => set('engaged', { ...rule.engaged, within: v })} />
          <Text label={label('Journey id (optional)')} value={rule.engaged?.journeyId} errors={errorsAt(`${at}/engaged/journeyId`)} onInput={(v) => set('engaged', { ...rule.engaged, journeyId: v })} />
        </>
      )}
      {(kind === 'consent' || kind === 'reachable') && (
        <Choice label={label('Channel')} value={typeof rule[kind] === 'string' ? rule[kind] : rule[kind]?.channel} errors={errorsAt(`${at}/${kind}`)} options={(kind === 'consent' ? ['email', 'sms', 'push'] : ['email', 'phone', 'push']).map((c) => [c, c])} onChange={(v) => set(kind, v)} />
      )}
      {kind === 'inSegment' && <Text label={label('Segment id')} value={rule.inSegment} errors={errorsAt(`${at}/inSegment`)} onInput={(v) => set('inSegment', v ?? '')} />}
    </fieldset>
  );
}

function TraitFields(props: { rule: any; at: string; errorsAt: (p: string) => string[]; ops: string[]; onChange: (r: any) => void }) {
  const { rule, at, errorsAt } = props;
  const op = props.ops.find((o) => rule[o] !== undefined) ?? props.ops[0];
  const value = rule[op];
  const write = (nextOp: string, v: any) => props.onChange({ trait: rule.trait, [nextOp]: v });
  return (
    <>
      <Text label={`Trait name (${at.replace('/rule', 'rule')})`} name="segment-trait" value={rule.trait} errors={errorsAt(`${at}/trait`)} onInput={(v) => props.onChange({ ...rule, trait: v ?? '' })} />
      <Choice label={`Operator (${at.replace('/rule', 'rule')})`} value={op} options={props.ops.map((o) => [o, o])} onChange={(o) => write(o ?? props.ops[0], o === 'exists' ? true : value)} />
      {op === 'exists' ? (
        <Check label="is present (unchecked: absent)" checked={value !== false} onChange={(v) => write(op, v)} />
      ) : (
        <Text
          label={`Value (${at.replace('/rule', 'rule')})`}
          name="segment-value"
          value={Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value)}
          errors={errorsAt(`${at}/${op}`)}
          onInput={(v) => write(op, op === 'in' ? (v ?? '').split(',').map((s) => literal(s.trim())) : literal(v) ?? '')}
        />
      )}
    </>
  );
}

/** The rule builder: a draft segment, its live size and sample from the preview, as YAML to keep. */
function Builder() {
  const [name, setName] = useState('Draft segment');
  const [rule, setRule] = useState<any>({ trait: '', equals: '' });
  const [result, setResult] = useState<any>(null);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    const t = setTimeout(() => {
      api.post('/v1/segments/preview', { name, rule }).then(
        (r) => (setResult(r), setProblem(null)),
        (e) => (setProblem(e), setResult(null)),
      );
    }, 300);
    return () => clearTimeout(t);
  }, [name, JSON.stringify(rule)]);
  const errorsAt = (p: string) => (problem instanceof ApiProblem ? problem.errors.filter((e) => e.field === p).map((e) => e.message) : []);
  return (
    <section class="card" aria-label="Segment builder">
      <h2>Build a segment</h2>
      <div class="split">
        <div>
          <Text label="Segment name" name="segment-name" value={name} errors={errorsAt('/name')} onInput={(v) => setName(v ?? '')} />
          <RuleEditor rule={rule} at="/rule" errorsAt={errorsAt} onChange={setRule} depth={0} />
        </div>
        <div>
          <p aria-live="polite">
            {result ? (
              <>
                <strong data-preview-size>{result.size}</strong> {result.size === 1 ? 'person matches' : 'people match'} ({result.evaluated} evaluated{result.complete ? '' : ', not all'})
              </>
            ) : (
              'Fix the rule to see its size.'
            )}
          </p>
          {problem instanceof ApiProblem && (
            <ul class="field-error" aria-label="Rule problems">
              {problem.errors.map((e) => (
                <li key={e.field + e.message}>
                  <code>{e.field}</code>: {e.message}
                </li>
              ))}
            </ul>
          )}
          {!(problem instanceof ApiProblem) && <ProblemBox error={problem} />}
          {result && (
            <ul aria-label="Sample of members">
              {(result.sample ?? []).map((p: string) => (
                <li key={p}>
                  <a href={href('people', p)}>{p}</a>
                </li>
              ))}
            </ul>
          )}
          <h3>As a file (segments/&lt;id&gt;.yaml)</h3>
          <pre>{readable({ name, rule }).trim()}</pre>
        </div>
      </div>
    </section>
  );
}
