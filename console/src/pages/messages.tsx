import { useState } from 'preact/hooks';
import { ApiProblem, api } from '../api';
import { Text } from '../journey/fields';
import { ProblemBox, useLoad, when } from '../ui';
import { MessageLog } from './messageLog';

interface OutboxMessage {
  id: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string | null;
  html: string | null;
  journey: string | null;
  run: string | null;
  step: string | null;
  at: string;
}

/** Messages: the local outbox with each e-mail rendered as the recipient sees it, and the clock. */
export function MessagesPage() {
  const clock = useLoad(() => api.get('/_local/clock'), []);
  const outbox = useLoad(() => api.get<{ messages: OutboxMessage[] }>('/_local/outbox'), []);
  const [open, setOpen] = useState<string | null>(null);
  const local = !(clock.error instanceof ApiProblem && clock.error.status === 404);
  if (!local) {
    return (
      <section>
        <h1>Messages</h1>
        <p class="muted">
          Deployed, messages go out through SES and SNS; the log below shows each send decision and what became
          of it. (The outbox and the virtual clock are the local runtime's.)
        </p>
        <MessageLog />
      </section>
    );
  }
  const messages = [...(outbox.data?.messages ?? [])].reverse();
  const shown = messages.find((m) => m.id === open);
  return (
    <section>
      <h1>Messages</h1>
      <Clock now={clock.data} reload={() => (clock.reload(), outbox.reload())} />
      <MessageLog key={String(clock.data?.now ?? '')} today={clock.data?.now?.slice(0, 10)} />
      <div class="row">
        <h2>Outbox ({messages.length})</h2>
        <button type="button" onClick={outbox.reload}>
          Refresh
        </button>
      </div>
      <ProblemBox error={outbox.error} />
      <div class="split">
        <table aria-label="Outbox">
          <thead>
            <tr>
              <th scope="col">Sent (virtual time)</th>
              <th scope="col">Channel</th>
              <th scope="col">To</th>
              <th scope="col">Subject or text</th>
              <th scope="col">Journey / step</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id} class={m.id === open ? 'selected' : ''}>
                <td>{when(m.at)}</td>
                <td>{m.channel}</td>
                <td>{m.recipient}</td>
                <td>
                  <button type="button" class="link" onClick={() => setOpen(m.id)} aria-label={`Show the message to ${m.recipient}: ${m.subject ?? m.body ?? ''}`}>
                    {m.subject ?? m.body ?? '(empty)'}
                  </button>
                </td>
                <td>
                  {m.journey ?? '—'} / {m.step ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          {shown ? (
            <div class="card" aria-label="Message">
              <h2>{shown.subject ?? shown.channel}</h2>
              <p class="muted">
                to {shown.recipient} at {when(shown.at)}
              </p>
              <OpenAsRecipient id={shown.id} channel={shown.channel} />
              {shown.html ? (
                <iframe class="preview" title={`E-mail to ${shown.recipient} as rendered`} sandbox="" srcdoc={shown.html} />
              ) : (
                <pre>{shown.body}</pre>
              )}
            </div>
          ) : (
            <p class="muted">Choose a message to see it as the recipient does.</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** Local only: the recipient opens the e-mail, which comes back as SES feedback (the message log's "open"). */
function OpenAsRecipient({ id, channel }: { id: string; channel: string }) {
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (channel !== 'email') return null;
  return (
    <div class="row">
      <button
        type="button"
        onClick={() =>
          api.post(`/_local/outbox/${encodeURIComponent(id)}/open`).then(
            () => setDone('Opened: the open is on its way back as feedback.'),
            setError,
          )
        }
      >
        Open it as the recipient
      </button>
      {done && <span role="status">{done}</span>}
      <ProblemBox error={error} />
    </div>
  );
}

function Clock({ now, reload }: { now: any; reload: () => void }) {
  const [by, setBy] = useState('P1D');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const errors = error instanceof ApiProblem ? error.forField('/by') : [];
  return (
    <form
      class="card"
      aria-label="Virtual clock"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => api.post('/_local/clock/advance', { by }));
      }}
    >
      <h2>Virtual clock</h2>
      <p>
        Now: <strong data-clock>{now?.now ?? '…'}</strong> {now?.followsRealTime ? '(follows real time)' : '(stands still until advanced)'}
      </p>
      <div class="row">
        <Text label="Advance by (ISO-8601 duration: PT1H, P3D)" name="advance-by" value={by} errors={errors} onInput={(v) => setBy(v ?? '')} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Advancing…' : 'Advance'}
        </button>
        <button type="button" onClick={() => run(() => api.post('/_local/clock/freeze'))}>
          Freeze
        </button>
        <button type="button" onClick={() => run(() => api.post('/_local/clock/follow'))}>
          Follow real time
        </button>
      </div>
      {!errors.length && <ProblemBox error={error} />}
    </form>
  );
}
