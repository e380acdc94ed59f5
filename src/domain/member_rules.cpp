#include "roster/member_rules.h"

#include <fmt/core.h>

#include <algorithm>
#include <set>

#include "roster/i18n.h"
#include "roster/membership_rules.h"
#include "roster/pinyin.h"
#include "roster/text.h"
#include "roster/uscc.h"

namespace roster {
namespace {

constexpr size_t kMaxNameLength = 200;
constexpr size_t kMaxTextLength = 2000;

// Names (of members, places, groups, the association) are compared and shown;
// free text (a note, a reason) is only shown.
enum class TextKind { name, free_text };

// `subject` names the text in the message ("name", "the association name").
std::optional<std::string> text_problem(std::string_view subject, std::string_view text, size_t max_length,
                                        TextKind kind) {
  if (!is_valid_utf8(text))
    return trf("{0} is not valid UTF-8 text; check the encoding of the terminal or file (roster expects UTF-8)",
               subject);
  if (has_control_char(text))
    return trf("{0} contains a control character (tab, line break or similar); remove it", subject);
  // An invisible mark would make a second "company" that looks like the first.
  if (auto mark = first_invisible_control(text); mark && kind == TextKind::name) {
    return trf(
        "{0} contains the invisible character {1} (a zero-width or text-direction mark, often pasted from a "
        "web page); delete it or type the name again",
        subject, escape_for_terminal(*mark));
  }
  if (code_point_count(text) > max_length) {
    return trf("{0} is {1} characters long; the limit is {2}", subject, code_point_count(text), max_length);
  }
  return std::nullopt;
}

// Checks one date field (a real date, not after `as_of`); `field` names it.
std::optional<Date> check_date(const std::string& text, const char* field, Date as_of,
                               std::vector<FieldProblem>& problems) {
  DateRefusal why{};
  auto date = parse_date(text, &why);
  if (!date) {
    problems.push_back({field, date_refusal_message(date_field_word(field), text, why)});
    return std::nullopt;
  }
  if (auto p = future_date_problem(field, *date, as_of)) {
    problems.push_back(std::move(*p));
    return std::nullopt;
  }
  return date;
}

// The member's first period: its dates (an empty joined date means `as_of`)
// and its reason, by the period rules.
void check_first_period(const MemberDraft& draft, Date as_of, NewMember& m, std::vector<FieldProblem>& problems) {
  auto joined_text = trim(draft.joined);
  auto joined = check_date(joined_text.empty() ? as_of.iso() : joined_text, "joined", as_of, problems);
  if (joined) m.joined = *joined;
  if (auto left_text = trim(draft.left); !left_text.empty()) {
    auto left = check_date(left_text, "left", as_of, problems);
    if (auto p = left && joined ? left_date_problem(*joined, *left) : std::nullopt) {
      problems.push_back(std::move(*p));
    } else if (left) {
      m.left = *left;
    }
  }
  m.reason = trim(draft.reason);
  if (auto p = reason_problem(m.reason, !trim(draft.left).empty())) problems.push_back(std::move(*p));
}

// Resolves the draft's sectors into m.sector_codes; at least one is needed.
void check_sectors(const MemberDraft& draft, const SectorRegistry& sectors, NewMember& m,
                   std::vector<FieldProblem>& problems) {
  size_t before = problems.size();
  m.sector_codes = resolve_sectors(draft.sectors, sectors, problems);
  if (m.sector_codes.empty() && problems.size() == before) {
    problems.push_back(
        {"sectors",
         tr("no sector given; every member needs at least one (--sector, or the sectors column of a file)")});
  }
}

// The contacts, trimmed (the phone folded to ASCII), into m.contacts. The
// contact person is a name; the phone and email have their own rules.
void check_contacts(const MemberContacts& typed, NewMember& m, std::vector<FieldProblem>& problems) {
  auto clean = [](const std::string& text) { return is_valid_utf8(text) ? trim(text) : text; };
  m.contacts.contact = clean(typed.contact);
  if (auto p = text_problem(field_word("contact"), m.contacts.contact, kMaxNameLength, TextKind::name))
    problems.push_back({"contact", *p});
  m.contacts.phone = is_valid_utf8(typed.phone) ? fold_phone(typed.phone) : typed.phone;
  if (auto p = text_problem(field_word("phone"), m.contacts.phone, kMaxNameLength, TextKind::name)) {
    problems.push_back({"phone", *p});
  } else if (auto q = phone_problem(m.contacts.phone)) {
    problems.push_back({"phone", *q});
  }
  m.contacts.email = clean(typed.email);
  if (auto p = text_problem(field_word("email"), m.contacts.email, kMaxNameLength, TextKind::name)) {
    problems.push_back({"email", *p});
  } else if (auto q = email_problem(m.contacts.email)) {
    problems.push_back({"email", *q});
  }
}

}  // namespace

std::string fold_phone(std::string_view phone) {
  std::string out;
  for (size_t i = 0; i < phone.size(); ++i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(phone[k]); };
    // U+FF01–U+FF5E (EF BC 81 … EF BD 9E) are ASCII '!'–'~' in full width;
    // U+3000 (E3 80 80) is the ideographic space.
    if (i + 2 < phone.size() && byte(i) == 0xEF && (byte(i + 1) == 0xBC || byte(i + 1) == 0xBD)) {
      unsigned code = 0xFF00 + (byte(i + 1) == 0xBD ? 0x40 : 0) + (byte(i + 2) & 0x3F);
      if (code >= 0xFF01 && code <= 0xFF5E) {
        out.push_back(static_cast<char>(code - 0xFEE0));
        i += 2;
        continue;
      }
    }
    if (i + 2 < phone.size() && byte(i) == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) {
      out.push_back(' ');
      i += 2;
      continue;
    }
    out.push_back(phone[i]);
  }
  return trim(out);
}

std::optional<std::string> phone_problem(std::string_view phone) {
  if (phone.empty()) return std::nullopt;
  size_t digits = 0;
  for (size_t i = 0; i < phone.size(); i += std::max<size_t>(1, utf8_sequence_length(phone[i]))) {
    char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')') {
      return trf(
          "{0} '{1}' has the character '{2}'; a phone number holds digits, spaces, -, + and parentheses, "
          "e.g. 0571-8888 6666",
          field_word("phone"), phone, phone.substr(i, utf8_sequence_length(c)));
    }
  }
  if (digits < 5) {
    return trfn("{0} '{1}' has {2} digit; a phone number has at least 5, e.g. 0571-8888 6666 or 13800000000",
                "{0} '{1}' has {2} digits; a phone number has at least 5, e.g. 0571-8888 6666 or 13800000000", digits,
                field_word("phone"), phone, digits);
  }
  return std::nullopt;
}

std::optional<std::string> email_problem(std::string_view email) {
  if (email.empty()) return std::nullopt;
  auto word = field_word("email");
  if (email.find(' ') != std::string_view::npos || email.find("\u3000") != std::string_view::npos)
    return trf("{0} '{1}' contains a space; give one address without spaces, e.g. wang@example.com", word, email);
  auto at = email.find('@');
  if (at == std::string_view::npos)
    return trf("{0} '{1}' has no @; give the whole address, e.g. wang@example.com", word, email);
  if (email.find('@', at + 1) != std::string_view::npos)
    return trf("{0} '{1}' has more than one @; give one address, e.g. wang@example.com", word, email);
  auto domain = email.substr(at + 1);
  if (at == 0 || domain.empty())
    return trf("{0} '{1}' needs text before and after the @, e.g. wang@example.com", word, email);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.')
    return trf("{0} '{1}' has no domain with a dot after the @; give the whole address, e.g. wang@example.com", word,
               email);
  return std::nullopt;
}

std::vector<std::string> resolve_sectors(const std::vector<std::string>& values, const SectorRegistry& sectors,
                                         std::vector<FieldProblem>& problems) {
  std::vector<std::string> codes;
  std::set<std::string> seen;
  for (const auto& value : values) {
    // One --sector value may be a list too ("医疗、教育"), as in a file's cell.
    for (const auto& text : split_list(value)) {
      const Sector* s = sectors.resolve(text);
      if (!s) {
        problems.push_back({"sectors", unknown_sector_message(text, sectors)});
      } else if (seen.insert(s->code).second) {
        codes.push_back(s->code);
      }
    }
  }
  return codes;
}

std::string field_word(std::string_view field) {
  // The English word is the column name itself; the literals are spelled out
  // so the catalog holds them.
  if (field == "name") return trc("field", "name");
  if (field == "uscc") return trc("field", "uscc");
  if (field == "sectors") return trc("field", "sectors");
  if (field == "joined") return trc("field", "joined");
  if (field == "left") return trc("field", "left");
  if (field == "tier") return trc("field", "tier");
  if (field == "city") return trc("field", "city");
  if (field == "parent") return trc("field", "parent");
  if (field == "note") return trc("field", "note");
  if (field == "reason") return trc("field", "reason");
  if (field == "contact") return trc("field", "contact");
  if (field == "phone") return trc("field", "phone");
  if (field == "email") return trc("field", "email");
  return std::string(field);
}

std::string date_field_word(std::string_view field) {
  if (field == "joined") return tr("joined date");
  if (field == "left") return tr("left date");
  return std::string(field);
}

std::optional<std::string> name_problem(std::string_view trimmed_name) {
  if (trimmed_name.empty()) return tr("name is empty; give the member's legal name");
  if (auto p = text_problem(field_word("name"), trimmed_name, kMaxNameLength, TextKind::name)) return *p;
  return std::nullopt;
}

std::optional<std::string> association_name_problem(std::string_view trimmed_name) {
  if (trimmed_name.empty())
    return tr("the association name is empty; give its full name, e.g. --association '浙江省元宇宙产业协会'");
  if (auto p = text_problem(tr("the association name"), trimmed_name, kMaxNameLength, TextKind::name)) return *p;
  return std::nullopt;
}

std::optional<std::string> free_text_problem(std::string_view text, std::string_view field) {
  if (auto p = text_problem(field_word(field), text, kMaxTextLength, TextKind::free_text)) return *p;
  return std::nullopt;
}

std::vector<FieldProblem> check_member(const MemberDraft& draft, const SectorRegistry& sectors, Date as_of,
                                       NewMember* out) {
  std::vector<FieldProblem> problems;
  NewMember m;

  m.name = is_valid_utf8(draft.name) ? trim(draft.name) : draft.name;
  if (auto p = name_problem(m.name))
    problems.push_back({"name", *p});
  else
    m.name_key = name_key(m.name);

  if (auto uscc = trim(draft.uscc); !uscc.empty()) {
    std::string reason;
    if (auto code = normalize_uscc(uscc, &reason))
      m.uscc = *code;
    else
      problems.push_back({"uscc", reason});
  }

  check_sectors(draft, sectors, m, problems);

  // No tier given: the default, member.
  auto tier = trim(draft.tier).empty() ? std::optional<Tier>(Tier::member) : parse_tier(draft.tier);
  if (tier)
    m.tier = *tier;
  else
    problems.push_back({"tier", unknown_tier_message(draft.tier)});

  struct Free {
    const std::string& text;
    std::string* target;
    const char* field;
  };
  for (Free f : {Free{draft.city, &m.city, "city"}, Free{draft.parent, &m.parent, "parent"},
                 Free{draft.note, &m.note, "note"}}) {
    *f.target = is_valid_utf8(f.text) ? trim(f.text) : f.text;
    bool note = f.field == std::string("note");
    if (auto p = text_problem(field_word(f.field), *f.target, note ? kMaxTextLength : kMaxNameLength,
                              note ? TextKind::free_text : TextKind::name)) {
      problems.push_back({f.field, *p});
    }
  }

  m.sort_key = is_valid_utf8(draft.sort_key) ? trim(draft.sort_key) : draft.sort_key;
  if (auto p = sort_key_problem(m.sort_key, m.name)) problems.push_back({"sort_key", *p});

  check_contacts(draft.contacts, m, problems);
  check_first_period(draft, as_of, m, problems);
  if (problems.empty() && out) *out = std::move(m);
  return problems;
}

}  // namespace roster
