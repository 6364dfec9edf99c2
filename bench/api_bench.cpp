// Benchmark of the API's heavy endpoints, through the router without a transport:
//   api_bench intake [N]                 batch intake of N deposits (default 100000) in batches
//                                        of 10,000 NDJSON, on a fresh store; then the same again
//   api_bench generate STORE [D] [B]     a store with D deposits (default 1000000) and B bookings
//                                        (default 5000000), written through Store calls, one
//                                        transaction per 20,000 deposits
//   api_bench read STORE [reconciliation] the deposit list and reconciliation over that store
// Figures go to stdout; see RESULTS.md.
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>

#include "core/clock.hpp"
#include "daemon/api/routes.hpp"
#include "daemon/http/uri.hpp"
#include "queue/content_hash.hpp"
#include "queue/sqlite_store.hpp"

namespace {

using namespace kaution;
using Seconds = std::chrono::duration<double>;

constexpr std::size_t k_batch = 10000;

// User + system CPU time of this process so far.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto s = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return s(usage.ru_utime) + s(usage.ru_stime);
}

// Wall and CPU seconds of fn: on a shared machine the CPU time is the steadier figure.
struct Timing {
  double wall = 0;
  double cpu = 0;
};

Timing timing_of(const std::function<void()>& fn) {
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  fn();
  return {Seconds(std::chrono::steady_clock::now() - start).count(), cpu_seconds() - cpu_start};
}

// ---- deposits as the ledger sends them

std::string de_iban(std::uint64_t account) {
  std::string bban = "55010400" + std::string(10, '0');
  const std::string digits = std::to_string(account % 10000000000ULL);
  bban.replace(bban.size() - digits.size(), digits.size(), digits);
  unsigned remainder = 0;
  for (char c : bban + "131400")
    remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
  const unsigned check = 98 - remainder;
  return "DE" + std::string(check < 10 ? "0" : "") + std::to_string(check) + bban;
}

std::string deposit_json(std::uint64_t n) {
  const std::string id = "D-" + std::to_string(1000000000 + n);
  return R"({"deposit_id":")" + id + R"(","rental_contract_no":"C-)" + std::to_string(n) +
         R"(","object_no":"P1096","object_label":"Mittelweg 30, Dortmund",)"
         R"("object_owner":"Wohnbau Dortmund GmbH","unit_no":"10006.1.340","connector":"aak",)"
         R"("access":"aak-main","parties":[{"role":"tenant","salutation":"Frau",)"
         R"("first_name":"Natalie","last_name":"Schmidt)" +
         std::to_string(n % 100000) +
         R"(","address":{"street":"Mittelweg 30","postcode":"44267","city":"Dortmund",)"
         R"("country":"DE"}}],"account_holder":"Natalie Schmidt","agreed_amount":"1340.00",)"
         R"("instalments":[{"due_date":"2026-01-01","amount":"446.67"},)"
         R"({"due_date":"2026-02-01","amount":"446.67"},{"due_date":"2026-03-01",)"
         R"("amount":"446.66"}],"valid_from":"2026-01-01","valid_until":null,"virtual_iban":")" +
         de_iban(n) + R"(","net_cold_rent":"670.00","residential":true})";
}

// ---- the API without a transport

struct Api {
  explicit Api(const std::filesystem::path& store_path)
      : clock(utc_time(*Date::parse("2026-11-23"))),
        store(store_path, clock),
        access(store),
        context(access, clock, settings(), {}),
        router(api::make_router(context)) {}

  static api::ApiSettings settings() {
    api::ApiSettings s;
    s.validation.accesses.push_back({"aak-main", BankProfile::aak, {}});
    return s;
  }

  http::Response call(const std::string& method, const std::string& target, http::Role role,
                      std::string body = {}, std::string content_type = {}) {
    const auto parsed = http::parse_target(target);
    const auto resolution = router.resolve(method, parsed->segments);
    http::Request request;
    request.method = method;
    request.path = parsed->path;
    request.query = parsed->query;
    request.path_params = resolution.params;
    request.body = std::move(body);
    request.role = role;
    request.principal = "bench";
    if (!content_type.empty()) request.headers["content-type"] = content_type;
    return resolution.route->handler(request);
  }

  ManualClock clock;
  SqliteStore store;
  StoreAccess access;
  api::ApiContext context;
  http::Router router;
};

// ---- intake

int intake(std::size_t n) {
  const auto dir = std::filesystem::temp_directory_path() / "kaution-api-bench-intake";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::vector<std::string> bodies;
  for (std::size_t first = 0; first < n; first += k_batch) {
    std::string body;
    for (std::size_t i = first; i < std::min(n, first + k_batch); ++i)
      body += deposit_json(i) + "\n";
    bodies.push_back(std::move(body));
  }
  Api api(dir / "store.db");
  for (const char* pass : {"new", "unchanged"}) {
    std::size_t failures = 0;
    const Timing t = timing_of([&] {
      for (const std::string& body : bodies) {
        const auto r = api.call("POST", "/api/v1/deposits:batch", http::Role::ledger, body,
                                "application/x-ndjson");
        if (r.status != 200 || r.body.find("\"rejected\":0") == std::string::npos) ++failures;
      }
    });
    const double count = static_cast<double>(n);
    std::printf(
        "intake %-9s %zu deposits in %zu batches: wall %.2f s = %.0f/s, cpu %.2f s = %.0f/s%s\n",
        pass, n, bodies.size(), t.wall, count / t.wall, t.cpu, count / t.cpu,
        failures ? " (FAILURES)" : "");
  }
  std::filesystem::remove_all(dir);
  return 0;
}

// ---- a large store

DepositRecord record(std::uint64_t n) {
  DepositRecord r;
  r.deposit_id = "D-" + std::to_string(1000000000 + n);
  r.master_json = deposit_json(n);
  r.rental_contract_no = "C-" + std::to_string(n);
  r.connector = "aak";
  r.access = "aak-main";
  r.valid_from = *Date::parse("2026-01-01");
  r.agreed = Money::from_cents(134000);
  r.virtual_iban = de_iban(n);
  r.tenant_name = "Schmidt" + std::to_string(n % 100000) + ", Natalie";
  return r;
}

// Five bookings per deposit: three instalments, interest and its withholding tax.
void add_bookings(ImportBatch& batch, const std::string& id, std::uint64_t n, std::size_t count) {
  static const std::int64_t amounts[] = {44667, 44667, 44666, 217, -54};
  static const BookingKind kinds[] = {BookingKind::payment_in, BookingKind::payment_in,
                                      BookingKind::payment_in, BookingKind::interest,
                                      BookingKind::withholding_tax};
  Money total;
  for (std::size_t k = 0; k < count; ++k) {
    BookingEntry e;
    e.bank_ref = "R" + std::to_string(n) + "-" + std::to_string(k);
    e.booking_date = Date::parse("2026-01-02")->plus_days(static_cast<std::int64_t>(k) * 30);
    e.amount = Money::from_cents(amounts[k % 5]);
    e.kind = kinds[k % 5];
    e.remittance = "Kaution C-" + std::to_string(n);
    e.account = de_iban(n);
    e.deposit_id = id;
    total += e.amount;
    batch.bookings.push_back(std::move(e));
  }
  batch.balances.push_back({id, *Date::parse("2026-11-01"), total});
}

std::size_t k_import_page = 1000;  // bookings per import_batch (env KAUTION_BENCH_IMPORT_PAGE)

// Deposits [first, end) with their bookings, balances, ledger figures and status.
void generate_chunk(Store& store, std::uint64_t first, std::uint64_t end,
                    std::uint64_t per_deposit) {
  ImportBatch batch{"aak", "aak-main", {}, {}, "cursor"};
  for (std::uint64_t n = first; n < end; ++n) {
    const DepositRecord r = record(n);
    store.upsert_deposit(r);
    store.record_export_success(r.deposit_id, sha256_hex(r.master_json),
                                "bank-" + std::to_string(n));
    add_bookings(batch, r.deposit_id, n, per_deposit);
    if (batch.bookings.size() >= k_import_page) {  // pages as the banks send them
      store.import_batch(batch);
      batch.bookings.clear();
      batch.balances.clear();
    }
    // 1 in 20 deposits: the ledger says less was paid.
    store.set_ledger_figures(r.deposit_id, *Date::parse("2026-11-01"),
                             Money::from_cents(n % 20 == 0 ? 100000 : 134000),
                             Money::from_cents(134163));
    store.set_status(r.deposit_id, DepositStatus::active, "bench");
  }
  store.import_batch(batch);
}

// One transaction per 20,000 deposits, bookings imported in pages of k_import_page: with the
// store's in-memory savepoint journals, one nested import of 100,000 bookings would slow down with
// the square of its size (queue/sqlite_sql.hpp, k_temp_store_memory).
int generate(const std::filesystem::path& path, std::uint64_t deposits, std::uint64_t bookings) {
  std::filesystem::remove(path);
  if (const char* page = std::getenv("KAUTION_BENCH_IMPORT_PAGE")) k_import_page = std::stoul(page);
  ManualClock clock(utc_time(*Date::parse("2026-11-20")));
  SqliteStore store(path, clock);
  const std::uint64_t per_deposit = bookings / deposits;
  constexpr std::uint64_t k_chunk = 20000;
  const Timing t = timing_of([&] {
    for (std::uint64_t first = 0; first < deposits; first += k_chunk) {
      store.transaction(
          [&] { generate_chunk(store, first, std::min(deposits, first + k_chunk), per_deposit); });
      if ((first + k_chunk) % 100000 == 0)
        std::fprintf(stderr, "generated %llu deposits\n",
                     static_cast<unsigned long long>(first + k_chunk));
    }
  });
  std::printf("generate: %llu deposits, %llu bookings in %.1f s (%.2f GB)\n",
              static_cast<unsigned long long>(deposits),
              static_cast<unsigned long long>(per_deposit * deposits), t.wall,
              static_cast<double>(std::filesystem::file_size(path)) / 1e9);
  return 0;
}

// ---- reads

void measure(Api& api, const std::string& what, const std::string& target,
             http::Role role = http::Role::operator_) {
  http::Response r;
  const Timing t = timing_of([&] { r = api.call("GET", target, role); });
  std::printf("%-44s wall %6.2f s  cpu %6.2f s  status %d, %.1f MB\n", what.c_str(), t.wall, t.cpu,
              r.status, static_cast<double>(r.body.size()) / 1e6);
}

int read(const std::filesystem::path& path, const std::string& only) {
  Api api(path);
  if (only == "reconciliation") {
    measure(api, "reconciliation: JSON, differing rows", "/api/v1/reconciliation?as_of=2026-11-23");
    return 0;
  }
  measure(api, "list: first page + sums over all", "/api/v1/deposits");
  measure(api, "list: limit 10000 + sums", "/api/v1/deposits?limit=10000");
  measure(api, "list: offset 990000 limit 10000 + sums",
          "/api/v1/deposits?offset=990000&limit=10000");
  measure(api, "list: q=schmidt4711 (name search) + sums", "/api/v1/deposits?q=schmidt4711");
  measure(api, "list: status, access, active_only + sums",
          "/api/v1/deposits?status=active&access=aak-main&active_only=true");
  measure(api, "reconciliation: JSON, differing rows", "/api/v1/reconciliation?as_of=2026-11-23");
  measure(api, "reconciliation: JSON, all rows",
          "/api/v1/reconciliation?as_of=2026-11-23&all=true");
  measure(api, "reconciliation: CSV, all rows",
          "/api/v1/reconciliation?as_of=2026-11-23&all=true&format=csv&bom=true");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "intake") return intake(argc > 2 ? std::stoul(argv[2]) : 100000);
    if (mode == "generate" && argc > 2)
      return generate(argv[2], argc > 3 ? std::stoull(argv[3]) : 1000000,
                      argc > 4 ? std::stoull(argv[4]) : 5000000);
    if (mode == "read" && argc > 2) return read(argv[2], argc > 3 ? argv[3] : "");
  } catch (const std::exception& e) {
    std::cerr << "api_bench: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: api_bench intake [N] | generate STORE [DEPOSITS] [BOOKINGS] | read STORE\n";
  return 2;
}
