// canonical_json: a small writer with the key order of to_json's sorted object.
#include "mapping/canonical_json.hpp"

namespace kaution {
namespace {

constexpr std::string_view k_hex = "0123456789abcdef";

class Writer {
 public:
  explicit Writer(std::string& out) : m_out(out) {}

  // Starts `"key":` (with the comma unless it is the object's first member).
  Writer& key(std::string_view k) {
    if (!m_first) m_out += ',';
    m_first = false;
    text(k);
    m_out += ':';
    return *this;
  }
  void open(char c) {
    m_out += c;
    m_first = true;
  }
  void close(char c) {
    m_out += c;
    m_first = false;
  }
  void null() { m_out += "null"; }
  void boolean(bool b) { m_out += b ? "true" : "false"; }
  void text(std::string_view s);
  void text(const std::string& s) { text(std::string_view(s)); }
  void text(const std::optional<std::string>& s) { s ? text(*s) : null(); }
  // The next array element (after the first, a comma).
  void element() {
    if (!m_first) m_out += ',';
    m_first = false;
  }

 private:
  std::string& m_out;
  bool m_first = true;
};

void Writer::text(std::string_view s) {
  m_out += '"';
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        m_out += "\\\"";
        break;
      case '\\':
        m_out += "\\\\";
        break;
      case '\b':
        m_out += "\\b";
        break;
      case '\f':
        m_out += "\\f";
        break;
      case '\n':
        m_out += "\\n";
        break;
      case '\r':
        m_out += "\\r";
        break;
      case '\t':
        m_out += "\\t";
        break;
      default:
        if (u < 0x20) {
          m_out += "\\u00";
          m_out += k_hex[u >> 4U];
          m_out += k_hex[u & 0x0FU];
        } else {
          m_out += c;
        }
    }
  }
  m_out += '"';
}

template <typename T, typename F>
void optional(Writer& w, const std::optional<T>& value, F&& write) {
  if (value)
    write(*value);
  else
    w.null();
}

void address(Writer& w, const Address& a) {
  w.open('{');
  w.key("city").text(a.city);
  w.key("country").text(a.country);
  w.key("postcode").text(a.postcode);
  w.key("street").text(a.street);
  w.close('}');
}

void party(Writer& w, const Party& p) {
  w.open('{');
  w.key("address");
  optional(w, p.address, [&](const Address& a) { address(w, a); });
  w.key("birth_date");
  optional(w, p.birth_date, [&](const Date& d) { w.text(d.to_string()); });
  w.key("company_name").text(p.company_name);
  w.key("first_name").text(p.first_name);
  w.key("last_name").text(p.last_name);
  w.key("nationality").text(p.nationality);
  w.key("role").text(to_string(p.role));
  w.key("salutation").text(p.salutation);
  w.close('}');
}

void parties(Writer& w, const std::vector<Party>& list) {
  w.open('[');
  for (const Party& p : list) {
    w.element();
    party(w, p);
  }
  w.close(']');
}

void instalments(Writer& w, const std::vector<Instalment>& list) {
  w.open('[');
  for (const Instalment& i : list) {
    w.element();
    w.open('{');
    w.key("amount").text(i.amount.to_string());
    w.key("due_date").text(i.due_date.to_string());
    w.close('}');
  }
  w.close(']');
}

void payout(Writer& w, const PayoutAccount& p) {
  w.open('{');
  w.key("holder").text(p.holder);
  w.key("iban").text(p.iban.str());
  w.close('}');
}

void iban(Writer& w, const std::optional<Iban>& value) {
  optional(w, value, [&](const Iban& i) { w.text(i.str()); });
}

}  // namespace

std::string canonical_json(const Deposit& d) {
  std::string out;
  out.reserve(1024);
  Writer w(out);
  w.open('{');
  w.key("access").text(d.access);
  w.key("account_holder").text(d.account_holder);
  w.key("agreed_amount").text(d.agreed_amount.to_string());
  w.key("bank_ref").text(d.bank_ref);
  w.key("connector");
  optional(w, d.connector, [&](BankProfile p) { w.text(to_string(p)); });
  w.key("deposit_id").text(d.deposit_id);
  w.key("instalments");
  instalments(w, d.instalments);
  w.key("net_cold_rent");
  optional(w, d.net_cold_rent, [&](const Money& m) { w.text(m.to_string()); });
  w.key("object_label").text(d.object_label);
  w.key("object_no").text(d.object_no);
  w.key("object_owner").text(d.object_owner);
  w.key("parties");
  parties(w, d.parties);
  w.key("payout_account");
  optional(w, d.payout_account, [&](const PayoutAccount& p) { payout(w, p); });
  w.key("rental_contract_no").text(d.rental_contract_no);
  w.key("residential").boolean(d.residential);
  w.key("trust_account");
  iban(w, d.trust_account);
  w.key("unit_no").text(d.unit_no);
  w.key("valid_from").text(d.valid_from.to_string());
  w.key("valid_until");
  optional(w, d.valid_until, [&](const Date& v) { w.text(v.to_string()); });
  w.key("virtual_iban");
  iban(w, d.virtual_iban);
  w.close('}');
  return out;
}

}  // namespace kaution
