// Rows for one table inserted many per statement (INSERT … VALUES (…), (…), …): on PostgreSQL
// each statement is a message to the server and a plan to run, and an article's mentions alone are
// about fifty rows. On SQLite, a library call away, one row per statement: its one compiled
// statement is kept by the connection, where each count of rows would be compiled again (and a
// statement of hundreds of numbered parameters compiles slowly). Tested through store_test.cc
// (every mention the store keeps goes through it).
//
//   RowBatch rows(db, "INSERT INTO mentions (article, kind) VALUES", 2);
//   rows.Int(7); rows.Text("quote");
//   if (Status s = rows.EndRow(); !s.ok()) return s;
//   if (Status s = rows.Flush(); !s.ok()) return s;   // the rest
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "store/db.h"

namespace corroborate::store {

class RowBatch {
 public:
  // `head`: the statement up to VALUES; `columns`: values per row.
  RowBatch(Db& db, std::string head, int columns)
      : db_(db), head_(std::move(head)), columns_(columns), rows_(db.engine() == Engine::kSqlite ? 1 : kRows) {}

  void Text(std::string_view v) { cells_.emplace_back(std::string(v)); }
  void Int(int64_t v) { cells_.emplace_back(v); }
  // Ends a row; inserts the rows held once there are as many as a statement takes.
  Status EndRow() { return cells_.size() >= size_t(rows_ * columns_) ? Flush() : Status::Ok(); }

  Status Flush() {
    if (cells_.empty()) return Status::Ok();
    const size_t rows = cells_.size() / size_t(columns_);
    Stmt fresh;
    if (rows_ != 1 || !one_row_) {
      std::string sql = head_;
      int n = 0;
      for (size_t r = 0; r < rows; ++r) {
        sql += r ? ", (" : " (";
        for (int c = 0; c < columns_; ++c) sql += (c ? ", ?" : "?") + std::to_string(++n);
        sql += ')';
      }
      fresh = db_.Prepare(sql);
    }
    if (rows_ == 1 && !one_row_) one_row_ = std::move(fresh);
    Stmt& s = rows_ == 1 ? *one_row_ : fresh;
    for (size_t i = 0; i < cells_.size(); ++i) {
      if (const int64_t* v = std::get_if<int64_t>(&cells_[i])) s.Bind(int(i + 1), *v);
      else s.Bind(int(i + 1), std::string_view(std::get<std::string>(cells_[i])));
    }
    cells_.clear();
    return s.Run();
  }

 private:
  // 64 rows of a few columns stay far below either engine's limit on parameters (SQLite 32,766).
  static constexpr int kRows = 64;
  Db& db_;
  std::string head_;
  int columns_;
  int rows_;  // per statement
  std::optional<Stmt> one_row_;     // the statement of one row, when rows_ is 1, once prepared
  std::vector<std::variant<int64_t, std::string>> cells_;
};

}  // namespace corroborate::store
