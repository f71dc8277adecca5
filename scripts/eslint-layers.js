/**
 * An eslint rule that applies scripts/architecture.js to every relative import in src/, so a
 * wrong-way import fails `npm run lint` in the editor and in `npm test`, naming the rule it breaks.
 */
'use strict';
const path = require('node:path');
const { unitOf, violation } = require('./architecture');

const SRC = path.resolve(__dirname, '..', 'src');

const onlyDownward = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports in src/ point down the layers of docs/architecture.md' },
    schema: [],
    messages: { wrongWay: 'Wrong-way import of {{target}}: {{why}} (docs/architecture.md).' },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const relative = path.relative(SRC, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return {};
    const from = unitOf(relative);
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path.relative(SRC, path.resolve(path.dirname(file), specifier));
      if (target.startsWith('..')) return;
      const why = violation(from, unitOf(target.endsWith('.ts') ? target : `${target}.ts`));
      if (why) context.report({ node, messageId: 'wrongWay', data: { target: specifier, why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

module.exports = { rules: { 'only-downward': onlyDownward } };
