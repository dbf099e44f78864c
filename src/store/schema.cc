// The schema's migrations (see schema.h). Append new migrations; never edit one that has shipped,
// since files in the field already have it. Tested in store_test.cc.
#include "store/schema.h"

#include <span>
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
    // 4: live sources. Versions of articles (the articles row is the current one; superseded ones
    // are kept whole) and the facts that changed between them; the raw inputs known to give a
    // stored version; what changed in stories, for the event stream (GET /api/stream); and the
    // feed watcher's state.
    R"sql(
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE article_versions (
  article INTEGER NOT NULL,           -- articles.rowid
  version INTEGER NOT NULL,           -- 1 is the first stored
  raw_hash TEXT NOT NULL,
  outlet TEXT NOT NULL, title TEXT NOT NULL, author TEXT NOT NULL, author_role TEXT NOT NULL,
  url TEXT NOT NULL, published TEXT NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (article, version)
) WITHOUT ROWID;
CREATE TABLE article_hashes (article INTEGER NOT NULL, raw_hash TEXT NOT NULL, PRIMARY KEY (article, raw_hash)) WITHOUT ROWID;
CREATE TABLE corrections (
  article INTEGER NOT NULL, version INTEGER NOT NULL,   -- the version these changes made
  story INTEGER NOT NULL,
  changes TEXT NOT NULL,              -- JSON array (store/article_diff.h)
  PRIMARY KEY (article, version)
) WITHOUT ROWID;
CREATE INDEX corrections_story ON corrections(story);
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- the event stream's ids; only the latest are kept
  story INTEGER NOT NULL,
  kind TEXT NOT NULL,                 -- story | event | conflict | correction
  json TEXT NOT NULL
);
CREATE INDEX changes_story ON changes(story);
CREATE TABLE watch_feeds (url TEXT PRIMARY KEY, etag TEXT NOT NULL, last_modified TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE watch_items (item TEXT PRIMARY KEY, hash TEXT NOT NULL) WITHOUT ROWID;
  )sql",
    // 5: the claims (each article's statement of each role value: its words, value, hedge and whom
    // it cites), so an article's facts and a source's claims are found without reading every
    // report; and each event's outlet count and independent origins. Filled from the stored reports
    // (reports stored before claims existed have none to give); story_builder.cc writes the same rows.
    R"sql(
CREATE TABLE claims (
  story INTEGER NOT NULL, event TEXT NOT NULL, role TEXT NOT NULL,
  article TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,   -- code points of the article's text
  text TEXT NOT NULL,                 -- the words that state the value ("up to $50 billion")
  value NOT NULL,                     -- the article's own value: a number, or a name or ISO date as text
  qualifier TEXT NOT NULL,            -- exact | about | up_to | ... for quantities; '' otherwise
  cited TEXT NOT NULL,                -- whom the article cites for it ("Reuters"); '' for nobody
  settled INTEGER NOT NULL,           -- 1: states the role's settled value; 0: a conflicting value
  json TEXT NOT NULL                  -- the claim as the story report gives it
);
-- One row per statement: a conflict lists the settled value's statements again.
CREATE UNIQUE INDEX claims_statement ON claims(story, event, role, article, start, "end");
CREATE INDEX claims_article ON claims(article, start);
CREATE INDEX claims_cited ON claims(cited);
ALTER TABLE events ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN origins TEXT NOT NULL DEFAULT '[]';  -- JSON array, as in the report

UPDATE events SET
  outlets = coalesce((SELECT json_extract(e.value, '$.outlets')
                      FROM stories s, json_each(s.report, '$.stories[0].events') e
                      WHERE s.id = events.story AND json_extract(e.value, '$.id') = events.id), 0),
  origins = coalesce((SELECT json_extract(e.value, '$.origins')
                      FROM stories s, json_each(s.report, '$.stories[0].events') e
                      WHERE s.id = events.story AND json_extract(e.value, '$.id') = events.id), '[]');
INSERT OR IGNORE INTO claims (story, event, role, article, start, "end", text, value, qualifier, cited, settled, json)
  SELECT s.id, json_extract(e.value, '$.id'), role.key, json_extract(c.value, '$.article'),
         json_extract(c.value, '$.start'), json_extract(c.value, '$.end'), json_extract(c.value, '$.text'),
         json_extract(c.value, '$.value'), coalesce(json_extract(c.value, '$.qualifier'), ''),
         coalesce(json_extract(c.value, '$.cited'), ''), 1, c.value
  FROM stories s, json_each(s.report, '$.stories[0].events') e, json_each(e.value, '$.roles') role,
       json_each(role.value, '$.claims') c
  WHERE role.type = 'object'
  ORDER BY s.id, e.id, role.id, c.id;
INSERT OR IGNORE INTO claims (story, event, role, article, start, "end", text, value, qualifier, cited, settled, json)
  SELECT s.id, json_extract(k.value, '$.event'), json_extract(k.value, '$.role'), json_extract(c.value, '$.article'),
         json_extract(c.value, '$.start'), json_extract(c.value, '$.end'), json_extract(c.value, '$.text'),
         json_extract(c.value, '$.value'), coalesce(json_extract(c.value, '$.qualifier'), ''),
         coalesce(json_extract(c.value, '$.cited'), ''), 0, c.value
  FROM stories s, json_each(s.report, '$.stories[0].conflicts') k, json_each(k.value, '$.values') v,
       json_each(v.value, '$.claims') c
  ORDER BY s.id, k.id, v.id, c.id;
  )sql",
    // 6: storylines and explanations. Each story names its storyline (the story number that opened
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
    // 7: the clusterer's saved state (store/cluster_state.h), so that opening a store to write
    // replays only the articles stored after it. Its bytes in pieces, and what they cover.
    R"sql(
CREATE TABLE cluster_state (
  part INTEGER PRIMARY KEY,           -- 0, 1, ...: the state's bytes in order
  data BLOB NOT NULL
);
CREATE TABLE cluster_state_info (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_article INTEGER NOT NULL,      -- articles.rowid of the last article the state has seen
  articles INTEGER NOT NULL,          -- how many articles it has seen
  bytes INTEGER NOT NULL,             -- the pieces' total length
  checksum INTEGER NOT NULL           -- of the bytes (cluster/state_io.h Checksum)
);
)sql",
    // 8: the work queue of `ingest --enqueue` and `corroborate worker` (store/work_queue.h): raw
    // articles in input order, each leased by the worker preparing it; a row goes when its article
    // is committed (in the same transaction), so the queue holds exactly what is still to store.
    R"sql(
CREATE TABLE work_queue (
  seq INTEGER PRIMARY KEY,            -- queue order: the order one ingest would have stored them in
  id TEXT NOT NULL, source TEXT NOT NULL, line INTEGER NOT NULL,
  kind INTEGER NOT NULL,              -- ContentKind
  body TEXT NOT NULL,
  url TEXT NOT NULL, outlet TEXT NOT NULL, published TEXT NOT NULL, title TEXT NOT NULL, author TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',     -- the worker holding the lease; '' when never claimed
  lease_until INTEGER NOT NULL DEFAULT 0   -- ms since the epoch; claimable once past
);
CREATE INDEX work_queue_owner ON work_queue(owner, seq);
)sql",
    // 9: each article's analysis as clean and extract left it (store/analysis_codec.h: its
    // sentences, mentions and events, naming the build that made them), so that rebuilding a story
    // does not extract its older articles again. Articles stored before have none until their
    // story is next rebuilt, which extracts them once more and stores it.
    R"sql(
CREATE TABLE article_analysis (
  article INTEGER PRIMARY KEY,        -- articles.rowid
  analysis BLOB NOT NULL
);
)sql",
    // 10: nothing on SQLite. (PostgreSQL's search trigger leaves alone the words an insert brings;
    // SQLite's writer fills its FTS5 index itself.)
    R"sql(
-- nothing to change
)sql",
};

}  // namespace

const int kSchemaVersion = static_cast<int>(std::size(kMigrations));

namespace {

// SQLite: PRAGMA user_version counts the migrations; PRAGMA application_id marks the file as ours.
Result<int> SqliteVersion(Db& db) {
  Stmt s = db.Prepare("PRAGMA user_version");
  if (s.Step() != StepResult::kRow) return s.status();
  return static_cast<int>(s.Int(0));
}

Status SqliteCheckIsStore(Db& db) {
  Stmt app = db.Prepare("PRAGMA application_id");
  if (app.Step() != StepResult::kRow) return app.status();
  const int64_t app_id = app.Int(0);
  Stmt tables = db.Prepare("SELECT count(*) FROM sqlite_master");
  if (tables.Step() != StepResult::kRow) return tables.status();
  if (app_id != kApplicationId && (app_id != 0 || tables.Int(0) > 0)) {
    return InvalidInput("not a corroborate store (another SQLite database)");
  }
  return Status::Ok();
}

Status SqliteSetVersion(Db& db, int version) {
  return db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                 "; PRAGMA user_version = " + std::to_string(version));
}

}  // namespace

Result<int> SchemaVersion(Db& db) {
  return db.engine() == Engine::kPostgres ? PostgresSchemaVersion(db) : SqliteVersion(db);
}

Status MigrateTo(Db& db, int target) {
  const bool pg = db.engine() == Engine::kPostgres;
  const std::span<const char* const> migrations = pg ? PostgresMigrations() : std::span<const char* const>(kMigrations);
  if (migrations.size() != size_t(kSchemaVersion)) {
    return Unsupported("this program's PostgreSQL and SQLite schemas have different migration counts");
  }
  if (Status s = pg ? PostgresCheckIsStore(db) : SqliteCheckIsStore(db); !s.ok()) return s;
  Result<int> version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion) {
    return Unsupported("store schema version " + std::to_string(*version) + " is newer than this program's (" +
                       std::to_string(kSchemaVersion) + ")");
  }
  for (int v = *version; v < target; ++v) {
    Status s = InWriteTransaction(db, [&] {
      // Another process may have migrated meanwhile: re-read the version under the write lock.
      Result<int> now = SchemaVersion(db);
      if (!now.ok()) return now.status();
      if (*now > v) return Status::Ok();
      if (Status e = db.Exec(migrations[size_t(v)]); !e.ok()) return e;
      return pg ? PostgresSetVersion(db, v + 1) : SqliteSetVersion(db, v + 1);
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Migrate(Db& db) { return MigrateTo(db, kSchemaVersion); }

}  // namespace corroborate::store
