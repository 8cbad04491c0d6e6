import { useEffect, useState } from 'preact/hooks';

/** The route is the part after '#': '/journeys/abc' → ['journeys', 'abc']. */
export function useRoute(): string[] {
  const read = () =>
    (location.hash.replace(/^#\/?/, '') || 'journeys').split('/').map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function href(...parts: string[]): string {
  return '#/' + parts.map(encodeURIComponent).join('/');
}

export function go(...parts: string[]): void {
  location.hash = href(...parts).slice(1);
}
