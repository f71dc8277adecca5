/** The validator itself must be able to fail: each broken card here must produce a problem. */
import { renderCard } from '../../src/views/render';
import { MAX_CARD_BYTES, validateAdaptiveCard } from '../support/adaptiveCardSchema';

const card = (body: unknown[], actions: unknown[] = [], extra: object = {}) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body,
  actions,
  ...extra,
});
const text = { type: 'TextBlock', text: 'Hello', wrap: true };
const execute = { type: 'Action.Execute', title: 'Go', verb: 'command.run', data: { a: 1 } };

const facts = { type: 'FactSet', facts: [{ title: 'Errors', value: '3' }] };
/** A line chart with one series; `fallback` as given (none when undefined). */
const line = (fallback?: unknown) => ({
  type: 'Chart.Line',
  title: 'Errors',
  data: [{ legend: 'Errors', values: [{ x: 'Run 1', y: 3 }] }],
  ...(fallback === undefined ? {} : { fallback }),
});

describe('validateAdaptiveCard', () => {
  it('when every Teams chart, Icon and Badge has a 1.5 fallback, then there are no problems', () => {
    const good = card([
      line(facts),
      { type: 'Chart.VerticalBar', data: [{ x: 'students', y: 3 }], fallback: facts },
      { type: 'Chart.HorizontalBar', data: [{ x: 'teachers', y: 1 }], fallback: facts },
      { type: 'Chart.Donut', data: [{ legend: 'ready', value: 5 }], fallback: facts },
      { type: 'Chart.Gauge', value: 5, segments: [{ legend: 'ok', value: 5 }], fallback: facts },
      { type: 'Icon', name: 'CheckmarkCircle', fallback: text },
      { type: 'Badge', text: 'completed', style: 'Good', fallback: text },
    ]);
    expect(validateAdaptiveCard(good)).toEqual([]);
  });

  it('when the card is a valid 1.5 card with an Action.Execute, then there are no problems', () => {
    const good = card(
      [
        text,
        { type: 'FactSet', facts: [{ title: 'a', value: 'b' }] },
        {
          type: 'Table',
          columns: [{ width: 1 }],
          rows: [{ type: 'TableRow', cells: [{ type: 'TableCell', items: [text] }] }],
        },
        { type: 'Input.Text', id: 'name', label: 'Name', isRequired: true, errorMessage: 'Needed' },
      ],
      [execute, { ...execute, isEnabled: false }],
    );
    expect(validateAdaptiveCard(good)).toEqual([]);
  });

  it.each([
    ['an unknown element type', card([{ type: 'Sparkle', text: 'x' }]), 'Unknown element type'],
    ['an unknown action type', card([text], [{ type: 'Action.Launch' }]), 'Unknown action type'],
    ['a 1.6 element (Carousel)', card([{ type: 'Carousel', pages: [] }]), 'Carousel'],
    [
      'a 1.6 property (Action role)',
      card([text], [{ ...execute, role: 'Button' }]),
      '"role" is supported in version 1.6',
    ],
    [
      'a 1.6 property (Image forceLoad)',
      card([{ type: 'Image', url: 'https://x.test/a.png', forceLoad: true }]),
      'forceLoad',
    ],
    ['version 1.6', card([text], [], { version: '1.6' }), 'version must be "1.5"'],
    ['no version', { type: 'AdaptiveCard', body: [text] }, '"version" is required'],
    ['an invalid enum value', card([{ ...text, size: 'Huge' }]), 'Invalid value "Huge"'],
    ['a misspelt property', card([{ ...text, wieght: 'Bolder' }]), 'unknown property "wieght"'],
    ['a TextBlock without text', card([{ type: 'TextBlock' }]), '"text" is required'],
    [
      'a Fact without value',
      card([{ type: 'FactSet', facts: [{ title: 'a' }] }]),
      'a Fact needs "value"',
    ],
    [
      'a duplicate id',
      card([
        { ...text, id: 'x' },
        { ...text, id: 'x' },
      ]),
      'Duplicate Id',
    ],
    [
      'an Action.Submit',
      card([text], [{ type: 'Action.Submit', title: 'Old' }]),
      'Action.Submit is not allowed',
    ],
    [
      'a nested Action.Submit',
      card([{ type: 'ActionSet', actions: [{ type: 'Action.Submit' }] }]),
      'Action.Submit is not allowed',
    ],
    [
      'an Action.Execute without verb',
      card([text], [{ type: 'Action.Execute', title: 'Go' }]),
      'needs a verb',
    ],
    [
      'an unexpanded expression',
      card([{ ...text, text: '${title}' }]),
      'unexpanded template expressions left: ${title}',
    ],
    ['a leftover $when', card([{ ...text, $when: 'true' }]), 'unexpanded $data/$when'],
    [
      'more than 28 KB',
      card([{ ...text, text: 'x'.repeat(MAX_CARD_BYTES) }]),
      'over the 28672-byte limit',
    ],
    ['not an AdaptiveCard', { type: 'MessageCard' }, 'type must be "AdaptiveCard"'],
    ['a chart without fallback', card([line()]), 'needs a fallback element'],
    ['a chart whose fallback is "drop"', card([line('drop')]), 'needs a fallback element'],
    [
      'a chart whose fallback is another chart',
      card([line(line(facts))]),
      'must be an Adaptive Card 1.5 element, not Chart.Line',
    ],
    ['a chart with a broken fallback', card([line({ type: 'FactSet' })]), '"facts" is required'],
    [
      'a bar chart with a text value',
      card([{ type: 'Chart.VerticalBar', data: [{ x: 'a', y: '3' }], fallback: facts }]),
      'must be {x: string, y: number}',
    ],
    [
      'a chart with a misspelt property',
      card([{ ...line(facts), xAxisTitel: 'Run' }]),
      'unknown property "xAxisTitel"',
    ],
    ['a Badge without fallback', card([{ type: 'Badge', text: 'ok' }]), 'needs a fallback'],
    ['an Icon without name', card([{ type: 'Icon', fallback: text }]), 'needs "name"'],
    [
      'a CodeBlock without fallback',
      card([{ type: 'CodeBlock', codeSnippet: '{}', language: 'Json' }]),
      'needs a fallback element',
    ],
    [
      'a CodeBlock with a misspelt property',
      card([{ type: 'CodeBlock', codeSnipet: '{}', fallback: text }]),
      'unknown property "codeSnipet"',
    ],
  ])('when the card has %s, then a problem says so', (_what, broken, expected) => {
    const problems = validateAdaptiveCard(broken);
    expect(problems.join('\n')).toContain(expected);
  });

  it('when a Teams CodeBlock has a fallback, then there are no problems', () => {
    const code = { type: 'CodeBlock', codeSnippet: '{}', language: 'Json', fallback: text };
    expect(validateAdaptiveCard(card([code]))).toEqual([]);
  });

  it('when a real template is bound to a view-model that lacks its fields, then the leftover ${…} is reported', () => {
    const problems = validateAdaptiveCard(renderCard('error', { title: 'Only a title' }));
    expect(problems.join('\n')).toMatch(/unexpanded template expressions left: .*\$\{message\}/);
  });
});
