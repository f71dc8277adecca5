// Loaded with --import into a bench bot process by bench/profileScenario.mjs: starts and stops a
// V8 CPU profile of this process when the driver asks over the fork's IPC channel, so a profile
// covers one phase (the first command, a load phase) and not the start-up.
import inspector from 'node:inspector';
import { writeFileSync } from 'node:fs';

const session = new inspector.Session();
session.connect();
const post = (method, params = {}) =>
  new Promise((resolve, reject) =>
    session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))),
  );

process.on('message', async (message) => {
  if (message?.type === 'profile-start') {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
    process.send({ profileReply: message.tag });
  } else if (message?.type === 'profile-stop') {
    const { profile } = await post('Profiler.stop');
    writeFileSync(message.file, JSON.stringify(profile));
    process.send({ profileReply: message.tag });
  }
});
