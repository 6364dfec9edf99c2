#pragma once
// A config that gives every key a value other than its default (secrets by reference only).

namespace kaution::config_test {

inline constexpr const char* k_full_config = R"({
  "store": {"path": "/srv/kaution/store.db"},
  "api": {
    "socket": "/run/k/api.sock",
    "socket_mode": "0600",
    "socket_group": "kaution",
    "tcp": {"address": "127.0.0.2", "port": 8471, "tls_cert": "/etc/k/api.crt",
            "tls_key": "/etc/k/api.key", "insecure_loopback": false},
    "tokens": [
      {"name": "erp", "role": "ledger", "token": {"env": "T1"}},
      {"name": "ops", "role": "operator", "token": {"credential": "api-token-ops"}},
      {"name": "help", "role": "support", "token": {"file": "/etc/k/help.token"}}
    ],
    "max_body_bytes": 2048
  },
  "rules": {"stale_after_days": 7, "faulty_without_balance_after_days": 30, "bgb551": "error"},
  "schedule": {"import_every_minutes": 5, "interest_distributions_every_hours": 12},
  "retry": {"max_attempts": 3, "base_seconds": 10, "cap_seconds": 600},
  "accesses": [
    {
      "name": "aak-1", "connector": "aak", "active": false, "base_url": "https://aak.example/api",
      "username": "client-id", "password": {"env": "AAK_SECRET"},
      "tls": {"verify": false, "ca_file": "/etc/k/ca.pem", "client_cert": "/etc/k/c.pem",
              "client_key": "/etc/k/c.key",
              "pinned_public_key": "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="},
      "timeouts": {"connect_ms": 1000, "total_ms": 2000, "low_speed_limit_bytes": 100,
                   "low_speed_time_s": 5},
      "limits": {"max_in_flight": 2, "requests_per_second": 3}
    },
    {
      "name": "km-1", "connector": "km", "base_url": "https://km.example",
      "km": {"trust_accounts": [
        {"iban": "DE89 3704 0044 0532 0130 00", "interest_rate": "0.250",
         "valid_from": "2026-01-01"}]}
    },
    {
      "name": "dkb-1", "connector": "dkb", "base_url": "https://dkb.example",
      "dkb": {"collective_ibans": ["DE45120300001234567890"],
              "portal_url": "https://portal.dkb.example"}
    }
  ],
  "ledger": {"webhook": {"url": "https://erp.example/hook", "secret": {"env": "HOOK"},
                         "timeout_ms": 5000}},
  "log": {"level": "warn", "format": "json", "debug_archive": true}
})";

}  // namespace kaution::config_test
