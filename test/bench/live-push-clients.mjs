// Child process of live-push.mjs: holds N socket.io-client connections and reports, for every
// `space.updated` (or `bench` on the bare server), when it arrived. Kept apart from the server
// so the clients' CPU is not the server's.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const now = () => performance.timeOrigin + performance.now();
let sockets = [];
let received = [];

process.on('message', async (message) => {
  if (message.type === 'connect') {
    const { url, token, count, laneId, event } = message;
    received = [];
    // Handshakes in flight at once (each costs the service two queries); smaller on a busy machine.
    const batch = message.batch ?? 200;
    for (let i = 0; i < count; i += batch) {
      const wave = [];
      for (let j = i; j < Math.min(count, i + batch); j++) {
        const socket = io(`${url}/live`, {
          auth: { token },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          timeout: 60_000,
        });
        socket.on(event, (payload) => received.push([payload.seq, now()]));
        sockets.push(socket);
        wave.push(
          new Promise((resolve, reject) => {
            socket.once('connect', () =>
              laneId
                ? socket
                    .timeout(60_000)
                    .emit('subscribe', { laneId }, (error) => (error ? reject(error) : resolve()))
                : resolve(),
            );
            socket.once('connect_error', reject);
          }),
        );
      }
      await Promise.all(wave);
    }
    process.send({ type: 'connected', count: sockets.length });
  } else if (message.type === 'collect') {
    process.send({ type: 'received', received });
    received = [];
  } else if (message.type === 'close') {
    for (const socket of sockets) socket.disconnect();
    sockets = [];
    process.send({ type: 'closed' });
  }
});
