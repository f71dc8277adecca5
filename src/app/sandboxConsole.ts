/**
 * What `npm start` shows and starts around the bot in sandbox mode (the banner, the Agents
 * Playground). The composition root is the only door to src/sandbox, so main.ts comes through here.
 */
export { printBanner } from '../sandbox/banner';
export { startPlayground } from '../sandbox/playground';
