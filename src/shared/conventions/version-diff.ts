// What changed between two convention versions, article by article and parameter by parameter:
// computed by the server (GET /api/conventions/versions/:from/diff/:to), shown by the council's
// screen. Pure: no Nest, no DOM, no node builtins.

export interface DiffableVersion {
  number: number;
  articles: { number: number; text: string }[];
  parameters: object;
}

export interface VersionDiff {
  from: number;
  to: number;
  articles: {
    added: { number: number; text: string }[];
    removed: { number: number; text: string }[];
    changed: { number: number; from: string; to: string }[];
  };
  parameters: { name: string; from: unknown; to: unknown }[];
}

export function diffVersions(a: DiffableVersion, b: DiffableVersion): VersionDiff {
  const before = new Map(a.articles.map((x) => [x.number, x.text]));
  const after = new Map(b.articles.map((x) => [x.number, x.text]));
  const added = b.articles.filter((x) => !before.has(x.number));
  const removed = a.articles.filter((x) => !after.has(x.number));
  const changed = b.articles
    .filter((x) => before.has(x.number) && before.get(x.number) !== x.text)
    .map((x) => ({ number: x.number, from: before.get(x.number)!, to: x.text }));
  const pa = a.parameters as Record<string, unknown>;
  const pb = b.parameters as Record<string, unknown>;
  const names = [...new Set([...Object.keys(pa), ...Object.keys(pb)])].sort();
  const parameters = names
    .filter((name) => !sameValue(pa[name], pb[name]))
    .map((name) => ({ name, from: pa[name] ?? null, to: pb[name] ?? null }));
  return { from: a.number, to: b.number, articles: { added, removed, changed }, parameters };
}

/** Parameters are JSON: equal when their values are, whatever the order of an object's keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameValue(ra[k], rb[k]));
}
