// Rules every option value obeys, whatever the command: numbers parse without
// exceptions, and an empty value is refused rather than taken as the default.
#include <fmt/core.h>

#include <charconv>

#include "commands.h"
#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {
namespace {

// The name of the marker validator empty_clears() adds; CLI11 finds it by name.
constexpr const char* kEmptyClears = "empty-clears";

bool marked_empty_clears(CLI::Option* option) {
  try {
    option->get_validator(kEmptyClears);
    return true;
  } catch (const CLI::OptionNotFound&) {
    return false;
  }
}

std::string not_blank(const std::string& value) {
  return trim(value).empty() ? tr("the value is empty; give one, or leave the option out") : "";
}

}  // namespace

CLI::Validator whole_number(int64_t min, int64_t max) {
  return CLI::Validator(
      [min, max](std::string& value) -> std::string {
        if (auto empty = not_blank(value); !empty.empty()) return empty;
        int64_t n = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        bool digits = !value.empty() && end == value.data() + value.size();
        if (ec == std::errc::result_out_of_range && digits) {
          return value.front() == '-' ? trf("must be {0} or more", min) : trf("must be at most {0}", max);
        }
        if (ec != std::errc() || !digits) return trf("'{0}' is not a whole number", value);
        if (n < min) return trf("must be {0} or more", min);
        if (n > max) return trf("must be at most {0}", max);
        return "";
      },
      "");
}

CLI::Option* empty_clears(CLI::Option* option) {
  return option->check(CLI::Validator([](std::string&) { return std::string(); }, "", kEmptyClears));
}

void refuse_empty_values(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    // A positional (NAME, REF, FILE) has its own rule for '': an empty name
    // is refused as data, an empty reference as usage.
    bool flag = option->get_type_size() == 0, positional = !option->nonpositional();
    if (!flag && !positional && !marked_empty_clears(option)) option->check(CLI::Validator(not_blank, ""));
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) refuse_empty_values(*sub);
}

}  // namespace roster
