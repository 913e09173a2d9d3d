// PGlite with the pgvector extension, served over the PostgreSQL wire
// protocol on a loopback port: the pgvector server the store's tests run
// against (Debian packages no pgvector for this release). One in-memory
// database, gone when the process ends.
//
//   node server.mjs [PORT]      (0 or none: any free port)
//
// It prints "listening 127.0.0.1:PORT" once clients can connect, and stops
// on SIGINT or SIGTERM. PGlite is one PostgreSQL session: the socket server
// runs the connections' queries one at a time in that session (a
// transaction's queries before anyone else's), so clients must use the
// simple query protocol (pgx: default_query_exec_mode=simple_protocol)
// and cannot rely on session state, such as advisory locks, being theirs.
import { PGlite } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'
import { PGLiteSocketHandler, PGLiteSocketServer } from '@electric-sql/pglite-socket'

// COPY … FROM STDIN is a sub-protocol of its own: the CopyData messages
// after the query must reach PGlite in the same call as the query, but
// pglite-socket 0.2.17 hands PGlite one message per call, which loses the
// protocol's thread and kills the session (electric-sql/pglite#1028, not
// merged). So this handler answers the query with CopyInResponse itself,
// keeps the copy's messages until CopyDone or CopyFail, sends them to PGlite
// with the query in one call, and drops PGlite's own CopyInResponse from the
// reply. The rest is pglite-socket's handleData, message for message.
const copyFromStdin = /^\s*copy\s[\s\S]*\bfrom\s+stdin\b/i
const startupVersion = 196608

// messageLength is the length of the first message in buf, 0 when buf
// does not hold it whole yet.
function messageLength(buf) {
  if (buf.length >= 8 && buf.readInt32BE(4) === startupVersion) {
    const n = buf.readInt32BE(0)
    return buf.length >= n ? n : 0
  }
  if (buf.length >= 5) {
    const n = 1 + buf.readInt32BE(1)
    return buf.length >= n ? n : 0
  }
  return 0
}

// copyInResponse announces a copy of the columns the query lists (binary
// when it says so), as PostgreSQL would.
function copyInResponse(sql) {
  const binary = /\bbinary\b/i.test(sql.slice(sql.search(/\bstdin\b/i)))
  const list = sql.match(/^[^(]*?\bcopy\s+[^(]*?\(([^)]*)\)\s*from\b/i)
  const cols = list ? list[1].split(',').length : 0
  const msg = Buffer.alloc(1 + 4 + 1 + 2 + 2 * cols)
  msg.write('G', 0)
  msg.writeInt32BE(msg.length - 1, 1)
  msg.writeInt8(binary ? 1 : 0, 5)
  msg.writeInt16BE(cols, 6)
  for (let i = 0; i < cols; i++) msg.writeInt16BE(binary ? 1 : 0, 8 + 2 * i)
  return msg
}

// withoutCopyInResponse is PGlite's reply without its CopyInResponse.
function withoutCopyInResponse(reply) {
  const out = []
  for (let at = 0; at < reply.length; ) {
    const n = 1 + reply.readInt32BE(at + 1)
    if (reply[at] !== 0x47) out.push(reply.subarray(at, at + n)) // 'G'
    at += n
  }
  return Buffer.concat(out)
}

PGLiteSocketHandler.prototype.handleData = async function (data) {
  if (!this.socket || !this.active) return 0
  this.messageBuffer = Buffer.concat([this.messageBuffer, data])
  let sent = 0
  const send = (bytes) => {
    if (bytes.length > 0 && this.socket?.writable && this.active) this.socket.write(Buffer.from(bytes))
    sent += bytes.length
  }
  while (this.messageBuffer.length > 0) {
    if (this.handleSslRequest() || this.handleCancelRequest()) continue
    const n = messageLength(this.messageBuffer)
    if (n === 0) break
    const msg = this.messageBuffer.subarray(0, n)
    this.messageBuffer = this.messageBuffer.subarray(n)
    if (!this.active || !this.socket) break
    if (this.copying) {
      this.copying.push(msg)
      const type = String.fromCharCode(msg[0])
      if (type !== 'c' && type !== 'f') continue // CopyDone, CopyFail
      const call = Buffer.concat(this.copying)
      this.copying = null
      const reply = []
      await this.queryQueue.enqueue(this.id, new Uint8Array(call), (b) => reply.push(Buffer.from(b)))
      send(withoutCopyInResponse(Buffer.concat(reply)))
      continue
    }
    if (msg[0] === 0x51) { // 'Q'
      const sql = msg.subarray(5, msg.length - 1).toString()
      if (copyFromStdin.test(sql)) {
        this.copying = [Buffer.from(msg)]
        send(copyInResponse(sql))
        continue
      }
    }
    await this.queryQueue.enqueue(this.id, new Uint8Array(msg), send)
  }
  return sent
}

// maxConnections covers a pgx pool of a few connections per client.
const maxConnections = 32

const port = Number(process.argv[2] ?? 0)
const db = await PGlite.create({ extensions: { vector } })
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections })
server.addEventListener('listening', (e) => {
  console.log(`listening ${e.detail.host}:${e.detail.port}`)
})
await server.start()

const stop = async () => {
  await server.stop()
  await db.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
