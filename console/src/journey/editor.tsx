import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiProblem, api, seg } from '../api';
import { ProblemBox } from '../ui';
import { Canvas, ENTRY } from './canvas';
import { EntryPanel } from './entryPanel';
import { Choice, Text } from './fields';
import { JourneyDoc, Port, STEP_TYPES, Step, TYPE_LABELS, addStep, getPath, newStep, ports, removeStep, renameStep, stepCounts, stepIndex, sumStats } from './model';
import { StepPanel } from './stepPanel';
import { VersionHistory } from './versions';

/** The document fields the settings panel shows errors at; the others are listed at its top. */
const SETTINGS = /^\/(name|description|entry|audience|eligibility|lock|entryCap|holdoutPercent|startsAt|endsAt|goals)(\/|$)/;

const blank = (id: string): JourneyDoc => ({ id, name: id, entry: { event: '' }, steps: [] });

/** One journey: the canvas with live counts, the side panel, the actions, the versions. */
export function JourneyEditor({ id }: { id: string }) {
  const path = `/v1/journeys/${seg(id)}`;
  const [record, setRecord] = useState<any>(undefined);
  const [doc, setDoc] = useState<JourneyDoc | null>(null);
  const [invalid, setInvalid] = useState<ApiProblem | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [selected, setSelected] = useState(ENTRY);
  const [stats, setStats] = useState<any>(null);
  const [simulation, setSimulation] = useState<any>(null);
  const [dirty, setDirty] = useState(false);

  const reload = () =>
    api.get(path).then(
      (r) => {
        setRecord(r);
        setDoc((d) => (d && dirty ? d : r.draft ?? blank(id)));
      },
      (e) => {
        if (e instanceof ApiProblem && e.status === 404) {
          setRecord(null);
          setDoc((d) => d ?? blank(id));
        } else setFailure(e);
      },
    );
  useEffect(() => {
    reload();
  }, [id]);

  // the compiler's errors as the user types: every change is checked, nothing saved
  useEffect(() => {
    if (!doc) return;
    const timer = setTimeout(() => {
      api.put(`${path}?validateOnly=true`, doc).then(
        () => setInvalid(null),
        (e) => (e instanceof ApiProblem && e.status < 500 ? setInvalid(e) : setFailure(e)),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [JSON.stringify(doc)]);

  // live counts
  useEffect(() => {
    if (!record) return;
    const load = () => api.get(`${path}/stats`).then(setStats, () => {});
    load();
    const timer = setInterval(load, 2000);
    return () => clearInterval(timer);
  }, [record?.id]);

  const errorsAt = (pointer: string, exact = false) =>
    (invalid?.errors ?? [])
      .filter((e) => e.field === pointer || (!exact && pointer !== '' && e.field.startsWith(pointer + '/')))
      .map((e) => e.message);

  const nodeErrors = useMemo(() => {
    const out: Record<string, string[]> = {};
    for (const e of invalid?.errors ?? []) {
      const i = stepIndex(e.field);
      const key = i !== undefined && doc?.steps?.[i]?.id ? doc.steps[i].id : ENTRY;
      (out[key] ??= []).push(e.message);
    }
    return out;
  }, [invalid, doc]);

  const live = useMemo(() => sumStats(stats?.versions ?? []), [stats]);
  // the simulation answers `stats` as the stats API gives one version (docs/api.md)
  const predicted = useMemo(() => (simulation?.stats ? sumStats([simulation.stats]) : undefined), [simulation]);
  const counts = useMemo(() => {
    const out: Record<string, [string, number][]> = {};
    const versions: any[] = stats?.versions ?? [];
    const sum = (k: string) => versions.reduce((n, v) => n + (v[k] ?? 0), 0);
    if (versions.length) {
      out[ENTRY] = [['entered', sum('entered')], ['waiting', sum('waiting')], ['goal reached', sum('goalReached')]];
      if (sum('heldOut')) out[ENTRY].push(['held out', sum('heldOut')]);
    }
    for (const s of doc?.steps ?? []) out[s.id] = stepCounts(live, s.id);
    if (predicted) {
      (out[ENTRY] ??= []).push(['predicted entered', simulation.stats.entered ?? 0]);
      for (const s of doc?.steps ?? [])
        for (const [k, n] of stepCounts(predicted, s.id)) (out[s.id] ??= []).push([`predicted ${k}`, n]);
    }
    return out;
  }, [live, predicted, doc]);

  if (failure && !doc) return <ProblemBox error={failure} />;
  if (!doc) return <p>Loading…</p>;

  const change = (next: JourneyDoc) => {
    setDoc(next);
    setDirty(true);
    setNotice('');
  };
  const act = async (run: () => Promise<any>, describe: (answer: any) => string) => {
    setFailure(null);
    setNotice('');
    try {
      const answer = await run();
      // reload first, then say so: what the notice announces is on the screen when it shows
      await reload();
      setNotice(describe(answer));
    } catch (e) {
      if (e instanceof ApiProblem && e.errors.some((x) => x.field.startsWith('/'))) setInvalid(e);
      setFailure(e);
    }
  };
  const saveDraft = async () => {
    const r = await api.put(path, doc);
    setDirty(false);
    return r;
  };
  const save = () => act(saveDraft, () => 'Draft saved.');
  const publish = () =>
    act(
      async () => (await saveDraft(), api.post(`${path}/publish`)),
      (a) => `Published version ${a.version?.version}${a.created === false ? ' (no changes: the live version stays)' : ''}.`,
    );
  const state = (verb: string, words: string) => () => act(() => api.post(`${path}/${verb}`), () => words);
  const simulate = () =>
    act(
      async () => {
        // the draft, or the live version when the journey has no draft
        const version = !record?.draft && record?.live?.version ? { version: String(record.live.version) } : {};
        const a = await api.post(`${path}/simulate`, version);
        setSimulation(a);
        return a;
      },
      (a) =>
        `Simulated ${a.sample?.people ?? 0} people: ${a.stats?.entered ?? 0} would enter, ${a.messagesWouldSend ?? 0} message(s) would be sent (predicted counts on the canvas).`,
    );

  const stepIds = (doc.steps ?? []).map((s) => s.id);
  const index = stepIds.indexOf(selected);
  const stateName: string = String(record?.state ?? 'new').toLowerCase();
  return (
    <section class="journey">
      <div class="row head">
        <h1>
          {doc.name ?? id} <span class={`state state-${stateName}`}>{stateName}</span>
          {record?.live?.version && <span class="muted"> version {record.live.version} live</span>}
        </h1>
      </div>
      <div class="row toolbar" role="toolbar" aria-label="Journey actions">
        <button type="button" onClick={save}>Save draft</button>
        <button type="button" class="primary" onClick={publish} disabled={!!invalid}>Publish</button>
        <button type="button" onClick={state('pause', 'Paused: new entries are refused.')} disabled={stateName !== 'live'}>Pause</button>
        <button type="button" onClick={state('resume', 'Resumed.')} disabled={stateName !== 'paused'}>Resume</button>
        <button type="button" onClick={state('stop', 'Stopped: every run ended.')} disabled={stateName !== 'live' && stateName !== 'paused'}>Stop</button>
        <button type="button" onClick={simulate} disabled={!record}>Simulate</button>
        <span class="muted" aria-live="polite">
          {invalid ? `${invalid.errors.length} error(s) to fix` : 'No errors'}
          {dirty ? ' · unsaved changes' : ''}
        </span>
      </div>
      {notice && <div class="notice" role="status">{notice}</div>}
      <ProblemBox error={failure} />
      <AddStep doc={doc} onAdd={(next, stepId) => (change(next), setSelected(stepId))} />
      <div class="editor">
        <Canvas doc={doc} selected={selected} onSelect={setSelected} errors={nodeErrors} counts={counts} ways={{ live, predicted }} />
        <div class="side">
          {index >= 0 ? (
            <StepPanel
              key={selected}
              step={doc.steps[index]}
              index={index}
              stepIds={stepIds}
              templates={[]}
              errorsAt={errorsAt}
              onChange={(step: Step) => change({ ...doc, steps: doc.steps.map((s, i) => (i === index ? step : s)) })}
              onRename={(to) => (change(renameStep(doc, selected, to)), setSelected(to))}
              onRemove={() => (change(removeStep(doc, selected)), setSelected(ENTRY))}
            />
          ) : (
            <EntryPanel
              doc={doc}
              errorsAt={errorsAt}
              others={(invalid?.errors ?? []).filter((e) => stepIndex(e.field) === undefined && !SETTINGS.test(e.field)).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message))}
              onChange={change}
            />
          )}
          {invalid && invalid.errors.some((e) => stepIndex(e.field) === undefined && !e.field.startsWith('/entry') && !e.field.startsWith('/goals')) && selected !== ENTRY && (
            <p class="muted">More errors are on the journey's settings (the Entry box).</p>
          )}
        </div>
      </div>
      {record && <VersionHistory path={path} versions={record.versions ?? []} draft={doc} />}
      {simulation && (
        <details class="card">
          <summary>Simulation</summary>
          <pre>{JSON.stringify(simulation, null, 2)}</pre>
        </details>
      )}
    </section>
  );
}

/** Adds a step of any type, connected from a free (or any) port of an existing step. */
function AddStep({ doc, onAdd }: { doc: JourneyDoc; onAdd: (doc: JourneyDoc, id: string) => void }) {
  const [type, setType] = useState('send');
  const [stepId, setStepId] = useState('');
  const [from, setFrom] = useState('');
  const all: Port[] = (doc.steps ?? []).flatMap((s) => ports(s).filter((p) => !p.back));
  const key = (p: Port) => `${p.step}|${p.path}`;
  const free = all.filter((p) => !getPath(doc.steps.find((s) => s.id === p.step), p.path));
  const options: [string, string][] = [
    ['', doc.steps?.length ? '(not connected)' : '(the first step)'],
    ...free.map((p): [string, string] => [key(p), `after ${p.step}: ${p.label}`]),
    ...all.filter((p) => !free.includes(p)).map((p): [string, string] => [key(p), `after ${p.step}: ${p.label} (replaces the link)`]),
  ];
  const add = (e: Event) => {
    e.preventDefault();
    const port = all.find((p) => key(p) === (from || (free[0] ? key(free[0]) : '')));
    const id = stepId || `${type.toLowerCase()}-${(doc.steps?.length ?? 0) + 1}`;
    onAdd(addStep(doc, newStep(type, id), port), id);
    setStepId('');
    setFrom('');
  };
  return (
    <form class="row add-step" aria-label="Add a step" onSubmit={add}>
      <Choice label="New step type" value={type} options={STEP_TYPES.map((t): [string, string] => [t, TYPE_LABELS[t]])} onChange={(v) => setType(v ?? 'send')} />
      <Text label="New step id" value={stepId} onInput={(v) => setStepId(v ?? '')} placeholder="e.g. favorite-offer" />
      <Choice label="Connect" value={from || (free[0] ? key(free[0]) : '')} options={options} onChange={(v) => setFrom(v ?? '')} />
      <button type="submit">Add step</button>
    </form>
  );
}
