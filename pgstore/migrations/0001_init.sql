-- One ingest writes one generation; readers follow current_generation.
CREATE TABLE generations (
    id         bigserial PRIMARY KEY,
    started    timestamptz NOT NULL DEFAULT now(),
    finished   timestamptz,
    embedder   text NOT NULL,
    dim        integer NOT NULL,
    roots      text[] NOT NULL DEFAULT '{}',
    units      integer NOT NULL DEFAULT 0,
    units_crc  bigint NOT NULL DEFAULT 0,
    -- the lexical index over every passage of the generation
    lexical    bytea
);

-- The generation readers open: one row, switched in the transaction that
-- finishes an ingest.
CREATE TABLE current_generation (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation bigint NOT NULL REFERENCES generations (id),
    switched   timestamptz NOT NULL DEFAULT now()
);

-- A document as stored: text and metadata in columns, the parser's layout
-- (sentences, speakers, passages) as a blob. A row never changes; an
-- unchanged document is shared by the generations that hold it.
CREATE TABLE documents (
    id         bigserial PRIMARY KEY,
    doc_id     text NOT NULL,
    hash       text NOT NULL,
    generation bigint NOT NULL,
    title      text NOT NULL DEFAULT '',
    outlet     text NOT NULL DEFAULT '',
    author     text NOT NULL DEFAULT '',
    published  text NOT NULL DEFAULT '',
    url        text NOT NULL DEFAULT '',
    format     text NOT NULL DEFAULT '',
    source     text NOT NULL DEFAULT '',
    body       bytea NOT NULL,
    layout     bytea NOT NULL
);
CREATE INDEX documents_hash ON documents (doc_id, hash);

CREATE TABLE generation_documents (
    generation bigint NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    document   bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (generation, document)
);
CREATE INDEX generation_documents_document ON generation_documents (document);

-- Passages: byte offsets into documents.body.
CREATE TABLE passages (
    document   bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    n          integer NOT NULL,
    start_byte integer NOT NULL,
    end_byte   integer NOT NULL,
    PRIMARY KEY (document, n)
);

-- One 8-bit vector per passage (retrieval.Vector): scale and components;
-- a passage with no words has no row.
CREATE TABLE vectors (
    document   bigint NOT NULL,
    n          integer NOT NULL,
    scale      real NOT NULL,
    q          bytea NOT NULL,
    PRIMARY KEY (document, n),
    FOREIGN KEY (document, n) REFERENCES passages (document, n) ON DELETE CASCADE
);

-- Named extra parts of a generation (claims and disputes), gob-encoded.
CREATE TABLE sections (
    generation bigint NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    name       text NOT NULL,
    value      bytea NOT NULL,
    PRIMARY KEY (generation, name)
);

-- Slack delivery keys seen by any replica.
CREATE TABLE events (
    key        text PRIMARY KEY,
    seen_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_seen_at ON events (seen_at);

-- Thread context for follow-ups, shared by replicas.
CREATE TABLE threads (
    channel    text NOT NULL,
    thread_ts  text NOT NULL,
    context    jsonb NOT NULL,
    updated    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, thread_ts)
);
