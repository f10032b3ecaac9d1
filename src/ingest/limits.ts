/** Size limits of ingest, shared by the analyser, the corpus reader and the commands. */

/** Default size limit of one article, in bytes (5 MB). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
