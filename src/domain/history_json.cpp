#include "roster/history_json.h"

#include <nlohmann/json.hpp>

#include "roster/json_dump.h"
#include "roster/text.h"
#include "roster/tier.h"

namespace roster {
namespace {

// The document nlohmann would dump: for text that is not valid UTF-8, which
// its error handler replaces, and so the two ways stay comparable in tests.
std::string member_added_document(const NewMember& m) {
  nlohmann::ordered_json after = {{"name", m.name},
                                  {"uscc", m.uscc ? nlohmann::json(*m.uscc) : nlohmann::json()},
                                  {"sectors", m.sector_codes},
                                  {"tier", std::string(tier_code(m.tier))},
                                  {"city", m.city},
                                  {"parent", m.parent},
                                  {"note", m.note},
                                  {"joined", m.joined.iso()},
                                  {"left", m.left ? nlohmann::json(m.left->iso()) : nlohmann::json()}};
  if (!m.sort_key.empty()) after["sort_key"] = m.sort_key;  // most names have none: the entry stays as it was
  // Likewise the contacts, which came later: a member without them is logged as before.
  if (!m.contacts.contact.empty()) after["contact"] = m.contacts.contact;
  if (!m.contacts.phone.empty()) after["phone"] = m.contacts.phone;
  if (!m.contacts.email.empty()) after["email"] = m.contacts.email;
  return dump_json(after);
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // the start of the bytes that need no escape, copied at once
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xf]);
    }
  }
  out.append(s.substr(run));
  out.push_back('"');
}

std::string member_added_json(const NewMember& m) {
  const std::string none;
  for (const std::string* text : {&m.name, m.uscc ? &*m.uscc : &none, &m.city, &m.parent, &m.note, &m.sort_key,
                                  &m.contacts.contact, &m.contacts.phone, &m.contacts.email}) {
    if (!is_valid_utf8(*text)) return member_added_document(m);
  }
  for (const auto& code : m.sector_codes) {
    if (!is_valid_utf8(code)) return member_added_document(m);
  }
  std::string out = "{";
  auto field = [&](std::string_view key, std::string_view value) {
    if (out.size() > 1) out.push_back(',');
    append_json_string(out, key);
    out.push_back(':');
    append_json_string(out, value);
  };
  auto null_field = [&](std::string_view key) {
    out.push_back(',');
    append_json_string(out, key);
    out += ":null";
  };
  field("name", m.name);
  if (m.uscc)
    field("uscc", *m.uscc);
  else
    null_field("uscc");
  out += ",\"sectors\":[";
  for (size_t i = 0; i < m.sector_codes.size(); ++i) {
    if (i) out.push_back(',');
    append_json_string(out, m.sector_codes[i]);
  }
  out.push_back(']');
  field("tier", tier_code(m.tier));
  field("city", m.city);
  field("parent", m.parent);
  field("note", m.note);
  field("joined", m.joined.iso());
  if (m.left)
    field("left", m.left->iso());
  else
    null_field("left");
  if (!m.sort_key.empty()) field("sort_key", m.sort_key);
  if (!m.contacts.contact.empty()) field("contact", m.contacts.contact);
  if (!m.contacts.phone.empty()) field("phone", m.contacts.phone);
  if (!m.contacts.email.empty()) field("email", m.contacts.email);
  out.push_back('}');
  return out;
}

std::string member_added_json_document(const NewMember& m) {
  return member_added_document(m);
}

}  // namespace roster
