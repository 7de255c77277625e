// Preloaded (`node --expose-gc --require test/bench/memory-probe.cjs …`) into a server process
// that has an IPC channel: on { type: 'memory' } it collects garbage (several passes, letting
// finalizers and weak callbacks run in between) and answers with what the process holds.
process.on('message', async (message) => {
  if (message && message.type === 'snapshot') {
    global.gc();
    const file = require('node:v8').writeHeapSnapshot(message.file);
    process.send({ type: 'snapshot', file });
    return;
  }
  if (!message || message.type !== 'memory') return;
  for (let i = 0; i < 4; i++) {
    global.gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
  process.send({ type: 'memory', heapUsed, rss, external, arrayBuffers });
});
