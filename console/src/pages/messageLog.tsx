import { useState } from 'preact/hooks';
import { api } from '../api';
import { href } from '../router';
import { Field, ProblemBox, useLoad, when } from '../ui';

interface LogEntry {
  profileId: string;
  at: string;
  journeyId?: string;
  stepId?: string;
  template?: string;
  channel?: string;
  status: string;
  reason?: string;
  deliveryStatus?: string;
  feedback?: string[];
}

interface LogPage {
  day: string;
  messages: LogEntry[];
  nextCursor: string | null;
}

/**
 * The message log across people (GET /v1/messages), one UTC day at a time, newest first: every
 * send decision (sent or refused, and why) with its delivery, open and click status. Works the
 * same deployed and locally; `today` is the API's day (the virtual clock's, locally).
 */
export function MessageLog({ today }: { today?: string }) {
  const [day, setDay] = useState<string>(today ?? '');
  const [pages, setPages] = useState<LogPage[]>([]);
  const [more, setMore] = useState<unknown>(null);
  const first = useLoad<LogPage>(
    () => api.get<LogPage>(`/v1/messages?limit=50${day ? `&day=${encodeURIComponent(day)}` : ''}`),
    [day],
  );
  const all = first.data ? [first.data, ...pages] : [];
  const entries = all.flatMap((p) => p.messages);
  const next = all.length ? all[all.length - 1].nextCursor : null;
  const shownDay = first.data?.day ?? day;
  return (
    <section class="card" aria-label="The day's message log">
      <div class="row">
        <h2>Message log of {shownDay || 'today'} (UTC)</h2>
        <Field label="Day" errors={[]}>
          {(id) => (
            <input
              id={id}
              type="date"
              value={shownDay}
              onChange={(e) => {
                setPages([]);
                setDay((e.target as HTMLInputElement).value);
              }}
            />
          )}
        </Field>
        <button type="button" onClick={() => (setPages([]), first.reload())}>
          Refresh log
        </button>
      </div>
      <ProblemBox error={first.error ?? more} />
      <table aria-label="Message log">
        <thead>
          <tr>
            <th scope="col">At</th>
            <th scope="col">Person</th>
            <th scope="col">Journey / step</th>
            <th scope="col">Channel</th>
            <th scope="col">Outcome</th>
            <th scope="col">Delivery, opens, clicks</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((m) => (
            <tr key={m.profileId + m.at + (m.stepId ?? '')}>
              <td>{when(m.at)}</td>
              <td>
                <a href={href('people', m.profileId)}>{m.profileId.slice(0, 8)}…</a>
              </td>
              <td>
                {m.journeyId ?? '—'} / {m.stepId ?? '—'}
              </td>
              <td>{m.channel ?? '—'}</td>
              <td>
                {m.status.replace(/_/g, ' ')}
                {m.reason ? <span class="muted"> — {m.reason}</span> : null}
              </td>
              <td>{(m.feedback ?? []).join(', ') || '—'}</td>
            </tr>
          ))}
          {entries.length === 0 && first.data && (
            <tr>
              <td colSpan={6} class="muted">
                No message on this day.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {next && (
        <button
          type="button"
          onClick={() =>
            api
              .get<LogPage>(`/v1/messages?limit=50&day=${encodeURIComponent(shownDay)}&cursor=${encodeURIComponent(next)}`)
              .then((p) => setPages((ps) => [...ps, p]), setMore)
          }
        >
          Older messages
        </button>
      )}
    </section>
  );
}
