/**
 * `notify here [for {set}] [only {statuses}]`, `notify off [for {set}]`, `notify list`: readiness
 * notifications for this conversation (a channel, a group chat or a 1:1 chat). In a channel the
 * channel itself is subscribed (not the thread the command was typed in), so each notification
 * starts a new post there (docs/teams-notes.md#proactive-messages). Only people the bot can verify (an Entra
 * object id on the activity) may change subscriptions. Notifications are read with the app's
 * read-only token and name sets and people, so a conversation is subscribed only by someone who can
 * read flow sets themselves: `notify here` reads them with that person's own (delegated) token, and
 * a refusal (403, no consent, not signed in) is the usual error card, before anything is stored.
 * Set names typed after `for` are resolved with that same token, never with the app's: the reply
 * must not name a set the person cannot read. In a channel, Teams SSO has no token of its own
 * (docs/teams-notes.md#sso-token-exchange): the one from the person's 1:1 sign-in is used, or they are asked to sign in.
 */
import { notifyListCard } from '../views/notifyListCard';
import { noSuchFlowSetCard, whichOneCard } from '../views/whichOneCard';
import { resolveFlowSet } from '../domain/flowSetResolver';
import { AppError } from '../errors';
import type { FlowSet } from '../domain/flowSchemas';
import {
  conversationKeyOf,
  createOutbox,
  createSubscriptionStore,
  referenceForPosts,
} from '../notifications';
import { parseNotifyArgs, type NotifyArgs } from '../notifications/notifyArgs';
import type { Subscription, SubscriptionScope, Topic } from '../domain/notificationRecords';
import { withMuted, withScope } from '../notifications/subscriptionStore';
import { command, type CommandContext } from '../bot/command';
import { RUNS_LEFT_OUT, topicsReadableBy } from './runTopicAccess';
import type { Reply } from '../bot/command';

const describeStatuses = (statuses: string[] | null) =>
  statuses ? `only when a flow becomes ${statuses.join(' or ')}` : 'for every readiness change';

/** "readiness changes …, for every readiness change." plus what else the rule's topics post. */
const RUN_WORDS =
  'sync runs that end failed, with errors or with warnings (with the blocking error and what changed since the run before)';

function describeRule(statuses: string[] | null, topics: Topic[] | undefined) {
  const has = (t: Topic) => !topics || topics.includes(t);
  if (topics?.length === 1 && has('runs')) return { lead: RUN_WORDS, tail: '.' };
  const lead = has('readiness') ? 'readiness changes' : 'changes made outside the bot';
  const tail = has('readiness') ? `, ${describeStatuses(statuses)}.` : '.';
  const also = [
    has('readiness') && has('drift')
      ? ' Changes made outside the bot (the SDS portal, scripts) are posted too.'
      : '',
    // Run notices belong to no set: only the all-sets rule carries them (fanout.ts).
    has('runs') && (has('readiness') || has('drift')) ? ` So are ${RUN_WORDS}.` : '',
  ].join('');
  return { lead, tail: tail + also };
}

const topicsWords = (topics: Topic[] | undefined) => (topics ? ` only ${topics.join(',')}` : '');

function actorOf(ctx: CommandContext) {
  if (!ctx.user.aadObjectId) {
    throw new AppError(
      'forbidden',
      'Only people signed in with a work or school account (Microsoft Entra ID) can change notifications.',
    );
  }
  return { aadObjectId: ctx.user.aadObjectId, name: ctx.user.name };
}

type SetPick = { setId: string; setName: string } | { reply: Reply };

/** The flow sets as the person sees them: throws the usual AppError when they may not read them. */
async function setsReadableBy(ctx: CommandContext): Promise<FlowSet[]> {
  return (await ctx.services.graph.forUser(ctx).listFlowSets()).data;
}

async function pickSet(
  ctx: CommandContext,
  typed: string,
  commandFor: (id: string) => string,
  sets?: readonly FlowSet[],
): Promise<SetPick> {
  sets ??= await setsReadableBy(ctx);
  const found = resolveFlowSet(sets, typed);
  const options = { commandFor: (s: { id: string }) => commandFor(s.id), button: 'Pick' };
  if (found.kind === 'ambiguous')
    return { reply: { card: whichOneCard(typed, found.candidates, options) } };
  if (found.kind === 'none')
    return { reply: { card: noSuchFlowSetCard(typed, found.suggestions, options) } };
  return { setId: found.set.id, setName: found.set.displayName };
}

async function here(
  ctx: CommandContext,
  args: Extract<NotifyArgs, { action: 'here' }>,
): Promise<Reply[]> {
  const by = actorOf(ctx);
  // A delegated read as the person subscribing: who cannot read flow sets cannot subscribe.
  const sets = await setsReadableBy(ctx);
  const access = await topicsReadableBy(ctx, args.topics);
  const topics = access.topics;
  const seen = await ctx.services.conversations.get(ctx.conversation.id);
  if (!seen)
    throw new AppError(
      'internal',
      'I could not store where this conversation is. Please try again.',
    );
  const only = args.statuses
    ? ` only ${[...(args.topics ?? []), ...args.statuses].join(',')}`
    : topicsWords(args.topics);
  const pick = args.set
    ? await pickSet(ctx, args.set, (id) => `notify here for ${id}${only}`, sets)
    : undefined;
  if (pick && 'reply' in pick) return [pick.reply];
  const key = conversationKeyOf(ctx.conversation.id);
  const now = new Date();
  const scope: SubscriptionScope = {
    setId: pick?.setId ?? null,
    setName: pick?.setName,
    statuses: args.statuses,
    ...(topics ? { topics } : {}),
  };
  let before: Subscription | undefined;
  const after = await createSubscriptionStore(ctx.services.storage).update(key, (current) => {
    before = current;
    const base: Subscription = current ?? {
      conversationKey: key,
      conversationType: seen.conversationType,
      teamId: seen.teamId,
      reference: referenceForPosts(seen.reference),
      scopes: [],
      muted: [],
      active: true,
      createdBy: by,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    return withScope({ ...base, reference: referenceForPosts(seen.reference) }, scope, now);
  });
  const where = ctx.conversation.type === 'channel' ? 'this channel (as new posts)' : 'this chat';
  const what = pick ? `flow set "${pick.setName}"` : 'every flow set';
  const unchanged = before?.active && before.scopes.some((s) => sameRule(s, scope));
  const lead = unchanged ? 'Notifications were already on' : 'Notifications on';
  const rule = describeRule(args.statuses, topics);
  const leftOut = access.runsLeftOut ? RUNS_LEFT_OUT : '';
  return [
    {
      text: `${lead}: I will post ${rule.lead} of ${what} in ${where}${rule.tail}${leftOut}${overlapNote(after, scope)} "notify list" shows what applies to each set; "notify off" stops it.`,
    },
  ];
}

const sameRule = (a: SubscriptionScope, b: SubscriptionScope) =>
  a.setId === b.setId &&
  (a.statuses ?? []).join(',') === (b.statuses ?? []).join(',') &&
  (a.topics ?? []).join(',') === (b.topics ?? []).join(',');

/** One rule per set: say how the new rule sits with the other rules of this conversation. */
function overlapNote(sub: Subscription | undefined, scope: SubscriptionScope): string {
  const scopes = sub?.scopes ?? [];
  if (scope.setId !== null) {
    const all = scopes.find((s) => s.setId === null);
    return all
      ? ` For this set it replaces the all-sets rule (${describeStatuses(all.statuses)}).`
      : '';
  }
  const own = scopes.filter((s) => s.setId !== null);
  if (!own.length) return '';
  const names = own.map((s) => `"${s.setName ?? s.setId}" (${describeStatuses(s.statuses)})`);
  return ` Sets with their own rule keep it: ${names.join(', ')}.`;
}

async function off(
  ctx: CommandContext,
  args: Extract<NotifyArgs, { action: 'off' }>,
): Promise<Reply[]> {
  const by = actorOf(ctx);
  const subscriptions = createSubscriptionStore(ctx.services.storage);
  const key = conversationKeyOf(ctx.conversation.id);
  if (!args.set) {
    const existed = await subscriptions.get(key);
    await subscriptions.update(key, () => null);
    return [
      {
        text: existed
          ? 'Notifications off: nothing more will be posted here. "notify here" turns them back on.'
          : 'This conversation does not receive notifications.',
      },
    ];
  }
  const pick = await pickSet(ctx, args.set, (id) => `notify off for ${id}`);
  if ('reply' in pick) return [pick.reply];
  await subscriptions.update(key, (current) =>
    current ? withMuted(current, pick, by, new Date()) : undefined,
  );
  return [
    {
      text: `No more notifications about "${pick.setName}" here. "notify here for ${pick.setName}" turns them back on.`,
    },
  ];
}

async function list(ctx: CommandContext): Promise<Reply[]> {
  const key = conversationKeyOf(ctx.conversation.id);
  const subscription = await createSubscriptionStore(ctx.services.storage).get(key);
  const deliveries = (await createOutbox(ctx.services.storage).list())
    .map((d) => d.value)
    .filter((d) => d.conversationKey === key);
  return [{ card: notifyListCard(subscription, deliveries, ctx.conversation.type) }];
}

export const notifyCommand = command<NotifyArgs>({
  name: 'notify',
  aliases: ['notifications'],
  usage:
    'notify here [for {set}] [only {statuses}|drift|readiness] · notify off [for {set}] · notify list',
  summary:
    'Notifications in this channel or chat: a card whenever a flow becomes ready, fails or expires, a flow or set is added or removed, or a flow set is changed outside the bot.',
  examples: [
    'notify here',
    'notify here for Northwind only failed,expired',
    'notify here only drift',
    'notify off',
    'notify list',
  ],
  parse: parseNotifyArgs,
  async run(ctx, args) {
    if (args.action === 'here') return here(ctx, args);
    if (args.action === 'off') return off(ctx, args);
    return list(ctx);
  },
});
