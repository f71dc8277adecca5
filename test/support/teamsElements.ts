/**
 * Teams-only card elements: the charts (learn.microsoft.com/microsoftteams/platform/
 * task-modules-and-cards/cards/charts-in-adaptive-cards), Icon/Badge and CodeBlock
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-format#codeblock-in-adaptive-cards). The 1.5 parser does not
 * know them, and clients that do not render them (the Agents Playground may be one) show their
 * `fallback`. Our rule: such an element is accepted ONLY with a fallback element (not "drop") that
 * carries the same numbers, e.g. a FactSet. The 1.5 checks then see the card as those clients do:
 * every Teams element replaced by its fallback.
 */
type JsonObject = Record<string, unknown>;

const COMMON = [
  'type',
  'id',
  'isVisible',
  'separator',
  'spacing',
  'horizontalAlignment',
  'height',
  'targetWidth',
  'requires',
  'fallback',
  'grid.area',
  'lang',
  'title',
];
const AXES = ['xAxisTitle', 'yAxisTitle', 'color', 'colorSet', 'data'];

/** Property names per Teams element (from the Teams chart reference tables). */
const PROPERTIES: Record<string, string[]> = {
  'Chart.Line': [...COMMON, ...AXES, 'yMin', 'yMax', 'showLegend'],
  'Chart.VerticalBar': [...COMMON, ...AXES, 'showBarValues'],
  'Chart.VerticalBar.Grouped': [...COMMON, ...AXES, 'stacked', 'showBarValues'],
  'Chart.HorizontalBar': [...COMMON, ...AXES, 'displayMode'],
  'Chart.HorizontalBar.Stacked': [...COMMON, ...AXES],
  'Chart.Donut': [...COMMON, 'colorSet', 'data'],
  'Chart.Pie': [...COMMON, 'colorSet', 'data'],
  'Chart.Gauge': [
    ...COMMON,
    'colorSet',
    'value',
    'min',
    'max',
    'segments',
    'showLegend',
    'showMinMax',
    'subLabel',
    'valueFormat',
  ],
  Icon: [...COMMON, 'name', 'size', 'style', 'color', 'selectAction'],
  CodeBlock: [
    'type',
    'id',
    'codeSnippet',
    'language',
    'startLineNumber',
    'fallback',
    'spacing',
    'separator',
  ],
  Badge: [
    ...COMMON,
    'text',
    'icon',
    'iconPosition',
    'appearance',
    'shape',
    'size',
    'style',
    'tooltip',
  ],
};

export const TEAMS_ELEMENT_TYPES = Object.keys(PROPERTIES);
export const isTeamsElement = (obj: JsonObject): boolean =>
  typeof obj.type === 'string' && Object.hasOwn(PROPERTIES, obj.type);

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** Problems with the `data` (or segments) of one chart: the shapes the Teams reference gives. */
function dataProblems(where: string, obj: JsonObject): string[] {
  const type = obj.type as string;
  const problems: string[] = [];
  const list = (key: string, each: (item: JsonObject) => boolean, shape: string) => {
    const value = obj[key];
    if (!Array.isArray(value)) return problems.push(`${where}: "${key}" must be an array`);
    if (!value.every((item) => isObject(item) && each(item)))
      problems.push(`${where}: every "${key}" item must be ${shape}`);
  };
  const point = (p: unknown) => isObject(p) && typeof p.x === 'string' && isNumber(p.y);
  if (type === 'Chart.Line' || type.endsWith('.Grouped') || type.endsWith('.Stacked'))
    list(
      'data',
      (s) => Array.isArray(s.values) && s.values.every(point),
      '{legend, values: [{x: string, y: number}]}',
    );
  else if (type === 'Chart.VerticalBar' || type === 'Chart.HorizontalBar')
    list('data', point, '{x: string, y: number}');
  else if (type === 'Chart.Donut' || type === 'Chart.Pie')
    list('data', (d) => isNumber(d.value), '{legend, value: number}');
  else if (type === 'Chart.Gauge') {
    if (obj.value !== undefined && !isNumber(obj.value))
      problems.push(`${where}: "value" must be a number`);
    if (obj.segments !== undefined)
      list('segments', (s) => isNumber(s.value ?? s.size), '{legend, value: number}');
  } else if (type === 'Icon' && typeof obj.name !== 'string')
    problems.push(`${where}: an Icon needs "name"`);
  else if (type === 'Badge' && typeof obj.text !== 'string' && typeof obj.icon !== 'string')
    problems.push(`${where}: a Badge needs "text" or "icon"`);
  return problems;
}

/** Problems of one Teams element: its properties, its data, and its fallback. */
export function teamsElementProblems(where: string, obj: JsonObject): string[] {
  const problems: string[] = [];
  const known = new Set(PROPERTIES[obj.type as string]);
  for (const key of Object.keys(obj))
    if (!known.has(key)) problems.push(`${where}: unknown property "${key}"`);
  problems.push(...dataProblems(where, obj));
  const fallback = obj.fallback;
  if (!isObject(fallback) || typeof fallback.type !== 'string')
    problems.push(
      `${where}: a Teams-only element needs a fallback element (a FactSet or TextBlock with the same numbers), got ${JSON.stringify(fallback)}`,
    );
  else if (isTeamsElement(fallback))
    problems.push(
      `${where}: its fallback must be an Adaptive Card 1.5 element, not ${fallback.type}`,
    );
  return problems;
}

/** The card as a client without Teams elements sees it: each one replaced by its fallback. */
export function withFallbacks(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withFallbacks);
  if (!isObject(node)) return node;
  if (isTeamsElement(node))
    return isObject(node.fallback) ? withFallbacks(node.fallback) : { type: 'TextBlock', text: '' };
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === 'data' ? v : withFallbacks(v)]),
  );
}
