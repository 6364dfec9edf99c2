#pragma once
// Settings of one access's HTTP client: the `tls`, `timeouts` and `limits` of config.md.

#include <cstddef>
#include <string>

namespace kaution::httpclient {

struct TlsSettings {
  bool verify = true;             // false logs a warning whenever a client is built
  std::string ca_file;            // PEM bundle; empty: the system store
  std::string client_cert;        // PEM file for mutual TLS; empty: none
  std::string client_key;         // PEM file; empty: the key is in client_cert
  std::string pinned_public_key;  // curl syntax: "sha256//BASE64;…" or a PEM/DER file
};

struct Timeouts {
  long connect_ms = 10000;
  long total_ms = 60000;
  long low_speed_limit_bytes = 1;  // abort when slower than this …
  long low_speed_time_s = 30;      // … for this long; 0 disables
};

struct Limits {
  int max_in_flight = 4;         // requests at once, ≥ 1
  int requests_per_second = 10;  // request starts in any one second; 0: unlimited
  std::size_t max_response_bytes = std::size_t{1} << 30;  // larger bodies → protocol; 0: none
};

struct HttpClientSettings {
  std::string access_name;  // names the access in messages and exchange records
  std::string base_url;     // http:// or https://, may carry a path prefix
  TlsSettings tls;
  Timeouts timeouts;
  Limits limits;
  std::string user_agent = "kautiond";
};

}  // namespace kaution::httpclient
