// The work queue shared by `ingest --enqueue` and any number of `corroborate worker`s (migration 8):
// raw articles in input order, each claimed for a time (a lease) by the worker preparing it, and
// deleted in the transaction that commits it. Tested in work_queue_test.cc and tests/workers.
//
//   EnqueueDocuments(db, docs);                                  // in a write transaction
//   Result<std::vector<QueuedDocument>> mine = Claim(db, "host:123", 50, lease_ms);
//   ... prepare them ...
//   RenewLeases(db, "host:123", lease_ms);                       // while waiting for its turn
//   // in the commit's transaction, before storing: fails when a lease was lost
//   Result<bool> still_mine = TakeForCommit(db, "host:123", seqs);
//
// Leases are wall-clock milliseconds since the epoch of the worker's host: the hosts of a cluster
// keep their clocks in step (NTP) to well within a lease. A worker whose lease passed (killed,
// frozen, cut off from the database) loses its rows to the next claim; TakeForCommit fences it
// off, so an article is never stored by two workers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/document.h"
#include "store/db.h"

namespace corroborate::store {

struct QueuedDocument {
  int64_t seq = 0;
  RawDocument doc;
};

// Milliseconds since the epoch, the clock of leases.
int64_t LeaseClockMs();

// Appends `docs` to the queue, in order, in the caller's transaction.
Status EnqueueDocuments(Db& db, const std::vector<RawDocument>& docs);

// The writing calls run in the caller's write transaction.
//
// Claims up to `max` rows in queue order, before `before_seq`, that nobody holds (never claimed,
// or another's lease has passed), for `owner` until now + lease_ms.
Result<std::vector<QueuedDocument>> Claim(Db& db, const std::string& owner, size_t max, int64_t lease_ms,
                                          int64_t before_seq = INT64_MAX);

// Gives up those of `seqs` that `owner` still holds (claimable at once again).
Status ReleaseLeases(Db& db, const std::string& owner, const std::vector<int64_t>& seqs);

// Extends every lease `owner` holds to now + lease_ms; returns the seqs it still holds (a lease
// that passed and was claimed by another worker is gone from them).
Result<std::vector<int64_t>> RenewLeases(Db& db, const std::string& owner, int64_t lease_ms);

// The first seq in the queue held by someone other than `owner` or by nobody (INT64_MAX when
// none): `owner` may commit its rows before it, and nothing after it.
Result<int64_t> FirstSeqNotOwnedBy(Db& db, const std::string& owner);

// Within the commit's transaction: whether `owner` still holds every row of `seqs` (ascending)
// and nothing before the first is left to store; if so they are deleted. false means a lease was
// lost (another worker has them now) or it is not yet their turn: the caller rolls back.
Result<bool> TakeForCommit(Db& db, const std::string& owner, const std::vector<int64_t>& seqs);

// Rows in the queue (held or not).
Result<int64_t> QueueLength(Db& db);

}  // namespace corroborate::store
