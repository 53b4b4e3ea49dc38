-- Schema version 4: a counter of changes to what answers are built from
-- (articles, their paragraphs and sentences, facts, their phrasings, gaps),
-- bumped by triggers in the same transaction as the change. A process that
-- holds a built index rebuilds it when the counter moves, and only then:
-- the question log and feedback, written on every question, do not move it
-- (SQLite's data_version, used before, moved on every commit).

CREATE TABLE content_revision (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO content_revision (id, value) VALUES (1, 0);

CREATE TRIGGER content_revision_articles_insert AFTER INSERT ON articles
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_articles_update AFTER UPDATE ON articles
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_articles_delete AFTER DELETE ON articles
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_paragraphs_insert AFTER INSERT ON paragraphs
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_paragraphs_update AFTER UPDATE ON paragraphs
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_paragraphs_delete AFTER DELETE ON paragraphs
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_sentences_insert AFTER INSERT ON sentences
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_sentences_update AFTER UPDATE ON sentences
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_sentences_delete AFTER DELETE ON sentences
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_facts_insert AFTER INSERT ON facts
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_facts_update AFTER UPDATE ON facts
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_facts_delete AFTER DELETE ON facts
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_fact_questions_insert AFTER INSERT ON fact_questions
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_fact_questions_update AFTER UPDATE ON fact_questions
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_fact_questions_delete AFTER DELETE ON fact_questions
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_gaps_insert AFTER INSERT ON gaps
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_gaps_update AFTER UPDATE ON gaps
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER content_revision_gaps_delete AFTER DELETE ON gaps
BEGIN UPDATE content_revision SET value = value + 1 WHERE id = 1; END;
