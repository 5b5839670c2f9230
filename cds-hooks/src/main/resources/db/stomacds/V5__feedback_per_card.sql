-- Feedback is the latest word on a card (CDS Hooks 2.0: a user may act on a card again): one row
-- per card, replaced by a later feedback, so counts count each card once. The unique key on
-- card_uuid is what every replica sharing this database relies on (insert, and on a duplicate key
-- a conditional update), never memory. feedback_key stays: it tells the same feedback sent again
-- (nothing to change) from a new one.
-- Portable SQL: runs on H2 (file and in-memory) and PostgreSQL.

-- Rows stored before: keep the latest feedback of each card (by outcome time, then arrival).
DELETE FROM card_feedback f
WHERE EXISTS (
  SELECT 1 FROM card_feedback later
  WHERE later.card_uuid = f.card_uuid
    AND (later.outcome_at > f.outcome_at
         OR (later.outcome_at = f.outcome_at AND later.id > f.id)));

ALTER TABLE card_feedback DROP CONSTRAINT card_feedback_once;
ALTER TABLE card_feedback ADD CONSTRAINT card_feedback_per_card UNIQUE (card_uuid);

-- The uuids of each issued card's suggestions (space-separated; empty: none), so feedback naming
-- a suggestion the card never had is refused. NULL for cards issued before this column: unknown,
-- not checked.
ALTER TABLE card_issuance ADD COLUMN suggestion_uuids VARCHAR(4000);
