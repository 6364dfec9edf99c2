#include "tests/crash/verify.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "queue/sqlite_store.hpp"

namespace kaution::crash {
namespace {

constexpr std::size_t k_examples = 5;

struct StoredBooking {
  std::string booking_id;
  std::string access;
  std::string bank_ref;
  std::int64_t amount_cents = 0;
};

using Db = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Db open_read_only(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  return Db(db, &sqlite3_close);
}

std::string column(sqlite3_stmt* s, int i) {
  const auto* text = sqlite3_column_text(s, i);
  return text ? reinterpret_cast<const char*>(text) : "";
}

// Runs `sql`, calling `row` for each result row; false when it does not prepare.
template <class Row>
bool each_row(sqlite3* db, const char* sql, Row row) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) return false;
  while (sqlite3_step(s) == SQLITE_ROW)
    row(s);
  sqlite3_finalize(s);
  return true;
}

void check_integrity(sqlite3* db, Verdict& v) {
  std::string result;
  if (!each_row(db, "PRAGMA integrity_check", [&](sqlite3_stmt* s) { result += column(s, 0); }))
    v.failures.push_back(std::string("PRAGMA integrity_check failed: ") + sqlite3_errmsg(db));
  else if (result != "ok")
    v.failures.push_back("PRAGMA integrity_check: " + result);
}

std::vector<StoredBooking> stored_bookings(sqlite3* db, Verdict& v) {
  std::vector<StoredBooking> out;
  if (!each_row(
          db, "SELECT booking_id, access, bank_ref, amount_cents FROM bookings",
          [&](sqlite3_stmt* s) {
            out.push_back({column(s, 0), column(s, 1), column(s, 2), sqlite3_column_int64(s, 3)});
          }))
    v.failures.push_back(std::string("reading the bookings: ") + sqlite3_errmsg(db));
  return out;
}

void add_examples(Verdict& v, const std::string& what, const std::vector<std::string>& items) {
  if (items.empty()) return;
  std::string text = fmt::format("{}: {}", what, items.size());
  for (std::size_t i = 0; i < items.size() && i < k_examples; ++i)
    text += (i == 0 ? " (" : ", ") + items[i];
  v.failures.push_back(text + ")");
}

// Every booking of the banks in the store exactly once with its amount, and nothing else.
void check_against_truth(const Evidence& e, const std::vector<StoredBooking>& stored, Verdict& v) {
  std::map<std::pair<std::string, std::string>, const StoredBooking*> by_ref;
  std::vector<std::string> doubled, extra, missing, wrong_amount;
  for (const StoredBooking& b : stored)
    if (!by_ref.emplace(std::pair{b.access, b.bank_ref}, &b).second)
      doubled.push_back(b.access + " " + b.bank_ref);
  std::set<std::pair<std::string, std::string>> known;
  for (const auto& [access, bookings] : e.truth) {
    v.truth += static_cast<std::int64_t>(bookings.size());
    for (const TruthBooking& t : bookings) {
      if (!known.emplace(access, t.bank_ref).second)
        doubled.push_back("bank " + access + " " + t.bank_ref);
      const auto it = by_ref.find({access, t.bank_ref});
      if (it == by_ref.end())
        missing.push_back(access + " " + t.bank_ref);
      else if (it->second->amount_cents != t.amount_cents)
        wrong_amount.push_back(access + " " + t.bank_ref);
    }
  }
  for (const auto& [key, b] : by_ref)
    if (!known.contains(key)) extra.push_back(key.first + " " + key.second);
  add_examples(v, "bookings stored twice", doubled);
  add_examples(v, "bookings of the banks missing in the store", missing);
  add_examples(v, "bookings in the store the banks never booked", extra);
  add_examples(v, "bookings with another amount than the bank's", wrong_amount);
}

// The feed read whole: seq ascending, each booking once, exactly the stored ones; and a ledger
// that followed it through the crashes saw every stored booking.
void check_feed(const Evidence& e, const std::vector<StoredBooking>& stored, Verdict& v) {
  std::unordered_set<std::string> in_feed;
  std::vector<std::string> repeated, unordered, missing, unconsumed;
  std::int64_t last = 0;
  for (const FeedEntry& f : e.feed) {
    if (!in_feed.insert(f.booking_id).second) repeated.push_back(f.booking_id);
    if (f.seq <= last) unordered.push_back(std::to_string(f.seq));
    last = f.seq;
  }
  for (const StoredBooking& b : stored) {
    if (!in_feed.contains(b.booking_id)) missing.push_back(b.booking_id);
    if (!e.consumed.contains(b.booking_id)) unconsumed.push_back(b.booking_id);
  }
  if (in_feed.size() != stored.size())
    v.failures.push_back(
        fmt::format("the feed has {} bookings, the store {}", in_feed.size(), stored.size()));
  add_examples(v, "bookings twice in the feed", repeated);
  add_examples(v, "feed seq not ascending", unordered);
  add_examples(v, "stored bookings missing in the feed", missing);
  add_examples(v, "stored bookings the following ledger never saw (a gap)", unconsumed);
}

// Every deposit's status is the one derive_status gives for its stored facts.
void check_statuses(const Evidence& e, Verdict& v) {
  SystemClock clock;
  SqliteStore store(e.store, clock);
  std::vector<std::string> wrong;
  store.for_each_facts([&](std::string_view id, const DepositFacts& facts) {
    ++v.deposits;
    const DerivedStatus derived = derive_status(facts, e.today, e.rules);
    const auto stored = store.status(id);
    ++v.statuses[std::string(to_string(derived.status))];
    if (!stored || stored->status != derived.status)
      wrong.push_back(fmt::format("{} stored {} facts say {}", id,
                                  stored ? to_string(stored->status) : "none",
                                  to_string(derived.status)));
  });
  add_examples(v, "deposits whose status is not the one their facts give", wrong);
}

}  // namespace

Verdict verify(const Evidence& evidence) {
  Verdict v;
  {
    const Db db = open_read_only(evidence.store);
    if (!db) {
      v.failures.push_back("cannot open " + evidence.store.string());
      return v;
    }
    check_integrity(db.get(), v);
    const std::vector<StoredBooking> stored = stored_bookings(db.get(), v);
    v.bookings = static_cast<std::int64_t>(stored.size());
    check_against_truth(evidence, stored, v);
    check_feed(evidence, stored, v);
  }
  check_statuses(evidence, v);
  return v;
}

}  // namespace kaution::crash
