-- Passage vectors for pgvector, so that vector search runs in the
-- database, when the server offers the extension. Without it (or without
-- the right to create it) this migration only says so, and vector search
-- keeps running in process over the vectors table.
--
-- One halfvec per passage: the 8-bit components of vectors.q as they are.
-- Integers up to 127 are exact in half precision, and a cosine does not
-- depend on the vector's length, so this is the same vector; halfvec also
-- lets HNSW index up to 4,000 dimensions where vector stops at 2,000. The
-- column has no fixed dimension (the embedder decides it): an ingest
-- creates the HNSW index for its embedder's dimension, on the expression
-- embedding::halfvec(DIM) (see pgstore/vectors.go).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        RAISE NOTICE 'the server has no pgvector extension: vector search stays in process';
        RETURN;
    END IF;
    BEGIN
        CREATE EXTENSION IF NOT EXISTS vector;
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'cannot create the pgvector extension (%): vector search stays in process', SQLERRM;
        RETURN;
    END;
    CREATE TABLE passage_embeddings (
        document  bigint NOT NULL,
        n         integer NOT NULL,
        embedding halfvec NOT NULL,
        PRIMARY KEY (document, n),
        FOREIGN KEY (document, n) REFERENCES vectors (document, n) ON DELETE CASCADE
    );
    -- Vectors an earlier crosscheck stored: signed bytes to halfvec.
    INSERT INTO passage_embeddings (document, n, embedding)
    SELECT v.document, v.n,
        (SELECT array_agg(CASE WHEN b > 127 THEN b - 256 ELSE b END ORDER BY i)::real[]
         FROM (SELECT i, get_byte(v.q, i) AS b FROM generate_series(0, length(v.q) - 1) AS i) AS bytes)::halfvec
    FROM vectors v;
END
$$;
