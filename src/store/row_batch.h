// Rows for one table inserted many per statement (INSERT … VALUES (…), (…), …): on PostgreSQL
// each statement is a message to the server and a plan to run, and an article's mentions alone are
// about fifty rows. On SQLite, whose connection keeps each compiled statement (sqlite_db.cc), full
// statements of kRows rows and the rest one row at a time: two statement texts, compiled once,
// where each count of rows would be another text to compile (and a statement of hundreds of
// numbered parameters compiles slowly). Tested through store_test.cc (every mention the store keeps
// goes through it).
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
  // `head`: the statement up to VALUES; `columns`: values per row; `tail`: what follows the rows
  // (an ON CONFLICT clause).
  RowBatch(Db& db, std::string head, int columns, std::string tail = "")
      : db_(db), head_(std::move(head)), columns_(columns), tail_(std::move(tail)) {}

  void Text(std::string_view v) { cells_.emplace_back(std::string(v)); }
  void Int(int64_t v) { cells_.emplace_back(v); }
  void Double(double v) { cells_.emplace_back(v); }
  // Ends a row; inserts the rows held once there are kRows of them.
  Status EndRow() { return cells_.size() >= size_t(kRows * columns_) ? Flush() : Status::Ok(); }

  // Inserts the rows held.
  Status Flush() {
    const size_t rows = cells_.size() / size_t(columns_);
    if (rows == 0) return Status::Ok();
    Status s;
    if (db_.engine() != Engine::kSqlite) {
      Stmt all = db_.Prepare(Sql(rows));
      s = Run(all, 0, rows);
    } else if (rows == size_t(kRows)) {
      if (!full_) full_ = db_.Prepare(Sql(kRows));
      s = Run(*full_, 0, rows);
    } else {
      if (!one_) one_ = db_.Prepare(Sql(1));
      for (size_t r = 0; r < rows && s.ok(); ++r) s = Run(*one_, r, 1);
    }
    cells_.clear();
    return s;
  }

 private:
  std::string Sql(size_t rows) const {
    std::string sql = head_;
    int n = 0;
    for (size_t r = 0; r < rows; ++r) {
      sql += r ? ", (" : " (";
      for (int c = 0; c < columns_; ++c) sql += (c ? ", ?" : "?") + std::to_string(++n);
      sql += ')';
    }
    return sql + tail_;
  }
  // Runs `stmt` with the cells of `rows` rows from row `first`.
  Status Run(Stmt& stmt, size_t first, size_t rows) {
    const size_t from = first * size_t(columns_), n = rows * size_t(columns_);
    for (size_t i = 0; i < n; ++i) {
      const auto& cell = cells_[from + i];
      if (const int64_t* v = std::get_if<int64_t>(&cell)) stmt.Bind(int(i + 1), *v);
      else if (const double* d = std::get_if<double>(&cell)) stmt.BindDouble(int(i + 1), *d);
      else stmt.Bind(int(i + 1), std::string_view(std::get<std::string>(cell)));
    }
    return stmt.Run();
  }

  // 64 rows of a few columns stay far below either engine's limit on parameters (SQLite 32,766).
  static constexpr int kRows = 64;
  Db& db_;
  std::string head_;
  int columns_;
  std::string tail_;
  std::optional<Stmt> full_, one_;  // SQLite's statements of kRows rows and of one, once prepared
  std::vector<std::variant<int64_t, double, std::string>> cells_;
};

}  // namespace corroborate::store
