-- Schema version 5: a logged question a moderator taught (answered from
-- Discord's Teach button) names the fact it now leads to, and leaves the
-- unanswered list.

ALTER TABLE question_log ADD COLUMN taught_fact INTEGER REFERENCES facts(id);
