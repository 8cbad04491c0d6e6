import { useState } from 'preact/hooks';
import { ApiProblem, api, seg } from '../api';
import { Choice, Text } from '../journey/fields';
import { go, href } from '../router';
import { ProblemBox, useLoad, when } from '../ui';
import { plainTrace } from './trace';

const NAMESPACES: [string, string][] = [
  ['email', 'E-mail'],
  ['phone', 'Phone'],
  ['userId', 'User id'],
  ['ecid', 'ECID'],
  ['anonymousId', 'Anonymous id'],
  ['crmId', 'CRM id'],
];

export function PeoplePage({ route }: { route: string[] }) {
  return (
    <>
      <h1>People</h1>
      <Search />
      {route[0] && <Person key={route[0]} id={route[0]} />}
    </>
  );
}

function Search() {
  const [ns, setNs] = useState('email');
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const find = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const p = await api.get(`/v1/profiles?${ns}=${encodeURIComponent(value)}`);
      go('people', p.profileId);
    } catch (err) {
      setError(err);
    }
  };
  const fieldErrors = error instanceof ApiProblem ? [...error.forField(ns), ...error.forField('query')] : [];
  return (
    <form class="card row" aria-label="Find a person" onSubmit={find}>
      <Choice label="Identity" value={ns} options={NAMESPACES} onChange={(v) => setNs(v ?? 'email')} />
      <Text label="Value" name="identity" value={value} errors={fieldErrors.length ? fieldErrors : error instanceof ApiProblem && error.status === 404 ? ['nobody has this identity'] : []} onInput={(v) => setValue(v ?? '')} />
      <button type="submit" class="primary">
        Find
      </button>
      {!(error instanceof ApiProblem) && <ProblemBox error={error} />}
    </form>
  );
}

function Person({ id }: { id: string }) {
  const path = `/v1/profiles/${seg(id)}`;
  const profile = useLoad(() => api.get(path), [id]);
  const events = useLoad(() => api.get(`${path}/events?limit=50`), [id]);
  const segments = useLoad(() => api.get(`${path}/segments`), [id]);
  const journeys = useLoad(() => api.get(`${path}/journeys`), [id]);
  const messages = useLoad(() => api.get(`${path}/messages`), [id]);
  const p = profile.data;
  if (profile.error) return <ProblemBox error={profile.error} />;
  if (!p) return <p>Loading…</p>;
  const name = [p.traits?.firstName, p.traits?.lastName].filter(Boolean).join(' ') || p.traits?.email || p.profileId;
  return (
    <section aria-label="Person">
      <h2 class="person-name">{name}</h2>
      <p class="muted">
        Profile {p.profileId}
        {p.redirectedFrom ? ` (asked for ${p.redirectedFrom}, merged into this one)` : ''} · created {when(p.createdAt)} · updated {when(p.updatedAt)}
      </p>
      <div class="cols">
        <div class="card">
          <h2>Identities</h2>
          <ul>
            {(p.identities ?? []).map((i: any) => (
              <li key={i.namespace + i.value}>
                <span class="pill">{i.namespace}</span> {i.value}
              </li>
            ))}
          </ul>
          {(p.mergedFrom ?? []).length > 0 && <p>Merged from: {p.mergedFrom.join(', ')}</p>}
          <h2>Traits</h2>
          <table aria-label="Traits">
            <tbody>
              {Object.entries(p.traits ?? {}).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>{typeof v === 'string' ? v : JSON.stringify(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Consents path={path} consents={p.consents ?? {}} reload={profile.reload} />
      </div>
      <div class="card">
        <h2>Journeys and why</h2>
        <ProblemBox error={journeys.error} />
        <table aria-label="Journey runs">
          <thead>
            <tr>
              <th scope="col">Journey</th>
              <th scope="col">Version</th>
              <th scope="col">Started</th>
              <th scope="col">Where the run is</th>
            </tr>
          </thead>
          <tbody>
            {(journeys.data?.runs ?? []).map((r: any) => (
              <tr key={r.runId}>
                <td>
                  <a href={href('journeys', r.journeyId)}>{r.journeyId}</a>
                </td>
                <td>{r.version}</td>
                <td>{when(r.startedAt)}</td>
                <td>{String(r.status ?? '').replace(/_/g, ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Decision trace</h3>
        <ol class="trace" aria-label="Decision trace">
          {(journeys.data?.trace ?? []).map((t: any, i: number) => (
            <li key={i}>
              <span class="muted">{when(t.at)}</span> {plainTrace(t)}
            </li>
          ))}
        </ol>
      </div>
      <div class="card">
        <h2>Messages</h2>
        <ProblemBox error={messages.error} />
        <table aria-label="Message log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Journey / step</th>
              <th scope="col">Template</th>
              <th scope="col">Channel</th>
              <th scope="col">Decision</th>
              <th scope="col">Delivery, opens, clicks</th>
            </tr>
          </thead>
          <tbody>
            {(messages.data?.messages ?? []).map((m: any) => (
              <tr key={m.runId + m.stepId + m.at}>
                <td>{when(m.at)}</td>
                <td>
                  {m.journeyId} / {m.stepId}
                </td>
                <td>
                  <a href={href('templates', m.template)}>{m.template}</a>
                </td>
                <td>{m.channel ?? '—'}</td>
                <td>
                  {String(m.status).replace(/_/g, ' ')}
                  {m.reason ? ` — ${m.reason}` : ''}
                </td>
                <td>{m.feedback?.length ? m.feedback.join(', ') : m.status === 'sent' ? 'no feedback yet' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="cols">
        <div class="card">
          <h2>Segments</h2>
          <ul>
            {(segments.data?.segments ?? segments.data?.memberships ?? []).map((m: any) => (
              <li key={m.segmentId ?? m.id}>
                <a href={href('segments', m.segmentId ?? m.id)}>{m.segmentId ?? m.id}</a>: {m.member ? 'member' : 'not a member'} since {when(m.member ? m.enteredAt : m.exitedAt)}
              </li>
            ))}
          </ul>
        </div>
        <div class="card">
          <h2>Timeline</h2>
          <ol class="timeline" aria-label="Timeline">
            {(events.data?.events ?? []).map((e: any) => (
              <li key={e.messageId}>
                <span class="muted">{when(e.timestamp)}</span> <span class="pill">{e.type}</span> {e.event ?? e.name ?? ''}{' '}
                {e.properties && Object.keys(e.properties).length > 0 && <code>{JSON.stringify(e.properties)}</code>}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}

function Consents({ path, consents, reload }: { path: string; consents: Record<string, any>; reload: () => void }) {
  const [channel, setChannel] = useState('email');
  const [topic, setTopic] = useState('');
  const [status, setStatus] = useState('granted');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const record = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved('');
    try {
      await api.put(`${path}/consents`, { consents: [{ channel, ...(topic ? { topic } : {}), status, source: 'console' }] });
      setSaved(`Recorded: ${channel}${topic ? ' / ' + topic : ''} ${status}.`);
      reload();
    } catch (err) {
      setError(err);
    }
  };
  const at = (f: string) => (error instanceof ApiProblem ? error.forField(`/consents/0/${f}`) : []);
  return (
    <div class="card">
      <h2>Consents</h2>
      <table aria-label="Consents">
        <thead>
          <tr>
            <th scope="col">Channel / topic</th>
            <th scope="col">Decision</th>
            <th scope="col">Source, when</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(consents).flatMap(([ch, c]: [string, any]) => [
            <tr key={ch}>
              <td>{ch}</td>
              <td>{c.status ?? 'no channel-wide decision'}</td>
              <td>
                {c.source ?? ''} {when(c.updatedAt)}
              </td>
            </tr>,
            ...Object.entries(c.topics ?? {}).map(([t, d]: [string, any]) => (
              <tr key={ch + t}>
                <td>
                  {ch} / {t}
                </td>
                <td>{d.status}</td>
                <td>
                  {d.source} {when(d.updatedAt)}
                </td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
      <form class="row" aria-label="Record a consent decision" onSubmit={record}>
        <Choice label="Channel" value={channel} errors={at('channel')} options={[['email', 'e-mail'], ['sms', 'SMS'], ['push', 'push']]} onChange={(v) => setChannel(v ?? 'email')} />
        <Text label="Topic (optional)" name="consent-topic" value={topic} errors={at('topic')} onInput={(v) => setTopic(v ?? '')} />
        <Choice label="Decision" value={status} errors={at('status')} options={[['granted', 'granted'], ['denied', 'denied']]} onChange={(v) => setStatus(v ?? 'granted')} />
        <button type="submit">Record consent</button>
      </form>
      {saved && <div class="notice" role="status">{saved}</div>}
      {error instanceof ApiProblem && error.errors.every((e) => !e.field.startsWith('/consents/0/')) && <ProblemBox error={error} />}
    </div>
  );
}
