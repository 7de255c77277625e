// Child process of live-push.mjs: the ceiling. A bare Socket.IO server (no Nest, no auth, no
// adapter) that broadcasts the same payload to a room when told to.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http);
io.of('/live').on('connection', (socket) => void socket.join('lane'));
http.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: http.address().port }));
process.on('message', (message) => {
  if (message.type === 'emit') {
    const sent = performance.timeOrigin + performance.now();
    io.of('/live').to('lane').emit('bench', message.payload);
    process.send({ type: 'emitted', sent });
  } else if (message.type === 'stop') {
    io.close();
    process.exit(0);
  }
});
