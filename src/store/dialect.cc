// The statements that differ by engine (see dialect.h). Tested through queries_test.cc on both.
#include "store/dialect.h"

#include "store/search_query.h"

namespace corroborate::store {

std::string_view SearchIndexAdd(Engine e) {
  return e == Engine::kSqlite ? "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)" : "";
}

std::string_view SearchIndexRemove(Engine e) {
  return e == Engine::kSqlite
             ? "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?1, ?2, ?3)"
             : "";
}

std::string_view ReserveArticleRowids(Engine e) {
  // Taken under the store's write lock (the writer's transaction), so they still follow commit order.
  return e == Engine::kSqlite ? ""
                              : "SELECT nextval(pg_get_serial_sequence('articles', 'rowid')) FROM generate_series(1, ?1)";
}

std::string_view ArticleSearchColumn(Engine e) { return e == Engine::kSqlite ? "" : "search"; }

SearchStatements SearchSql(Engine e, const std::vector<std::string>& terms, int64_t limit, int64_t offset) {
  const std::string page = " LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset);
  SearchStatements out;
  if (e == Engine::kSqlite) {
    // FTS5: the terms as one query of quoted strings (search_query.h), ranked by bm25.
    out.count = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1";
    out.page =
        "SELECT a.id, a.story, a.title, snippet(articles_fts, 1, '', '', '…', 24) FROM articles_fts "
        "JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?1 ORDER BY rank" + page;
    out.args = {FtsQuery(terms)};
    return out;
  }
  // PostgreSQL: each term a phrase query of its own (its words in order, as an FTS5 string), all of
  // them required; each term a parameter, so no operator of tsquery's comes from the client.
  std::string query;
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i) query += " && ";
    query += "phraseto_tsquery('simple', ?" + std::to_string(i + 1) + ")";
  }
  out.count = "SELECT count(*) FROM articles WHERE search @@ (" + query + ")";
  // A snippet of about 24 words around the matches, as FTS5's snippet() gives.
  out.page = "SELECT a.id, a.story, a.title, ts_headline('simple', a.text, q.q, "
             "'StartSel=\"\", StopSel=\"\", MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=\"…\"') "
             "FROM articles a, (SELECT " + query + " AS q) q WHERE a.search @@ q.q "
             "ORDER BY ts_rank(a.search, q.q) DESC, a.rowid" + page;
  out.args = terms;
  return out;
}

std::string JsonArrayHolds(Engine e, std::string_view array, int param) {
  const std::string p = "?" + std::to_string(param);
  if (e == Engine::kSqlite) return "EXISTS (SELECT 1 FROM json_each(" + std::string(array) + ") o WHERE o.value = " + p + ")";
  return std::string(array) + "::jsonb @> jsonb_build_array(CAST(" + p + " AS TEXT))";
}

std::string JsonArrayLength(Engine e, std::string_view array) {
  if (e == Engine::kSqlite) return "json_array_length(" + std::string(array) + ")";
  return "jsonb_array_length(" + std::string(array) + "::jsonb)";
}

}  // namespace corroborate::store
