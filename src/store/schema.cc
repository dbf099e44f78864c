// The schema's migrations (see schema.h). Append new migrations; never edit one that has shipped,
// since files in the field already have it. Tested in store_test.cc.
#include "store/schema.h"

#include <string>

namespace corroborate::store {
namespace {

const char* const kMigrations[] = {
    // 1: articles, their mentions, stories with their reports, events with sources and evidence.
    R"sql(
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,          -- arrival order: the order the clusterer saw them
  id TEXT NOT NULL UNIQUE,
  raw_hash TEXT NOT NULL,             -- of the raw input: same id and hash = a duplicate
  outlet TEXT NOT NULL, title TEXT NOT NULL, author TEXT NOT NULL, author_role TEXT NOT NULL,
  url TEXT NOT NULL,
  published TEXT NOT NULL,            -- as cleaned; '' when unknown
  published_inferred TEXT NOT NULL,   -- inferred from its story when it had none; else ''
  text TEXT NOT NULL,                 -- the cleaned text all offsets refer to
  story INTEGER NOT NULL,
  duplicate_of TEXT NOT NULL,         -- id of the article it reprints, or ''
  features BLOB NOT NULL              -- cluster features (features_codec.h), replayed on open
);
CREATE INDEX articles_story ON articles(story, rowid);

-- Offsets count code points of articles.text; json is the mention as `corroborate extract` prints it.
CREATE TABLE mentions (
  article INTEGER NOT NULL,           -- articles.rowid
  kind TEXT NOT NULL,                 -- quantity | date | entity | quote
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  value TEXT NOT NULL,                -- the canonical name, the ISO date, the number, the speaker
  json TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article, kind);

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,             -- the clusterer's story number; "s<id>" outside
  headline TEXT NOT NULL,
  articles INTEGER NOT NULL, outlets INTEGER NOT NULL,
  first_published TEXT NOT NULL, last_published TEXT NOT NULL,   -- YYYY-MM-DD or ''
  event_types TEXT NOT NULL,          -- JSON array
  entities TEXT NOT NULL,             -- JSON array of the most mentioned canonical names
  report TEXT NOT NULL                -- the story report (CONTRACT.md) for this story alone
);
CREATE INDEX stories_newest ON stories(last_published, id);
CREATE TABLE story_entities (name TEXT NOT NULL, story INTEGER NOT NULL, PRIMARY KEY (name, story)) WITHOUT ROWID;

-- Facts: a story's corroborated events, the articles that state them and where.
CREATE TABLE events (
  story INTEGER NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL,
  type TEXT NOT NULL, status TEXT NOT NULL,
  roles TEXT NOT NULL, sources TEXT NOT NULL,   -- JSON, as in the story report
  PRIMARY KEY (story, id)
);
CREATE INDEX events_type ON events(type);
CREATE TABLE event_roles (story INTEGER NOT NULL, event TEXT NOT NULL, role TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX event_roles_value ON event_roles(value);
CREATE INDEX event_roles_event ON event_roles(story, event);
CREATE TABLE event_sources (story INTEGER NOT NULL, event TEXT NOT NULL, article TEXT NOT NULL);
CREATE INDEX event_sources_event ON event_sources(story, event);
CREATE TABLE evidence (
  story INTEGER NOT NULL, event TEXT NOT NULL, article TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX evidence_event ON evidence(story, event);
)sql",
    // 2: full-text search over titles and texts (external content: the text is stored once), filled
    // from the articles already stored.
    R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
)sql",
    // 3: a story's entity rows found by story, not by scanning them all: every story rebuild
    // deletes them, and without this ingest slowed down as the store grew.
    R"sql(
CREATE INDEX story_entities_story ON story_entities(story);
)sql",
    // 4: storylines and explanations. Each story names its storyline (the story number that opened
    // it) and why it is there; each article why it is in its story. The clusterer's merges and
    // moves are kept in cluster_history, so a merged story's id still says where its articles went.
    // A story stored before this migration has storyline 0 until a batch touches it again.
    R"sql(
ALTER TABLE stories ADD COLUMN storyline INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN link TEXT NOT NULL DEFAULT '{}';   -- JSON: why it is in its storyline
CREATE INDEX stories_storyline ON stories(storyline, first_published);
ALTER TABLE articles ADD COLUMN why TEXT NOT NULL DEFAULT '{}';   -- JSON: why it is in its story
CREATE TABLE cluster_history (
  seq INTEGER PRIMARY KEY,            -- the order the changes happened in
  at_article INTEGER NOT NULL,        -- articles.rowid of the article whose arrival caused it
  kind TEXT NOT NULL,                 -- story_merged | article_moved | storyline_merged
  from_id INTEGER NOT NULL,           -- story (or storyline) number it came from
  to_id INTEGER NOT NULL,             -- and went into
  article TEXT NOT NULL,              -- the moved article's id; '' otherwise
  similarity REAL NOT NULL,
  shared TEXT NOT NULL                -- JSON array of the terms that made the similarity
);
CREATE INDEX cluster_history_from ON cluster_history(from_id);
CREATE INDEX cluster_history_to ON cluster_history(to_id);
)sql",
};

}  // namespace

const int kSchemaVersion = static_cast<int>(std::size(kMigrations));

Result<int> SchemaVersion(Db& db) {
  Stmt s = db.Prepare("PRAGMA user_version");
  if (s.Step() != StepResult::kRow) return s.status();
  return static_cast<int>(s.Int(0));
}

Status MigrateTo(Db& db, int target) {
  Stmt app = db.Prepare("PRAGMA application_id");
  if (app.Step() != StepResult::kRow) return app.status();
  const int64_t app_id = app.Int(0);
  Stmt tables = db.Prepare("SELECT count(*) FROM sqlite_master");
  if (tables.Step() != StepResult::kRow) return tables.status();
  if (app_id != kApplicationId && (app_id != 0 || tables.Int(0) > 0)) {
    return InvalidInput("not a corroborate store (another SQLite database)");
  }
  Result<int> version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion) {
    return Unsupported("store schema version " + std::to_string(*version) + " is newer than this program's (" +
                       std::to_string(kSchemaVersion) + ")");
  }
  for (int v = *version; v < target; ++v) {
    Status s = InTransaction(db, "BEGIN IMMEDIATE", [&] {
      // Another process may have migrated meanwhile: re-read the version under the write lock.
      Result<int> now = SchemaVersion(db);
      if (!now.ok()) return now.status();
      if (*now > v) return Status::Ok();
      if (Status e = db.Exec(kMigrations[v]); !e.ok()) return e;
      return db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                     "; PRAGMA user_version = " + std::to_string(v + 1));
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Migrate(Db& db) { return MigrateTo(db, kSchemaVersion); }

}  // namespace corroborate::store
