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
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

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
