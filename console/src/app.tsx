import { useRoute, href } from './router';
import { JourneysPage } from './pages/journeys';
import { TemplatesPage } from './pages/templates';
import { SegmentsPage } from './pages/segments';
import { PeoplePage } from './pages/people';
import { MessagesPage } from './pages/messages';

const SECTIONS = [
  ['journeys', 'Journeys'],
  ['templates', 'Templates'],
  ['segments', 'Segments'],
  ['people', 'People'],
  ['messages', 'Messages'],
] as const;

export function App() {
  const route = useRoute();
  const [section, ...rest] = route;
  return (
    <div class="shell">
      <header class="top">
        <a class="brand" href={href('journeys')}>Waymark</a>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={href(id)} aria-current={section === id ? 'page' : undefined}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main">{page(section, rest)}</main>
    </div>
  );
}

function page(section: string, rest: string[]) {
  switch (section) {
    case 'templates':
      return <TemplatesPage route={rest} />;
    case 'segments':
      return <SegmentsPage route={rest} />;
    case 'people':
      return <PeoplePage route={rest} />;
    case 'messages':
      return <MessagesPage />;
    default:
      return <JourneysPage route={rest} />;
  }
}
