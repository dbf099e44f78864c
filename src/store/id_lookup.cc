// Looking many ids up at once (see id_lookup.h). Tested in id_lookup_test.cc.
#include "store/id_lookup.h"

namespace corroborate::store {
namespace {

// Ids per statement. One statement text whatever the count (the missing ones bound as NULL, which
// no id equals), so it is prepared once per connection.
constexpr size_t kIdsPerStatement = 64;

std::string LookUpSql() {
  std::string sql = "SELECT id, rowid, raw_hash FROM articles WHERE id IN (";
  for (size_t i = 1; i <= kIdsPerStatement; ++i) sql += (i > 1 ? ", ?" : "?") + std::to_string(i);
  return sql + ")";
}

}  // namespace

Result<StoredIds> LookUpIds(Db& db, const std::vector<std::string>& ids) {
  static const std::string sql = LookUpSql();
  StoredIds found;
  if (ids.empty()) return found;
  Stmt s = db.Prepare(sql);
  if (!s.status().ok()) return s.status();
  for (size_t from = 0; from < ids.size(); from += kIdsPerStatement) {
    for (size_t i = 0; i < kIdsPerStatement; ++i) {
      if (from + i < ids.size()) s.Bind(int(i + 1), ids[from + i]);
      else s.BindNull(int(i + 1));
    }
    StepResult r;
    while ((r = s.Step()) == StepResult::kRow) found[std::string(s.Text(0))] = StoredId{s.Int(1), std::string(s.Text(2))};
    if (r == StepResult::kError) return s.status();
    s.Reset();
  }
  return found;
}

}  // namespace corroborate::store
