/**
 * Test states for every template in cards/: each state is one way the bot really fills the
 * template. Templates with a view-model function are rendered through it (so the test also
 * covers the view-model); the others are expanded from test/cards/fixtures/<template>.json,
 * an object of named view-models.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandHelpCard, helpCard } from '../../src/views/helpCard';
import { errorCard, unknownCommandCard, usageCard } from '../../src/views/messageCards';
import { AdaptiveCard, renderCard } from '../../src/views/render';
import { welcomeCard } from '../../src/views/welcomeCard';
import { commandTable } from '../../src/commands';
import { AppError } from '../../src/errors';
import { FLOW_CARD_STATES } from './flowCardStates';
// ── forms (src/forms, cards/form-*.json): begin ──
import { FORM_CARD_STATES } from '../forms/formCardStates';
// ── forms: end ──
// ── changes (src/changes, cards/preview|change-result|flow-kind-choice.json): begin ──
import { CHANGE_CARD_STATES } from '../changes/changeCardStates';
// ── changes: end ──
// ── notifications (src/views/notificationCard.ts, notifyListCard.ts): begin ──
import { NOTIFICATION_CARD_STATES } from '../notifications/cardStates';
// ── notifications: end ──
// ── drift (src/views/driftCard.ts, cards/drift.json): begin ──
import { DRIFT_CARD_STATES } from '../notifications/driftCardStates';
// ── drift: end ──
// ── audit (src/views/historyCard.ts, cards/history.json): begin ──
import { HISTORY_CARD_STATES } from '../history/historyCardStates';
// ── audit: end ──
// ── approvals (src/approvals, cards/approval-*.json, peer preview/result states): begin ──
import { APPROVAL_CARD_STATES } from '../approvals/cardStates';
// ── approvals: end ──
// ── runs (src/views/run*.ts, cards/run*.json): begin ──
import { RUN_CARD_STATES } from '../runs/runCardStates';
// ── runs: end ──

export type CardStates = Record<string, () => AdaptiveCard>;

const byName = (name: string) => commandTable.find((c) => c.name === name)!;

/** Templates rendered through their real view-model functions. */
export const VIEW_MODEL_STATES: Record<string, CardStates> = {
  help: {
    sandbox: () => helpCard(commandTable, { sandbox: true }),
    tenant: () => helpCard(commandTable, { sandbox: false }),
    'no commands': () => helpCard([], { sandbox: false }),
  },
  'help-command': {
    'with aliases': () => commandHelpCard(byName('help')),
    'without aliases or examples': () =>
      commandHelpCard({ ...byName('whoami'), aliases: [], examples: [] }),
  },
  welcome: {
    'personal, sandbox': () => welcomeCard(commandTable, { sandbox: true, where: 'personal' }),
    'team, tenant': () => welcomeCard(commandTable, { sandbox: false, where: 'channel' }),
  },
  usage: {
    'what is missing, with examples': () =>
      usageCard(byName('show'), 'Which flow set? Give its name, the start of its name, or its id.'),
    'with a type picker': () =>
      usageCard(byName('reset'), 'Which type of flow in "contoso"?', [
        { title: 'Users', command: 'reset user flow in contoso' },
        { title: 'Classes', command: 'reset class flow in contoso' },
      ]),
  },
  'unknown-command': {
    'with suggestions': () => unknownCommandCard('hlep', [byName('help')]),
    'without suggestions': () => unknownCommandCard('x'.repeat(200), []),
  },
  error: {
    'retryable with references': () =>
      errorCard(
        new AppError('throttled', 'Graph is busy.', { retryable: true, requestId: 'r-1' }),
        {
          activityId: 'a-1',
        },
      ),
    'retryable with Retry': () =>
      errorCard(new AppError('throttled', 'Graph is busy.', { retryable: true }), {
        activityId: 'a-2',
        retryCommand: 'status',
      }),
    'not retryable without references': () =>
      errorCard(new AppError('forbidden', 'You need the Global Administrator role.'), {}),
    'unknown code': () => errorCard(new AppError('internal', 'Something broke.'), {}),
  },
  ...FLOW_CARD_STATES,
  // ── forms (src/forms, cards/form-*.json): begin ──
  ...FORM_CARD_STATES,
  // ── forms: end ──
  // ── changes: begin ──
  ...CHANGE_CARD_STATES,
  // ── changes: end ──
  // ── notifications: begin ──
  ...NOTIFICATION_CARD_STATES,
  // ── notifications: end ──
  // ── drift: begin ──
  ...DRIFT_CARD_STATES,
  // ── drift: end ──
  // ── audit: begin ──
  ...HISTORY_CARD_STATES,
  // ── audit: end ──
  // ── approvals (after changes: its preview/change-result entries include the changes' states): begin ──
  ...APPROVAL_CARD_STATES,
  // ── approvals: end ──
  // ── runs: begin ──
  ...RUN_CARD_STATES,
  // ── runs: end ──
};

export const FIXTURE_DIR = join(__dirname, 'fixtures');

export function fixtureStates(template: string): CardStates | undefined {
  const file = join(FIXTURE_DIR, `${template}.json`);
  if (!existsSync(file)) return undefined;
  const models = JSON.parse(readFileSync(file, 'utf8')) as Record<string, object>;
  return Object.fromEntries(
    Object.entries(models).map(([state, model]) => [state, () => renderCard(template, model)]),
  );
}

export const fixtureNames = (): string[] =>
  readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

/** Both sources merged; undefined when the template has no coverage at all. */
export function statesFor(template: string): CardStates | undefined {
  const states = { ...VIEW_MODEL_STATES[template], ...fixtureStates(template) };
  return Object.keys(states).length ? states : undefined;
}
