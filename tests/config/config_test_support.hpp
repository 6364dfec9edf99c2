#pragma once
// Helpers for the config tests: a fake secret environment, temporary files, loading shortcuts.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "config/load.hpp"

namespace kaution {

// gtest prints a ConfigError as "pointer: message" (never a secret: messages hold none).
inline void PrintTo(const ConfigError& error, std::ostream* os) {
  *os << format(error);
}

}  // namespace kaution

namespace kaution::config_test {

// An environment with exactly `variables` set and the given credentials directory.
inline SecretEnvironment fake_environment(std::map<std::string, std::string> variables = {},
                                          std::optional<std::filesystem::path> credentials = {}) {
  SecretEnvironment env;
  env.getenv = [variables =
                    std::move(variables)](const std::string& name) -> std::optional<std::string> {
    const auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
  env.credentials_dir = std::move(credentials);
  return env;
}

inline SecretEnvironment unresolved_environment() {
  SecretEnvironment env = fake_environment();
  env.resolve_secrets = false;
  return env;
}

// The token list every test config needs; its secret is the environment variable T1.
inline constexpr const char* k_tokens_json = R"([
  {"name": "erp", "role": "ledger", "token": {"env": "T1"}}
])";

inline SecretEnvironment token_environment() {
  return fake_environment({{"T1", "token-one"}, {"T2", "token-two"}, {"T3", "token-three"}});
}

// Loads `text` as if it were /etc/kautiond/kautiond.json.
inline ConfigLoad load(std::string_view text, const SecretEnvironment& env = token_environment(),
                       bool file_is_private = false) {
  return load_config_text(text, "/etc/kautiond/kautiond.json", file_is_private, env);
}

// The formatted errors of a load that must fail.
inline std::vector<std::string> errors_of(const ConfigLoad& result) {
  std::vector<std::string> lines;
  if (result) return lines;
  for (const ConfigError& error : result.error())
    lines.push_back(format(error));
  return lines;
}

// A config with the given members besides "api" (which only has the token).
inline std::string config_with(std::string_view members) {
  std::string text = R"({"api": {"tokens": )" + std::string(k_tokens_json) + "}";
  if (!members.empty()) text += ", " + std::string(members);
  return text + "}";
}

// A config with one access whose members are `access_members`.
inline std::string config_with_access(std::string_view access_members) {
  return config_with(R"("accesses": [{"name": "a", "connector": "aak",
                      "base_url": "https://bank.example")" +
                     std::string(access_members.empty() ? "" : ", ") + std::string(access_members) +
                     "}]");
}

// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "kaution-config-test-XXXXXX").string();
    m_path = ::mkdtemp(pattern.data());
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  const std::filesystem::path& path() const { return m_path; }

  // Writes `content` to `name` inside the directory with file mode `mode`.
  std::filesystem::path write(const std::string& name, std::string_view content,
                              unsigned mode = 0600) const {
    const std::filesystem::path file = m_path / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    ::chmod(file.c_str(), static_cast<mode_t>(mode));
    return file;
  }

 private:
  std::filesystem::path m_path;
};

}  // namespace kaution::config_test
