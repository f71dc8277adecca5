/**
 * View-model of a change made outside the bot (cards/drift.json): what changed, field by field,
 * with the same labels and values as a preview (domain/diff.ts, fieldLabels.ts, previewCard.ts
 * rowValue), the object's lastModifiedDateTime and when the bot noticed it, both in the reader's
 * own time zone; and the buttons Show flow set, Revert (a reverse change through the ordinary
 * preview) and Accept. Once someone accepted it, the card says who, for everyone.
 */
import { NEW_MESSAGE_KEY } from '../domain/adaptiveCard';
import type { DriftChange, DriftItem, DriftRecord } from '../domain/driftRecords';
import { FLOW_KIND_LABELS } from '../domain/flowSummary';
import { showCommandFor } from './flowSetListCard';
import { localTime, timeFact, type LocalTime } from './localTime';
import { rowValue } from './previewCard';
import { AdaptiveCard, renderCard } from './render';
import { shortId } from '../domain/auditEntry';

export const DRIFT_ACCEPT_VERB = 'drift.accept';
export const DRIFT_REVERT_VERB = 'drift.revert';

const flowName = (item: DriftItem) =>
  item.flowKind ? `${FLOW_KIND_LABELS[item.flowKind]} flow` : 'A flow';

const HEADLINES: Record<DriftChange, (item: DriftItem) => string> = {
  setChanged: () => 'flow set settings changed',
  setCreated: () => 'new flow set',
  setDeleted: () => 'flow set deleted',
  flowChanged: (i) => `${flowName(i)} settings changed`,
  flowAdded: (i) => `${flowName(i)} added`,
  flowRemoved: (i) => `${flowName(i)} removed`,
  flowReplaced: (i) => `${flowName(i)} replaced`,
};

const EXPLANATIONS: Partial<Record<DriftChange, string>> = {
  flowReplaced:
    'The flow was deleted and a new one of the same type was created with a new id: its readiness history starts again.',
  setDeleted: 'The flow set and its flows no longer exist in School Data Sync.',
};

/** Creates show the values only; everything else before → now. */
const creating = (change: DriftChange) => change === 'flowAdded' || change === 'setCreated';

function outcomeOf(record: DriftRecord | undefined): LocalTime {
  if (record?.state === 'accepted' && record.acceptedBy)
    return localTime(`✓ Accepted by ${record.acceptedBy.name} at `, record.acceptedAt, '.');
  if (record?.revert)
    return localTime(
      `Revert proposed by ${record.revert.by.name} (change ${shortId(record.revert.changeId)}) at `,
      record.revert.at,
      '.',
    );
  return { before: '', at: '', after: '' };
}

function buttonsFor(item: DriftItem, record: DriftRecord | undefined) {
  const buttons: Array<{ title: string; verb: string; data: Record<string, unknown> }> = [];
  if (item.change !== 'setDeleted')
    buttons.push({
      title: 'Show flow set',
      verb: 'command.run',
      data: { command: showCommandFor(item.setId), [NEW_MESSAGE_KEY]: true },
    });
  if (record?.state === 'accepted') return buttons;
  // The preview comes as a new message; this card stays as it is.
  buttons.push({ title: 'Revert', verb: DRIFT_REVERT_VERB, data: { driftId: item.id } });
  buttons.push({ title: 'Accept', verb: DRIFT_ACCEPT_VERB, data: { driftId: item.id } });
  return buttons;
}

/** `record`: the stored drift with what people did about it; absent when first posted. */
export function driftCard(item: DriftItem, record?: DriftRecord): AdaptiveCard {
  const facts = [
    { title: 'Flow set', value: item.setName },
    ...(item.flowKind ? [{ title: 'Flow type', value: FLOW_KIND_LABELS[item.flowKind] }] : []),
  ];
  const explanation = EXPLANATIONS[item.change];
  return renderCard('drift', {
    title: `${item.setName} · ${HEADLINES[item.change](item)}`,
    subtitle: `Not through this bot (the SDS portal, PowerShell or another tool), so without its preview or approval.${explanation ? ` ${explanation}` : ''}`,
    facts,
    hasRows: item.rows.length > 0,
    rowsHeading: creating(item.change) ? 'Settings' : 'Changes (before → now)',
    rows: item.rows.map((r) => ({ label: r.label, value: rowValue(r, creating(item.change)) })),
    times: [
      timeFact('Last modified', '', item.lastModified),
      timeFact('Noticed', '', item.detectedAt),
    ],
    outcome: outcomeOf(record),
    buttons: buttonsFor(item, record),
  });
}
