import { Check, Choice, ErrorsAt, Filters, Text, literal } from './fields';
import { JourneyDoc } from './model';

const FORMS: [string, string][] = [
  ['event', 'an event'],
  ['segment', 'entering or leaving a segment'],
  ['dateTrait', 'a date trait'],
  ['schedule', 'an audience schedule'],
  ['api', 'the API'],
];

/** The journey's own settings: entry, audience, eligibility, caps, dates and goals. */
export function EntryPanel(props: { doc: JourneyDoc; errorsAt: ErrorsAt; others: string[]; onChange: (doc: JourneyDoc) => void }) {
  const { doc, errorsAt } = props;
  const set = (field: string, value: any) => {
    const next: JourneyDoc = { ...doc, [field]: value };
    if (value === undefined || value === '') delete next[field];
    props.onChange(next);
  };
  const entry = doc.entry ?? {};
  const form = FORMS.find(([f]) => entry[f] !== undefined)?.[0] ?? 'event';
  const setEntry = (k: string, v: any) => {
    const next = { ...entry, [k]: v };
    if (v === undefined) delete next[k];
    set('entry', next);
  };
  const goals: any[] = doc.goals ?? [];
  const setGoal = (i: number, k: string, v: any) => {
    const g = goals.map((x, j) => (j === i ? { ...x, [k]: v } : x));
    if (v === undefined) delete g[i][k];
    set('goals', g);
  };
  return (
    <section class="panel" aria-label="Journey settings">
      <h2>Journey settings</h2>
      {props.others.length > 0 && (
        <div class="problem" role="alert">
          <ul>
            {props.others.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <Text label="Name" value={doc.name} errors={errorsAt('/name')} onInput={(v) => set('name', v)} />
      <Text label="Description" value={doc.description} errors={errorsAt('/description')} onInput={(v) => set('description', v)} />
      <Choice
        label="Enters on"
        value={form}
        errors={form !== 'event' ? errorsAt('/entry', true) : undefined}
        options={FORMS}
        onChange={(f) =>
          set('entry', {
            filters: entry.filters,
            ...(f === 'segment' ? { segment: { id: '', on: 'entered' } } : f === 'dateTrait' ? { dateTrait: { trait: 'leaseEnd', offset: '-P90D' } } : f === 'api' ? { api: true } : { [f ?? 'event']: '' }),
          })
        }
      />
      {form === 'event' && <Text label="Entry event" name="entry-event" value={entry.event} errors={errorsAt('/entry/event').concat(errorsAt('/entry', true))} onInput={(v) => setEntry('event', v ?? '')} />}
      {form === 'segment' && (
        <>
          <Text label="Segment id" value={entry.segment?.id} errors={errorsAt('/entry/segment/id')} onInput={(v) => setEntry('segment', { ...entry.segment, id: v ?? '' })} />
          <Choice label="When the person" value={entry.segment?.on ?? 'entered'} options={[['entered', 'enters it'], ['exited', 'leaves it']]} onChange={(v) => setEntry('segment', { ...entry.segment, on: v })} />
        </>
      )}
      {form === 'dateTrait' && (
        <>
          <Text label="Date trait" value={entry.dateTrait?.trait} errors={errorsAt('/entry/dateTrait')} onInput={(v) => setEntry('dateTrait', { ...entry.dateTrait, trait: v })} />
          <Text label="Offset (e.g. -P90D)" value={entry.dateTrait?.offset} onInput={(v) => setEntry('dateTrait', { ...entry.dateTrait, offset: v })} />
        </>
      )}
      {form === 'schedule' && <Text label="Schedule id" value={entry.schedule} errors={errorsAt('/entry/schedule')} onInput={(v) => setEntry('schedule', v ?? '')} />}
      <Filters legend="Entry filters" value={entry.filters} base="/entry/filters" errorsAt={errorsAt} onChange={(v) => setEntry('filters', v)} />
      <Text label="Audience: segment ids, comma-separated (optional)" value={(doc.audience ?? []).join(', ')} errors={errorsAt('/audience')} onInput={(v) => set('audience', v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined)} />
      <Choice label="Eligibility" value={doc.eligibility ?? 'multiple'} errors={errorsAt('/eligibility')} options={[['multiple', 'may enter again'], ['once', 'enters once']]} onChange={(v) => set('eligibility', v)} />
      <Text label="Lock after entry (duration, optional)" value={doc.lock} errors={errorsAt('/lock')} onInput={(v) => set('lock', v)} />
      <div class="cols">
        <Text label="Entry cap: count" value={doc.entryCap?.count} errors={errorsAt('/entryCap')} onInput={(v) => set('entryCap', v || doc.entryCap?.within ? { ...doc.entryCap, count: literal(v) } : undefined)} />
        <Text label="Entry cap: within" value={doc.entryCap?.within} onInput={(v) => set('entryCap', v || doc.entryCap?.count ? { ...doc.entryCap, within: v } : undefined)} />
      </div>
      <Text label="Holdout percent (0..100)" value={doc.holdoutPercent} errors={errorsAt('/holdoutPercent')} onInput={(v) => set('holdoutPercent', literal(v))} />
      <div class="cols">
        <Text label="Starts at (date-time, optional)" value={doc.startsAt} errors={errorsAt('/startsAt')} onInput={(v) => set('startsAt', v)} />
        <Text label="Ends at (date-time, optional)" value={doc.endsAt} errors={errorsAt('/endsAt')} onInput={(v) => set('endsAt', v)} />
      </div>
      <h3>Goals</h3>
      {goals.map((g, i) => (
        <fieldset key={i}>
          <legend>Goal {i + 1}</legend>
          <Text label={`Goal ${i + 1} event`} name={`goal-${i}-event`} value={g.event} errors={errorsAt(`/goals/${i}/event`)} onInput={(v) => setGoal(i, 'event', v ?? '')} />
          <Filters legend={`Goal ${i + 1} filters`} value={g.filters} base={`/goals/${i}/filters`} errorsAt={errorsAt} onChange={(v) => setGoal(i, 'filters', v)} />
          <Text label={`Goal ${i + 1} within (duration)`} name={`goal-${i}-within`} value={g.within} errors={errorsAt(`/goals/${i}/within`)} onInput={(v) => setGoal(i, 'within', v)} />
          <Check label="The goal ends the run" checked={g.exitOnGoal !== false} onChange={(v) => setGoal(i, 'exitOnGoal', v)} />
          <button type="button" onClick={() => set('goals', goals.filter((_, j) => j !== i).length ? goals.filter((_, j) => j !== i) : undefined)}>
            Remove goal {i + 1}
          </button>
        </fieldset>
      ))}
      {errorsAt('/goals').length > 0 && <div class="field-error">{errorsAt('/goals').join('; ')}</div>}
      <button type="button" onClick={() => set('goals', [...goals, { event: '', within: 'P7D' }])}>
        Add goal
      </button>
    </section>
  );
}
