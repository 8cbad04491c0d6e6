import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, api, seg } from '../api';
import { Choice, Text } from '../journey/fields';
import { go, href } from '../router';
import { Field, ProblemBox, useLoad, when } from '../ui';

export function TemplatesPage({ route }: { route: string[] }) {
  return route[0] ? <TemplateEditor key={route[0]} id={route[0]} /> : <TemplateList />;
}

function TemplateList() {
  const { data, error } = useLoad(() => api.get('/v1/templates'), []);
  const [id, setId] = useState('');
  return (
    <section>
      <h1>Templates</h1>
      <ProblemBox error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Latest version</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {(data?.templates ?? []).map((t: any) => (
            <tr key={t.id}>
              <td>
                <a href={href('templates', t.id)}>{t.id}</a>
              </td>
              <td>{t.version}</td>
              <td>{when(t.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="card row" aria-label="New template" onSubmit={(e) => (e.preventDefault(), id && go('templates', id))}>
        <Text label="New template id (a-z, 0-9, -)" name="new-template" value={id} onInput={(v) => setId(v ?? '')} />
        <button type="submit">Create template</button>
      </form>
    </section>
  );
}

const PARTS: [string, string, boolean][] = [
  ['email/subject', 'E-mail subject', false],
  ['email/html', 'E-mail HTML (Liquid)', true],
  ['email/text', 'E-mail text', true],
  ['sms/body', 'SMS text', true],
  ['push/title', 'Push title', false],
  ['push/body', 'Push text', true],
];

function get(doc: any, path: string) {
  return path.split('/').reduce((o, k) => o?.[k], doc);
}

function put(doc: any, path: string, value: string | undefined) {
  const [group, field] = path.split('/');
  const next = { ...doc, [group]: { ...(doc[group] ?? {}) } };
  if (value) next[group][field] = value;
  else delete next[group][field];
  if (Object.keys(next[group]).length === 0) delete next[group];
  return next;
}

/** One template: its parts per channel, saved as a new version; the API's preview; a test send. */
function TemplateEditor({ id }: { id: string }) {
  const path = `/v1/templates/${seg(id)}`;
  const [doc, setDoc] = useState<any>(null);
  const [view, setView] = useState<any>(null);
  const [sample, setSample] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [person, setPerson] = useState('');
  const [preview, setPreview] = useState<any>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);

  const load = () =>
    api.get(path).then(
      (v) => {
        setView(v);
        setDoc(v.document);
        setSample(JSON.stringify(v.document.sample ?? {}, null, 2));
      },
      (e) => {
        if (e instanceof ApiProblem && e.status === 404) {
          setDoc({ email: { subject: '', html: '' }, sample: { profile: {}, event: {}, data: {} } });
          setSample('{"profile": {}, "event": {}, "data": {}}');
        } else setProblem(e);
      },
    );
  useEffect(() => {
    load();
  }, [id]);

  // the preview, rendered by the API from the document as it stands (unsaved edits included)
  const renderPreview = async () => {
    if (!doc) return;
    setPreviewError(null);
    try {
      const data = JSON.parse(sample || '{}');
      const document = { ...doc, sample: data };
      const body = person ? { profileId: person, document } : { document, data };
      setPreview(await api.post(`${path}/preview`, body));
    } catch (e) {
      setPreviewError(e instanceof SyntaxError ? new Error('the sample data is not JSON') : e);
    }
  };
  useEffect(() => {
    const timer = setTimeout(renderPreview, 300);
    return () => clearTimeout(timer);
  }, [JSON.stringify(doc), sample, person]);

  if (!doc) return problem ? <ProblemBox error={problem} /> : <p>Loading…</p>;
  const errorsAt = (p: string) => (problem instanceof ApiProblem ? problem.forField(p) : []);
  const save = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setNotice('');
    let parsed: any;
    try {
      parsed = JSON.parse(sample || '{}');
    } catch {
      setProblem(new ApiProblem(400, 'Invalid request', 'the sample is not JSON', [{ field: '/sample', message: 'not JSON' }]));
      return;
    }
    try {
      const saved = await api.put(path, { ...doc, sample: parsed });
      // reload first, then say so: an edit typed after the notice is never overwritten by the reload
      await load();
      setNotice(saved.created ? `Saved as version ${saved.version}.` : `No change: version ${saved.version} stays.`);
    } catch (err) {
      setProblem(err);
    }
  };
  const missing: any[] = preview?.missing ?? [];
  return (
    <section>
      <h1>
        Template {id} {view && <span class="muted">version {view.version}</span>}
      </h1>
      <div class="split">
        <form class="card" aria-label="Template" onSubmit={save}>
          {notice && <div class="notice" role="status">{notice}</div>}
          {problem instanceof ApiProblem && <p class="field-error">{problem.detail || problem.title}</p>}
          {!(problem instanceof ApiProblem) && <ProblemBox error={problem} />}
          <Text label="Layout (optional)" value={doc.layout} errors={errorsAt('/layout')} onInput={(v) => setDoc({ ...doc, layout: v })} />
          {PARTS.map(([p, label, long]) => (
            <Field key={p} label={label} errors={errorsAt('/' + p)}>
              {(fid, described) =>
                long ? (
                  <textarea id={fid} name={p} rows={p === 'email/html' ? 8 : 3} value={get(doc, p) ?? ''} aria-describedby={described} aria-invalid={errorsAt('/' + p).length ? 'true' : undefined} onInput={(e) => setDoc(put(doc, p, (e.target as HTMLTextAreaElement).value))} />
                ) : (
                  <input id={fid} name={p} value={get(doc, p) ?? ''} aria-describedby={described} aria-invalid={errorsAt('/' + p).length ? 'true' : undefined} onInput={(e) => setDoc(put(doc, p, (e.target as HTMLInputElement).value))} />
                )
              }
            </Field>
          ))}
          <Field label="Sample data (JSON: profile, event, data)" errors={errorsAt('/sample')}>
            {(fid, described) => <textarea id={fid} rows={5} value={sample} aria-describedby={described} onInput={(e) => setSample((e.target as HTMLTextAreaElement).value)} />}
          </Field>
          <button type="submit" class="primary">
            Save version
          </button>
        </form>
        <div>
          <div class="card" aria-label="Preview">
            <h2>Preview</h2>
            <div class="row">
              <Text label="Render for a person (profile id; empty: the sample)" name="preview-person" value={person} errors={previewError instanceof ApiProblem ? previewError.forField('/profileId') : []} onInput={(v) => setPerson(v ?? '')} />
              <button type="button" onClick={renderPreview}>
                Render
              </button>
            </div>
            {previewError instanceof ApiProblem && previewError.errors.every((e) => e.field !== '/profileId') ? <ProblemBox error={previewError} /> : null}
            {!(previewError instanceof ApiProblem) && <ProblemBox error={previewError} />}
            {(preview?.errors ?? []).length > 0 && (
              <div class="problem" role="status">
                {preview.errors.map((e: any) => (
                  <div key={e.field}>
                    <code>{e.field}</code>: {e.message}
                  </div>
                ))}
              </div>
            )}
            {missing.length > 0 && (
              <div class="problem" role="status">
                Missing variables (rendered blank):{' '}
                {missing.map((m) => (
                  <span key={m.part + m.variable} class="pill">
                    {m.variable} in {m.part}
                  </span>
                ))}
              </div>
            )}
            {preview?.channels?.email && (
              <>
                <p>
                  <strong>Subject:</strong> <span data-preview="subject">{preview.channels.email.subject}</span>
                </p>
                {preview.channels.email.html && <iframe class="preview" title="E-mail preview" sandbox="" srcdoc={preview.channels.email.html} />}
                {preview.channels.email.text && <pre>{preview.channels.email.text}</pre>}
              </>
            )}
            {preview?.channels?.sms && (
              <p>
                <strong>SMS:</strong> {preview.channels.sms.body}
              </p>
            )}
            {preview?.channels?.push && (
              <p>
                <strong>Push:</strong> {preview.channels.push.title} — {preview.channels.push.body}
              </p>
            )}
          </div>
          <TestSend path={path} />
        </div>
      </div>
    </section>
  );
}

function TestSend({ path }: { path: string }) {
  const [to, setTo] = useState('');
  const [channel, setChannel] = useState('email');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState('');
  const send = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSent('');
    try {
      const a = await api.post(`${path}/test-send`, { to, channel });
      setSent(`Sent version ${a.version} to ${a.to}.`);
    } catch (err) {
      setError(err);
    }
  };
  const at = (f: string) => (error instanceof ApiProblem ? error.forField(f) : []);
  return (
    <form class="card row" aria-label="Test send" onSubmit={send}>
      <Text label="Test recipient (on the test list)" name="test-to" value={to} errors={at('/to')} onInput={(v) => setTo(v ?? '')} />
      <Choice label="Channel" value={channel} errors={at('/channel')} options={[['email', 'e-mail'], ['sms', 'SMS']]} onChange={(v) => setChannel(v ?? 'email')} />
      <button type="submit">Send a test</button>
      {sent && <div class="notice" role="status">{sent}</div>}
    </form>
  );
}
