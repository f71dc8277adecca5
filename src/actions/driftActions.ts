/**
 * The buttons of a "Changed outside the bot" card (views/driftCard.ts). `drift.accept`
 * acknowledges it: recorded in history and on the drift record (compare-and-set, so two people
 * accepting at once is one acceptance), and every posted copy of the card says who accepted.
 * `drift.revert` plans the reverse change (changes/undo/driftRevert.ts) and opens its ordinary
 * preview as a new message, proposed as the person who clicked: Apply, expiry, staleness and peer
 * approval hold for it as for any other change. Both need someone who may change flow sets.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { cardAction, type ActionContext, type ActionResult } from '../bot/action';
import { changeDeps } from '../bot/useCaseDeps';
import { proposeChange } from '../changes/propose';
import { planDriftRevert } from '../changes/undo/driftRevert';
import { driftStore } from '../notifications/drift';
import { recordDriftEvent } from '../notifications/driftHistory';
import type { DriftRecord } from '../domain/driftRecords';
import type { Next } from '../store/recordStore';
import type { Person } from '../domain/pendingChange';
import { proposalCard } from '../views/changeCards';
import { changeResultCard } from '../views/changeResultCard';
import { driftCard } from '../views/driftCard';
import { updateDriftCopies } from './driftCopies';

const DriftButton = z.object({ driftId: z.string().regex(/^[0-9a-f]{32}$/) });

function personOf(ctx: ActionContext): Person {
  if (!ctx.user.aadObjectId)
    throw new AppError(
      'forbidden',
      'Only people signed in with a work or school account (Microsoft Entra ID) can do this.',
    );
  return { aadObjectId: ctx.user.aadObjectId, name: ctx.user.name };
}

const unknownDrift = () =>
  new AppError('not_found', 'I no longer know this change made outside the bot.');

/** The card for everyone here, and the same card on every other copy. */
async function showEverywhere(ctx: ActionContext, record: DriftRecord): Promise<ActionResult> {
  const card = driftCard(record, record);
  await updateDriftCopies(ctx, record.id, card);
  return { kind: 'card', card, forEveryone: true };
}

export const driftAcceptAction = cardAction({
  verb: 'drift.accept',
  schema: DriftButton,
  writes: true,
  async run(ctx, { driftId }) {
    const by = personOf(ctx);
    const now = new Date();
    type Accepted = { record: DriftRecord | undefined; accepted: boolean };
    const { record, accepted } = await driftStore(ctx.services.storage).update<Accepted>(
      driftId,
      (current): Next<DriftRecord, Accepted> => {
        if (!current) return { keep: { record: undefined, accepted: false } };
        if (current.state === 'accepted') return { keep: { record: current, accepted: false } };
        const next: DriftRecord = {
          ...current,
          state: 'accepted',
          acceptedBy: by,
          acceptedAt: now.toISOString(),
        };
        return { write: next, result: { record: next, accepted: true } };
      },
    );
    if (!record) throw unknownDrift();
    if (accepted) await recordDriftEvent(ctx.services, record, 'accepted', by, now);
    return showEverywhere(ctx, record);
  },
});

export const driftRevertAction = cardAction({
  verb: 'drift.revert',
  schema: DriftButton,
  writes: true,
  async run(ctx, { driftId }) {
    const by = personOf(ctx);
    const store = driftStore(ctx.services.storage);
    const found = await store.get(driftId);
    if (!found) throw unknownDrift();
    // The preview is a new message: it learns its own message id when posted (teams/deliverResults.ts).
    const deps = changeDeps({ ...ctx, replyToId: undefined });
    const plan = await planDriftRevert(deps.graph, found.value);
    if (plan.kind === 'explain')
      return {
        kind: 'message',
        text: 'This one cannot be reverted automatically: see below.',
        also: [
          {
            card: changeResultCard({
              tone: 'warning',
              status: plan.status,
              title: plan.title,
              message: plan.message,
              references: [`Changed outside the bot · ${driftId.slice(0, 8)}`],
              buttons: [],
            }),
          },
        ],
      };
    const note = plan.note.replace(/^Undo of/, 'Revert of');
    const outcome = await proposeChange(deps, plan.proposal, note);
    const preview = { card: proposalCard(outcome) };
    if (outcome.kind !== 'proposed')
      return { kind: 'message', text: 'Nothing to revert: see below.', also: [preview] };
    const now = new Date();
    const record = await store.update(
      driftId,
      (current): Next<DriftRecord, DriftRecord | undefined> => {
        if (!current) return { keep: undefined };
        const next: DriftRecord = {
          ...current,
          state: current.state === 'accepted' ? 'accepted' : 'revertProposed',
          revert: { by, at: now.toISOString(), changeId: outcome.change.id },
        };
        return { write: next, result: next };
      },
    );
    await recordDriftEvent(
      ctx.services,
      found.value,
      'revertProposed',
      by,
      now,
      `change ${outcome.change.id}`,
    );
    if (!record) return { kind: 'message', text: 'Preview below.', also: [preview] };
    const shown = await showEverywhere(ctx, record);
    return { ...shown, also: [preview] };
  },
});
