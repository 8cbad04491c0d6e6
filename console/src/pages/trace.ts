/** One decision of a person's trace in plain words: "favorite-offer: sent by email" etc. */
export function plainTrace(t: { journeyId?: string; kind?: string; decision?: string; reason?: string; runId?: string }): string {
  const d = String(t.decision ?? '').replace(/_/g, ' ');
  const what = (() => {
    switch (t.kind) {
      case 'entry':
        return t.decision === 'entered' ? 'entered the journey' : `did not enter the journey (${d})`;
      case 'send':
        return t.decision === 'sent' ? 'was sent a message' : `was not sent a message (${d})`;
      case 'wait':
        return t.decision === 'performed' ? 'did what the journey waited for' : t.decision === 'timed_out' ? 'did not do it in time' : `waits (${d})`;
      case 'goal':
        return 'reached the goal';
      default:
        return `${t.kind ?? 'step'}: ${d}`;
    }
  })();
  return `${t.journeyId ?? ''}: ${what}${t.reason ? ' — ' + t.reason : ''}.`;
}
