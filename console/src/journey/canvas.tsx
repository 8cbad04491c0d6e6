import dagre from '@dagrejs/dagre';
import { useMemo } from 'preact/hooks';
import { Edge, JourneyDoc, StepStats, TYPE_LABELS, edges, portCount, startStep, summary } from './model';

export const ENTRY = '__entry';
const W = 230;
const H = 96;

export interface CanvasProps {
  doc: JourneyDoc;
  selected?: string;
  onSelect: (id: string) => void;
  /** errors per step id (and ENTRY for the document's own fields) */
  errors: Record<string, string[]>;
  /** counts per step id (and ENTRY) */
  counts: Record<string, [string, number][]>;
  /** per-way counts for the edges of branch and split steps: live (stats) and predicted (simulation) */
  ways?: { live?: StepStats; predicted?: StepStats };
}

interface Laid {
  nodes: { id: string; x: number; y: number }[];
  lines: { edge: Edge | null; points: { x: number; y: number }[]; label: string }[];
  width: number;
  height: number;
}

/** Lays the journey out top to bottom with dagre: the entry, then each step, edges labelled. */
function layout(doc: JourneyDoc): Laid {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 56, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode(ENTRY, { width: W, height: H });
  const ids = new Set<string>();
  for (const s of doc.steps ?? []) {
    if (s && typeof s.id === 'string' && !ids.has(s.id)) {
      ids.add(s.id);
      g.setNode(s.id, { width: W, height: H });
    }
  }
  const start = startStep(doc);
  if (start && ids.has(start)) g.setEdge(ENTRY, start, { label: '', width: 10, height: 14 }, 'start');
  const es = edges(doc).filter((e) => ids.has(e.step) && ids.has(e.to));
  es.forEach((e, i) => {
    // a repeat's back edge is drawn against the flow: laid out reversed so the graph stays acyclic
    if (e.back) g.setEdge(e.to, e.step, { label: e.label, width: 80, height: 14, edge: e }, 'e' + i);
    else g.setEdge(e.step, e.to, { label: e.label, width: 80, height: 14, edge: e }, 'e' + i);
  });
  dagre.layout(g);
  const graph = g.graph();
  return {
    nodes: g.nodes().map((id) => ({ id, x: g.node(id).x, y: g.node(id).y })),
    lines: g.edges().map((e) => {
      const d: any = g.edge(e);
      return { edge: d.edge ?? null, points: d.points, label: d.label ?? '' };
    }),
    width: (graph.width ?? 400) + 40,
    height: (graph.height ?? 200) + 40,
  };
}

export function Canvas({ doc, selected, onSelect, errors, counts, ways }: CanvasProps) {
  const laid = useMemo(() => layout(doc), [JSON.stringify(doc)]);
  const byId = new Map((doc.steps ?? []).map((s) => [s.id, s]));
  return (
    <div class="canvas" role="region" aria-label="Journey canvas">
      <div class="canvas-inner" style={{ width: laid.width + 'px', height: laid.height + 'px' }}>
        <svg width={laid.width} height={laid.height} aria-hidden="true" class="edges">
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#475569" />
            </marker>
          </defs>
          {laid.lines.map((l, i) => {
            const d = l.points.map((p, j) => `${j ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
            const mid = l.points[Math.floor(l.points.length / 2)];
            const from = l.edge ? byId.get(l.edge.step) : undefined;
            const live = l.edge && portCount(ways?.live, from, l.edge);
            const predicted = l.edge && portCount(ways?.predicted, from, l.edge);
            const text =
              l.label + (live !== undefined ? ` · ${live}` : '') + (predicted !== undefined ? ` · predicted ${predicted}` : '');
            return (
              <g key={i} class={l.edge?.back ? 'edge back' : 'edge'}>
                <path d={d} fill="none" marker-end={l.edge?.back ? undefined : 'url(#arrow)'} marker-start={l.edge?.back ? 'url(#arrow)' : undefined} />
                {l.label && (
                  <text x={mid.x + 6} y={mid.y - 4} class="edge-label" data-edge={l.edge ? `${l.edge.step}|${l.edge.path}` : undefined}>
                    {text}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        {laid.nodes.map((n) => {
          const step = byId.get(n.id);
          const errs = errors[n.id] ?? [];
          const c = counts[n.id] ?? [];
          const title = n.id === ENTRY ? 'Entry' : `${TYPE_LABELS[step?.type ?? ''] ?? step?.type}: ${n.id}`;
          return (
            <button
              key={n.id}
              type="button"
              class={`node ${n.id === ENTRY ? 'entry' : 'type-' + step?.type} ${selected === n.id ? 'selected' : ''} ${errs.length ? 'has-errors' : ''}`}
              style={{ left: n.x - W / 2 + 'px', top: n.y - H / 2 + 'px', width: W + 'px', height: H + 'px' }}
              aria-pressed={selected === n.id}
              data-step={n.id}
              onClick={() => onSelect(n.id)}
            >
              <span class="node-title">{title}</span>
              <span class="node-summary">{n.id === ENTRY ? entrySummary(doc) : step ? summary(step) : ''}</span>
              {c.length > 0 && (
                <span class="node-counts">
                  {c.map(([k, v]) => (
                    <span key={k} class="count" data-count={k}>
                      {k} <b>{v}</b>
                    </span>
                  ))}
                </span>
              )}
              {errs.length > 0 && <span class="node-errors">⚠ {errs[0]}</span>}
            </button>
          );
        })}
      </div>
    </div>
  );
}

export function entrySummary(doc: JourneyDoc): string {
  const e = doc.entry ?? {};
  const form = e.event
    ? `on ${e.event}`
    : e.segment
      ? `segment ${e.segment.id} ${e.segment.on ?? 'entered'}`
      : e.dateTrait
        ? `${e.dateTrait.trait} ${e.dateTrait.offset}`
        : e.schedule
          ? `schedule ${e.schedule}`
          : e.api
            ? 'API'
            : '(no entry)';
  const filters = (e.filters ?? []).map((f: any) => `${f.field} ${f.op} ${f.value ?? ''}`).join(', ');
  return filters ? `${form} where ${filters}` : form;
}
