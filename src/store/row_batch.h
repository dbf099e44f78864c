// Rows for one table inserted many per statement (INSERT … VALUES (…), (…), …): on PostgreSQL
// each statement is a message to the server and a plan to run, and an article's mentions alone are
// about fifty rows. Tested through store_test.cc (every mention the store keeps goes through it).
//
//   RowBatch rows(db, "INSERT INTO mentions (article, kind) VALUES", 2);
//   rows.Int(7); rows.Text("quote");
//   if (Status s = rows.EndRow(); !s.ok()) return s;
//   if (Status s = rows.Flush(); !s.ok()) return s;   // the rest
#pragma once

#include <cstdint>
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

  Status Flush() {
    if (cells_.empty()) return Status::Ok();
    const size_t rows = cells_.size() / size_t(columns_);
    std::string sql = head_;
    int n = 0;
    for (size_t r = 0; r < rows; ++r) {
      sql += r ? ", (" : " (";
      for (int c = 0; c < columns_; ++c) sql += (c ? ", ?" : "?") + std::to_string(++n);
      sql += ')';
    }
    Stmt s = db_.Prepare(sql + tail_);
    for (size_t i = 0; i < cells_.size(); ++i) {
      if (const int64_t* v = std::get_if<int64_t>(&cells_[i])) s.Bind(int(i + 1), *v);
      else if (const double* d = std::get_if<double>(&cells_[i])) s.BindDouble(int(i + 1), *d);
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
  std::string tail_;
  std::vector<std::variant<int64_t, double, std::string>> cells_;
};

}  // namespace corroborate::store
