// CLI11's own words in the chosen language: the help's labels and layout, and
// the parse errors, which the library writes in English.
#include <fmt/core.h>

#include <optional>

#include "commands.h"
#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

// Pads each option row by display columns rather than bytes, so a Chinese
// description or label lines up; for ASCII it writes what CLI11's own
// formatter writes, byte for byte.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    std::string description = make_option_desc(opt);
    size_t width = get_column_width();
    std::string out = pad_right(name, width);
    if (!description.empty()) {
      if (display_width(name) >= width) out += "\n" + std::string(width, ' ');
      for (char c : description) {
        out += c;
        if (c == '\n') out += std::string(width, ' ');
      }
    }
    return out + "\n";
  }
};

// The words CLI11 looks up as labels when it lays out a help page.
constexpr const char* kHelpLabels[] = {
    N_("Usage"),    N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("Positionals"),
    N_("REQUIRED"), N_("Env"),     N_("Needs"),      N_("Excludes"),
};

// CLI11 names a value by its type, with a validator's set after a colon
// ("TEXT:{zh,en}"); each spelling is a label of its own.
constexpr const char* kValueWords[] = {N_("TEXT"), N_("INT"), N_("UINT"), N_("FLOAT")};

void label_options(CLI::App& app, CLI::FormatterBase& formatter) {
  // A subcommand makes its help flag before it takes its parent's option
  // defaults, so the flag starts in CLI11's own "Options" group.
  if (CLI::Option* help = app.get_help_ptr()) help->group(tr("Options"));
  for (const CLI::Option* option : app.get_options()) {
    std::string type = option->get_type_name();
    std::string word = type.substr(0, type.find(':'));
    for (const char* known : kValueWords) {
      if (word == known) formatter.label(type, tr(known) + type.substr(word.size()));
    }
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) label_options(*sub, formatter);
}

std::optional<std::string> strip_suffix(const std::string& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) return std::nullopt;
  return text.substr(0, text.size() - suffix.size());
}

// "{active,left,all}" as "active、left、all".
std::string choices(std::string set) {
  if (set.starts_with("{") && set.ends_with("}")) set = set.substr(1, set.size() - 2);
  std::string out;
  for (char c : set) out += c == ',' ? std::string("、") : std::string(1, c);
  return out;
}

// "NAME: REASON", as ValidationError writes it; REASON is a roster check's
// own (already translated) or CLI::IsMember's "VALUE not in {SET}".
std::string validation_message(const std::string& text) {
  size_t colon = text.find(": ");
  if (colon == std::string::npos) return trf("the command line is wrong: {0}", text);
  std::string name = text.substr(0, colon), reason = text.substr(colon + 2);
  // i18n: data (CLI11's own English, matched to find the detail)
  if (size_t in = reason.rfind(" not in {"); in != std::string::npos && reason.ends_with("}")) {
    return trf("{0}: '{1}' is not one of {2}", name, reason.substr(0, in), choices(reason.substr(in + 8)));
  }
  return trf("{0}: {1}", name, reason);
}

// The option an ArgumentMismatch names: "NAME: 1 required TEXT missing" or
// "Expected exactly 2 arguments to NAME, got 1".
std::string mismatch_message(const std::string& text) {
  if (text.starts_with("Expected ")) {
    size_t to = text.find(" to "), got = text.rfind(", got");
    if (to != std::string::npos && got != std::string::npos && got > to) {
      return trf("{0} was given the wrong number of values", text.substr(to + 4, got - to - 4));
    }
  }
  std::string name = text.substr(0, text.find_first_of(": "));
  if (text.ends_with(" missing")) return trf("{0} needs a value", name);
  return trf("{0} was given the wrong number of values", name);
}

std::string conversion_message(const std::string& text) {
  // i18n: data (CLI11's own English, matched to find the detail)
  const std::string could_not = "Could not convert: ";
  if (text.starts_with(could_not)) {
    std::string rest = text.substr(could_not.size());
    size_t equals = rest.find(" = ");
    if (equals != std::string::npos) {
      return trf("{0}: cannot read the value '{1}'", rest.substr(0, equals), rest.substr(equals + 3));
    }
  }
  if (size_t colon = text.find(": "); colon != std::string::npos && text.ends_with("for a flag")) {
    return trf("{0} is a flag and takes no value", text.substr(0, colon));
  }
  return trf("the command line is wrong: {0}", text);
}

// Two options named in "A excludes B" or "A requires B".
std::optional<std::pair<std::string, std::string>> split_pair(const std::string& text, std::string_view word) {
  size_t at = text.find(word);
  if (at == std::string::npos) return std::nullopt;
  return std::pair{text.substr(0, at), text.substr(at + word.size())};
}

template <typename Kind>
bool is(const CLI::ParseError& e) {
  return dynamic_cast<const Kind*>(&e) != nullptr;
}

// By the error's type, not get_name(): CLI11 names an ExtrasError after the
// command it was raised in.
std::string translated_parse_error(const CLI::ParseError& e, const std::string& text) {
  if (is<CLI::ExtrasError>(e)) {
    size_t colon = text.find(": ");
    if (colon != std::string::npos) return trf("unexpected argument: {0}", text.substr(colon + 2));
  } else if (is<CLI::RequiredError>(e)) {
    // i18n: data (CLI11's own English, matched to find the detail)
    if (text == "A subcommand is required") return tr("a command is required");
    // i18n: data (CLI11's own English, matched to find the detail)
    if (auto name = strip_suffix(text, " is required")) return trf("{0} is required", *name);
  } else if (is<CLI::ArgumentMismatch>(e)) {
    return mismatch_message(text);
  } else if (is<CLI::ValidationError>(e)) {
    return validation_message(text);
  } else if (is<CLI::ConversionError>(e)) {
    return conversion_message(text);
  } else if (is<CLI::ExcludesError>(e)) {
    if (auto both = split_pair(text, " excludes ")) {
      return trf("{0} and {1} cannot be used together", both->first, both->second);
    }
  } else if (is<CLI::RequiresError>(e)) {
    if (auto both = split_pair(text, " requires ")) return trf("{0} needs {1} as well", both->first, both->second);
  }
  return trf("the command line is wrong: {0}", text);
}

}  // namespace

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

void localise_help(CLI::App& app) {
  auto formatter = std::make_shared<HelpFormatter>();
  for (const char* label : kHelpLabels) formatter->label(label, tr(label));
  app.formatter(formatter);
  // Options and subcommands made after this inherit the group names and the
  // help flag's description.
  app.option_defaults()->group(tr("Options"));
  app.group(tr("Subcommands"));
  app.set_help_flag("-h,--help", tr("Print this help message and exit"));
}

void localise_options(CLI::App& app) {
  label_options(app, *app.get_formatter());
}

std::string help_footer(const std::string& heading, const std::vector<std::string>& lines) {
  std::string out = heading;
  for (const auto& line : lines) out += "\n  " + line;
  return out;
}

std::string parse_error_message(const CLI::ParseError& e) {
  std::string text = one_line(e.what());
  if (current_language() == Language::en) return text;
  return translated_parse_error(e, text);
}

}  // namespace roster
