/**
 * The configuration-as-code cards from their view functions: the export card with its CodeBlock
 * (and without it when the document is too large), the plan with and without its Continue
 * button, and the errors card's cap. Every card must validate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigDocument } from '../../src/domain/configImport';
import {
  MAX_EXPORT_CARD_BYTES,
  documentErrorsCard,
  exportCard,
  planCard,
} from '../../src/views/configCards';
import { validateAdaptiveCard } from '../support/adaptiveCardSchema';
import { cardText } from '../support/testBot';

const docs = readFileSync(join(__dirname, '../../docs/configuration-as-code.md'), 'utf8');
const json = /## Example[\s\S]*?```json\n([\s\S]*?)\n```/.exec(docs)![1]!;
const parsed = parseConfigDocument(json);
if (!parsed.ok) throw new Error('the docs example must parse');
const document = parsed.document;
const input = { setId: 'set-1', document, json, notes: [], exportedAt: '2026-12-06 23:00:00 UTC' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const elements = (card: any): string[] => card.body.map((e: { type: string }) => e.type);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const codeBlockOf = (card: any) => card.body.find((e: { type: string }) => e.type === 'CodeBlock');

describe('configuration cards', () => {
  it('when a set is exported, then the card shows the JSON in a CodeBlock with a plain-text fallback', () => {
    const card = exportCard(input);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const block = codeBlockOf(card);
    expect(block.codeSnippet).toBe(json);
    expect(block.fallback).toMatchObject({ type: 'TextBlock', fontType: 'Monospace' });
    expect(cardText(card)).toContain('All schools (no filter)');
  });

  it('when the document is too large for a card, then only the summary is shown and it says why', () => {
    const big = json + ' '.repeat(MAX_EXPORT_CARD_BYTES);
    const card = exportCard({ ...input, json: big, notes: ['A note.'] });
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(elements(card)).not.toContain('CodeBlock');
    expect(cardText(card)).toContain('does not fit in a Teams card');
    expect(cardText(card)).toContain('A note.');
  });

  it('when a plan can run again from a button, then it has Continue; a command too long for a button has none', () => {
    const steps = [{ what: 'Flow set "X"', status: 'to create: preview below' }];
    const short = planCard({
      title: 'Copy',
      intro: 'i',
      steps,
      again: { title: 'Continue', command: 'copy a as b' },
    });
    const long = planCard({
      title: 'Import',
      intro: 'i',
      steps,
      again: { title: 'Continue', command: 'x'.repeat(501) },
    });
    for (const card of [short, long]) expect(validateAdaptiveCard(card)).toEqual([]);
    expect(cardText(short)).toContain('Continue');
    expect(cardText(long)).not.toContain('Continue');
  });

  it('when a document has many errors, then the first 15 are listed and the count says so', () => {
    const errors = Array.from({ length: 20 }, (_, i) => ({ path: `flows.x${i}`, message: 'Bad.' }));
    const card = documentErrorsCard(errors);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(cardText(card)).toContain('20 problems');
    expect(cardText(card)).toContain('flows.x14');
    expect(cardText(card)).not.toContain('flows.x15');
  });
});
