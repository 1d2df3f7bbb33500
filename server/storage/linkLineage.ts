/**
 * The token `$1` and every link minted through it, through those, and so on, the token itself first: what one
 * revocation ends. Plain SQL both databases run (SQLite binds `?` for `$1`); the depth is the chain of minting.
 */
export const MINTED_THROUGH = `
  WITH RECURSIVE lineage(hash, depth) AS (
    SELECT $1, 0
    UNION
    SELECT l.hash, lineage.depth + 1 FROM link_names l JOIN lineage ON l.minted_by = lineage.hash
  )
  SELECT hash FROM lineage ORDER BY depth`;
