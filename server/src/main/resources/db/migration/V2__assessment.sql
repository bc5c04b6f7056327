-- The engine's preliminary assessment (AI-made content), stored when the interview concludes.
ALTER TABLE consultation ADD COLUMN assessment jsonb;
