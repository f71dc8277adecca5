// The commands the bench drives. Each scenario builds one request per (user, round).
export const SCENARIOS = [
  { name: 'list', request: (ctx, u) => ctx.activity(u, 'list') },
  { name: 'show <seeded set>', request: (ctx, u) => ctx.activity(u, 'show Northwind') },
];
