/**
 * User text in markdown-rendering card properties (issue 11 item 9): escapeMarkdown itself, and
 * render.ts wrapping every `${…}` of those properties so that no view-model can forget it.
 */
import * as ACData from 'adaptivecards-templating';
import { escapeMarkdown } from '../../src/views/markdown';
import { escapeExpressions, escapeMarkdownProperties, renderCard } from '../../src/views/render';

const expand = (template: object, data: object) =>
  new ACData.Template(escapeMarkdownProperties(template)).expand({ $root: data });

describe('escapeMarkdown', () => {
  it.each([
    ['plain words stay as they are', 'School set 1 (north)', 'School set 1 (north)'],
    ['bold', '**bold**', '\\*\\*bold\\*\\*'],
    ['italic with underscores', '_Eve_', '\\_Eve\\_'],
    ['italic with one star', '*Eve*', '\\*Eve\\*'],
    ['link', '[link](https://example.invalid/x)', '\\[link\\](https://example.invalid/x)'],
    ['image', '![x](y)', '!\\[x\\](y)'],
    ['code', '`rm -rf`', '\\`rm -rf\\`'],
    ['strike-through', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['a backslash is shown, not taken as an escape', 'a\\*b', 'a\\\\\\*b'],
    ['tags and autolinks', '<at>Eve</at> <https://x>', '\\<at>Eve\\</at> \\<https://x>'],
    ['an entity shows as written', 'A &amp; B & C', 'A \\&amp; B & C'],
    ['a dash list item', '- one', '\\- one'],
    ['a plus list item', '  + one', '  \\+ one'],
    ['a heading', '# Title', '\\# Title'],
    ['a quote', '> quoted', '\\> quoted'],
    ['an ordered list item', '1. first', '1\\. first'],
    ['an ordered list item with a parenthesis', '12) first', '12\\) first'],
    ['every line of several', 'a\n- b\n2. c\n# d', 'a\n\\- b\n2\\. c\n\\# d'],
    ['a dash inside a line stays', 'Year 7-8 - all', 'Year 7-8 - all'],
    ['a number inside a line stays', 'Set 1. Staff', 'Set 1. Staff'],
    [
      'a date format function is not run',
      '{{DATE(2026-01-01T00:00:00Z)}}',
      '{\u200b{DATE(2026-01-01T00:00:00Z)}}',
    ],
    ['template syntax is just text', '${name} $root', '${name} $root'],
    ['empty', '', ''],
  ])('%s', (_, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('escapeExpressions', () => {
  it.each([
    ['${name}', '${markdownText(name)}'],
    ['Reason: ${reason}', 'Reason: ${markdownText(reason)}'],
    ['• ${text} (${n})', '• ${markdownText(text)} (${markdownText(n)})'],
    ["${if(a == '}', 'x', b)}", "${markdownText(if(a == '}', 'x', b))}"],
    ['${trustedMarkdown(wording)}', '${trustedMarkdown(wording)}'],
    ['${trustedMarkdown(a) + b}', '${markdownText(trustedMarkdown(a) + b)}'],
    ['no expression', 'no expression'],
  ])('%s → %s', (input, expected) => {
    expect(escapeExpressions(input)).toBe(expected);
  });
});

describe('rendering user text', () => {
  const hostile = '**bold** [link](https://example.invalid/x)';
  const escaped = '\\*\\*bold\\*\\* \\[link\\](https://example.invalid/x)';

  it('escapes TextBlocks, facts, toggles and checkbox titles, not values, commands or conditions', () => {
    const card = expand(
      {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          { type: 'TextBlock', text: 'Set: ${name}', $when: "${name != ''}" },
          { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
          { type: 'Input.Toggle', id: 't', title: '${name}', value: '${name}' },
          { type: 'Input.Text', id: 'x', label: 'Name', value: '${name}' },
          {
            type: 'Input.ChoiceSet',
            id: 'm',
            isMultiSelect: true,
            choices: [{ $data: '${facts}', title: '${title}', value: '${value}' }],
          },
          {
            type: 'Input.ChoiceSet',
            id: 'c',
            style: 'compact',
            choices: [{ $data: '${facts}', title: '${title}', value: '${value}' }],
          },
        ],
        actions: [{ type: 'Action.Execute', title: '${name}', data: { command: 'show ${name}' } }],
      },
      { name: hostile, facts: [{ title: hostile, value: hostile }] },
    );
    expect(card.body).toEqual([
      { type: 'TextBlock', text: `Set: ${escaped}` },
      { type: 'FactSet', facts: [{ title: escaped, value: escaped }] },
      { type: 'Input.Toggle', id: 't', title: escaped, value: hostile },
      { type: 'Input.Text', id: 'x', label: 'Name', value: hostile },
      {
        type: 'Input.ChoiceSet',
        id: 'm',
        isMultiSelect: true,
        choices: [{ title: escaped, value: hostile }],
      },
      {
        type: 'Input.ChoiceSet',
        id: 'c',
        style: 'compact',
        choices: [{ title: hostile, value: hostile }],
      },
    ]);
    expect(card.actions).toEqual([
      { type: 'Action.Execute', title: hostile, data: { command: `show ${hostile}` } },
    ]);
  });

  it("keeps the template's own markdown and trustedMarkdown(…) as markdown", () => {
    const card = expand(
      {
        type: 'AdaptiveCard',
        body: [{ type: 'TextBlock', text: '**Ours** ${trustedMarkdown(ours)} ${theirs}' }],
      },
      { ours: '_also ours_', theirs: '_theirs_' },
    );
    expect(card.body[0].text).toBe('**Ours** _also ours_ \\_theirs\\_');
  });

  it('does not expand template syntax that is in the data', () => {
    const card = expand(
      {
        type: 'AdaptiveCard',
        body: [
          { type: 'TextBlock', text: '${name}' },
          { type: 'Input.Text', id: 'n', value: '${name}' },
        ],
      },
      { name: "${secret} ${$root.secret} ${if(true, 'x', 'y')}", secret: 'LEAKED' },
    );
    expect(card.body[0].text).toBe("${secret} ${$root.secret} ${if(true, 'x', 'y')}");
    expect(card.body[1].value).toBe("${secret} ${$root.secret} ${if(true, 'x', 'y')}");
  });

  it('leaves a missing field as the template wrote it, as before', () => {
    const card = expand(
      { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'A ${nope}' }] },
      {},
    );
    expect(card.body[0].text).toBe('A ${nope}');
  });

  it('applies to the real templates through renderCard', () => {
    const card = renderCard('which-one', {
      message: hostile,
      hint: '',
      more: '',
      choices: [
        { name: hostile, detail: '_Eve_ [x](y)', button: hostile, command: `show ${hostile}` },
      ],
    });
    const text = JSON.stringify(card);
    expect(card.body[0]).toMatchObject({ text: escaped });
    expect(text).toContain(JSON.stringify(escaped));
    expect(text).toContain(JSON.stringify('\\_Eve\\_ \\[x\\](y)'));
    expect(text).toContain(JSON.stringify(`show ${hostile}`));
    expect(text).toContain(`"title":${JSON.stringify(hostile)}`);
  });
});
