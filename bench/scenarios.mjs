// The commands the bench drives. Each scenario builds one request per (user, round).

// >>> Apply (src/changes): each user renames its own set; the timed request is the Apply invoke.
// Before it, untimed but counted in Graph/cmd: `edit <set>` (the form) and the form's Preview
// invoke (a pending change is stored). Apply = claim, re-read, PATCH (+ GET), flows for the card.
async function postJson(ctx, activity) {
  const res = await fetch(`${ctx.app.botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`HTTP ${res.status}`);
  return text ? JSON.parse(text) : undefined;
}

const invoke = (ctx, u, verb, data) =>
  ctx.activity(u, undefined, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: `bench-card-${u}`,
    value: { action: { type: 'Action.Execute', verb, data } },
  });

function findAction(card, verb) {
  const stack = [card];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Execute' && node.verb === verb) return node;
      stack.push(...Object.values(node));
    }
  }
  throw new Error(`no ${verb} button`);
}

const applyScenario = {
  name: 'apply (rename own set)',
  async setup(ctx) {
    const api = ctx.app.services.graph.forUser({
      user: { aadObjectId: '11111111-aaaa-4aaa-8aaa-111111111111', name: 'Avery Admin' },
      conversation: { id: 'bench-setup', type: 'personal' },
    });
    ctx.setIds = [];
    for (let u = 0; u < 16; u++)
      ctx.setIds.push((await api.createFlowSet({ displayName: `Bench set ${u}` })).data.id);
  },
  async request(ctx, u, r) {
    const conversationId = `a:bench-${u}`;
    await postJson(ctx, ctx.activity(u, `edit ${ctx.setIds[u]}`));
    const sent = ctx.connector.calls.filter((c) => c.conversationId === conversationId);
    const form = sent.at(-1).activity.attachments[0].content;
    const preview = findAction(form, 'flowset.preview');
    const answer = await postJson(
      ctx,
      invoke(ctx, u, 'flowset.preview', {
        ...preview.data,
        displayName: `Bench set ${u} r${r}`,
        filterMode: 'all',
        orgExternalIds: '',
      }),
    );
    const apply = findAction(answer.value, 'change.apply');
    return invoke(ctx, u, 'change.apply', apply.data);
  },
};
// <<< Apply

export const SCENARIOS = [
  { name: 'list', request: (ctx, u) => ctx.activity(u, 'list') },
  { name: 'show <seeded set>', request: (ctx, u) => ctx.activity(u, 'show Northwind') },
  applyScenario,
];
