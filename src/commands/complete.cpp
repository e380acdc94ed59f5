// roster __complete WORD...: what the shells' completion scripts
// (data/completions/) offer. It walks the real CLI11 tree, so a new command
// or option completes with no change here; the database gives sector codes
// and names and member names.
#include <algorithm>
#include <iostream>
#include <set>
#include <utility>

#include "commands.h"
#include "roster/peek.h"
#include "roster/report_period.h"
#include "roster/text.h"
#include "roster/tier.h"

namespace roster {
namespace {

/// Member names offered at most: enough to choose from, cheap on any roster.
constexpr int kMaxMemberNames = 200;

// What the value of an option or a positional is, when not a CLI::IsMember set.
enum class Values { none, formats, tiers, sectors, members, periods, stages };

struct NamedValues {
  std::string_view name;  ///< the option's first long name, or the positional's name
  Values values;
};

// Option and positional names, as CLI11 knows them.
constexpr NamedValues kNamedValues[] = {
    {"--format", Values::formats},
    {"--tier", Values::tiers},
    {"--sector", Values::sectors},
    {"--add-sector", Values::sectors},
    {"--remove-sector", Values::sectors},
    {"SECTOR", Values::sectors},
    {"OLD", Values::sectors},
    {"INTO", Values::sectors},
    {"REF", Values::members},
    {"--member", Values::members},
    {"--period", Values::periods},
    {"STAGE", Values::stages},
    {"--stage", Values::stages},
};

/// Where the words before the last one left the command line.
struct Position {
  CLI::App* app = nullptr;                ///< the deepest command named
  size_t positionals = 0;                 ///< positional words `app` has had
  std::set<const CLI::Option*> given;     ///< options already on the line
  std::string db;                         ///< --db as typed ("" if none)
  bool options_ended = false;             ///< after "--"
  const CLI::Option* value_of = nullptr;  ///< the last word is this option's value
  std::string value_head;                 ///< "--sector=" when the value shares its word
  std::string prefix;                     ///< the text to complete
};

// A flag expects no value (CLI11 keeps its type size at 1).
bool takes_value(const CLI::Option* option) {
  return option->get_items_expected_max() > 0;
}

// The option named `name` on `app` or, as the app falls through, a parent.
const CLI::Option* find_option(CLI::App* app, const std::string& name) {
  for (; app; app = app->get_parent()) {
    if (const CLI::Option* option = app->get_option_no_throw(name)) return option;
  }
  return nullptr;
}

std::vector<CLI::App*> subcommands(CLI::App* app) {
  return app->get_subcommands([](CLI::App* sub) { return !sub->get_group().empty(); });  // "" hides one
}

void positional_word(Position& p, const std::string& word) {
  if (!p.options_ended) {
    for (CLI::App* sub : subcommands(p.app)) {
      if (sub->check_name(word)) {
        p.app = sub;
        p.positionals = 0;
        return;
      }
    }
  }
  ++p.positionals;
}

// An option word: "--name", "--name=value", "-n" or "-nvalue". Returns the
// index of the last word it used (its value's, when that is a word of its own).
size_t option_word(Position& p, const std::vector<std::string>& words, size_t i) {
  const std::string& word = words[i];
  std::string name = word;
  std::optional<std::string> value;
  if (size_t equals = word.find('='); word.starts_with("--") && equals != std::string::npos) {
    name = word.substr(0, equals);
    value = word.substr(equals + 1);
  } else if (!word.starts_with("--") && word.size() > 2) {
    name = word.substr(0, 2);
    value = word.substr(2);
  }
  const CLI::Option* option = find_option(p.app, name);
  if (!option) return i;
  p.given.insert(option);
  if (!takes_value(option)) return i;  // a flag, or a cluster of them
  if (!value) {
    size_t next = i + 1;
    // bash without bash-completion splits --db=x into "--db" "=" "x".
    if (next + 1 < words.size() && words[next] == "=") ++next;
    if (next + 1 >= words.size()) {  // the value is the word being completed
      p.value_of = option;
      p.prefix = words.back() == "=" ? "" : words.back();
      return words.size() - 1;
    }
    value = words[next];
    i = next;
  }
  if (option->check_name("--db")) p.db = *value;
  return i;
}

// Walks the words as CLI11 would parse them, up to the last one.
Position walk(CLI::App& root, const std::vector<std::string>& words) {
  Position p;
  p.app = &root;
  size_t last = words.size() - 1;
  for (size_t i = 0; i < last && !p.value_of; ++i) {
    const std::string& word = words[i];
    if (p.options_ended || word == "-" || !word.starts_with("-")) {
      positional_word(p, word);
    } else if (word == "--") {
      p.options_ended = true;
    } else {
      i = option_word(p, words, i);
    }
  }
  if (p.value_of) return p;
  p.prefix = words.back();
  if (size_t equals = p.prefix.find('=');
      !p.options_ended && p.prefix.starts_with("--") && equals != std::string::npos) {
    const CLI::Option* option = find_option(p.app, p.prefix.substr(0, equals));
    if (option && takes_value(option)) {
      p.value_of = option;
      p.value_head = p.prefix.substr(0, equals + 1);
      p.prefix = p.prefix.substr(equals + 1);
    }
  }
  return p;
}

// The words that start with `prefix`. For data (names people type in any
// case or width) with `loose`, when none does exactly, those that do by name
// key: "media" offers the code media, "Media a" and "media a" the name
// "Media and content".
std::vector<std::string> starting_with(const std::vector<std::string>& words, const std::string& prefix, bool loose) {
  std::vector<std::string> found;
  for (const auto& word : words) {
    if (word.starts_with(prefix)) found.push_back(word);
  }
  if (!found.empty() || !loose || !is_valid_utf8(prefix)) return found;
  std::string key = name_key(prefix);
  for (const auto& word : words) {
    if (name_key(word).starts_with(key)) found.push_back(word);
  }
  return found;
}

void add(std::vector<std::string>& out, const std::string& word) {
  if (std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
}

// The set a CLI::IsMember check gives the option's type: "TEXT:{zh,en}".
std::vector<std::string> member_set(const CLI::Option* option) {
  std::string type = option->get_type_name();
  size_t open = type.find(":{"), close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> set;
  std::string item;
  for (char c : type.substr(open + 2, close - open - 2) + ",") {
    if (c != ',') {
      item += c;
    } else if (!item.empty()) {
      set.push_back(std::exchange(item, ""));
    }
  }
  return set;
}

Values named_values(const CLI::Option* option) {
  for (const auto& [name, values] : kNamedValues) {
    if (option->get_name() == name) return values;
  }
  return Values::none;
}

// The formats of the command named last, in its order; before a command is
// named, every format any command offers, in the order of the enum.
std::vector<std::string> format_names(const Position& p, const std::vector<Command>& commands) {
  std::set<Format> all;
  std::vector<std::string> names;
  for (const Command& command : commands) {
    all.insert(command.formats.begin(), command.formats.end());
    if (command.app != p.app) continue;
    for (Format format : command.formats) names.push_back(format_name(format));
  }
  if (!p.app->get_parent()) {
    for (Format format : all) names.push_back(format_name(format));
  }
  return names;
}

std::vector<std::string> sector_words(const std::filesystem::path& db) {
  std::vector<Sector> sectors = peek_sectors(db);
  std::vector<std::string> words;
  for (const Sector& s : sectors) add(words, s.code);
  for (const Sector& s : sectors) add(words, s.name_zh);
  for (const Sector& s : sectors) add(words, s.name_en);
  return words;
}

std::vector<std::string> option_values(const Position& p, const std::vector<Command>& commands) {
  std::vector<std::string> words = member_set(p.value_of);
  bool loose = false;
  switch (named_values(p.value_of)) {
    case Values::formats:
      words = format_names(p, commands);
      break;
    case Values::tiers:
      words = tier_words();
      loose = true;
      break;
    case Values::sectors:
      words = sector_words(resolve_db_path(p.db));
      loose = true;
      break;
    case Values::members:  // already matched by the query, by name key
      // A REF of `prospect show`, `move`, … names a prospect.
      if (p.app->get_parent() && p.app->get_parent()->get_name() == "prospect") {
        return peek_prospect_names(resolve_db_path(p.db), p.prefix, kMaxMemberNames);
      }
      return peek_member_names(resolve_db_path(p.db), p.prefix, kMaxMemberNames);
    case Values::stages:
      words = peek_stage_codes(resolve_db_path(p.db));
      break;
    case Values::periods:
      for (PeriodKind kind : {PeriodKind::week, PeriodKind::month, PeriodKind::quarter}) {
        words.push_back(period_kind_name(kind));
      }
      break;
    case Values::none:
      break;
  }
  return starting_with(words, p.prefix, loose);
}

bool repeatable(const CLI::Option* option) {
  return option->get_expected_max() > 1;
}

// The options of the command named last, then the global ones.
std::vector<std::string> option_names(const Position& p, CLI::App& root) {
  std::vector<CLI::App*> apps{p.app};
  if (p.app != &root) apps.push_back(&root);
  std::vector<std::string> names;
  for (CLI::App* app : apps) {
    for (const CLI::Option* option : app->get_options()) {
      bool shown = option->nonpositional() && !option->get_group().empty();
      if (!shown || (p.given.count(option) && !repeatable(option))) continue;
      for (const auto& name : option->get_lnames()) add(names, "--" + name);
      for (const auto& name : option->get_snames()) add(names, "-" + name);
    }
  }
  std::erase_if(names, [&](const std::string& name) { return !name.starts_with(p.prefix); });
  return names;
}

// The positional the next word fills: the one after those given, or a list
// that takes them all.
const CLI::Option* next_positional(const Position& p) {
  size_t seen = 0;
  for (const CLI::Option* option : p.app->get_options([](const CLI::Option* o) { return o->get_positional(); })) {
    seen += static_cast<size_t>(std::max(option->get_items_expected_max(), 1));
    if (p.positionals < seen) return option;
  }
  return nullptr;
}

std::vector<std::string> candidates(CLI::App& root, const std::vector<Command>& commands,
                                    const std::vector<std::string>& words) {
  Position p = walk(root, words);
  if (p.value_of) {
    std::vector<std::string> values = option_values(p, commands);
    for (auto& value : values) value.insert(0, p.value_head);  // "--sector=" + "tourism"
    return values;
  }
  if (!p.options_ended && p.prefix.starts_with("-")) return option_names(p, root);
  std::vector<std::string> out;
  if (!p.options_ended) {
    for (CLI::App* sub : subcommands(p.app)) {
      if (sub->get_name().starts_with(p.prefix)) out.push_back(sub->get_name());
    }
  }
  if (const CLI::Option* positional = next_positional(p)) {
    p.value_of = positional;
    for (auto& word : option_values(p, commands)) out.push_back(std::move(word));
  }
  return out;
}

}  // namespace

int run_complete(CLI::App& root, const std::vector<Command>& commands, std::vector<std::string> words) {
  // Whatever goes wrong, the shell gets fewer candidates, never an error.
  try {
    if (words.empty()) words.emplace_back();
    for (const auto& word : candidates(root, commands, words)) {
      if (word.find('\n') == std::string::npos) std::cout << word << '\n';  // one candidate a line
    }
    std::cout.flush();
  } catch (...) {
  }
  return kExitOk;
}

}  // namespace roster
