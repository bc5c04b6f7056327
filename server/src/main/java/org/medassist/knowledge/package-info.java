/**
 * Knowledge: guideline documents (the bundled corpus under {@code knowledge/guidance/} and each clinic's own
 * documents, stored in PostgreSQL), chunking by heading, embeddings with the bundled all-MiniLM-L6-v2 model, a
 * Lucene index on disk (HNSW vectors + BM25) and hybrid retrieval with citations. Other modules use
 * {@link org.medassist.knowledge.GuidanceSearch} and {@link org.medassist.knowledge.Embedder}; everything else is
 * internal. The index is derived data: it is rebuilt from the corpus and PostgreSQL whenever it is missing or
 * stale.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package org.medassist.knowledge;
