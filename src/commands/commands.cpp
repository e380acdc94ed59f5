#include "commands.h"

#include <fmt/core.h>
#include <unistd.h>

#include <iostream>

#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/text.h"
#include "roster/version.h"

namespace roster {

const std::vector<CommandSetup>& all_commands() {
  static const std::vector<CommandSetup> commands = {
      setup_init,     setup_add_member, setup_edit_member, setup_remove_member, setup_rejoin,   setup_show,
      setup_list,     setup_progress,   setup_sectors,     setup_goal,          setup_report,   setup_import,
      setup_export,   setup_history,    setup_check,       setup_backup,        setup_language, setup_template,
      setup_prospect, setup_pipeline,   setup_dues,        setup_copy,
  };
  return commands;
}

namespace {

void add_global_options(CLI::App& app, GlobalOptions& g) {
  app.add_option("--db", g.db, tr("database file (default: $ROSTER_DB, else ~/.local/share/roster/roster.db)"));
  app.add_option("-f,--format", g.format,
                 tr("output format: table, tsv, csv, json, jsonl, markdown, text, chat, html (what each "
                    "command offers; default: table on a terminal, tsv in a pipe)"));
  app.add_option("--as-of", g.as_of,
                 tr("the date to report on, YYYY-MM-DD, 2024/3/15 or 2024年3月15日 (default: today)"));
  app.add_option("--color", g.color, tr("colour: auto, always or never (NO_COLOR is honoured)"))
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", g.quiet, tr("no confirmations on stderr"));
  app.add_option("--lang", g.lang,
                 tr("language of messages, help and human output: zh or en (default: $ROSTER_LANG, else the "
                    "database's own, else the locale); csv, tsv and json never change"))
      ->check(CLI::IsMember({"zh", "en"}));
  app.add_flag("--ascii", g.ascii,
               tr("draw tables and charts with ASCII only, for terminals that show East Asian ambiguous-width "
                  "characters wide (also ROSTER_ASCII=1)"));
}

Context make_context(const GlobalOptions& g) {
  Context ctx;
  ctx.options = g;
  ctx.db_path = resolve_db_path(g.db);
  ctx.as_of_given = !g.as_of.empty();
  ctx.as_of = ctx.as_of_given ? parse_date_option(g.as_of, "--as-of") : today();
  ctx.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
  return ctx;
}

// The first word on the command line that is not an option or an option's
// value: what the user meant as the command.
std::string first_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--db" || arg == "-f" || arg == "--format" || arg == "--as-of" || arg == "--color" || arg == "--lang") {
      ++i;
    } else if (!arg.starts_with("-")) {
      return arg;
    }
  }
  return {};
}

}  // namespace

void print_error(std::string_view message) {
  std::cerr << "roster: " << tr("error: ") << escape_for_terminal(message) << '\n';
}

namespace {

// What a parse that did not end in a command returns: --help and --version
// print and succeed; anything else is a usage error naming the command.
int parse_error_exit(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  if (e.get_exit_code() == 0) {  // --help, --version
    app.exit(e);
    std::cout.flush();
    try {
      check_output(std::cout);
    } catch (const Error& failed) {
      print_error(failed.what());
      return failed.exit_code();
    }
    return kExitOk;
  }
  if (app.get_subcommands().empty() && !first_word(argc, argv).empty()) {
    print_error(trf("unknown command '{0}' (see `roster --help` for the commands)", first_word(argc, argv)));
    return kExitUsage;
  }
  std::string where = "roster";  // the deepest command given, e.g. "roster sectors edit"
  for (CLI::App* a = &app; !a->get_subcommands().empty();) {
    a = a->get_subcommands().front();
    where += " " + a->get_name();
  }
  print_error(trf("{0} (see `{1} --help`)", parse_error_message(e), where));
  return kExitUsage;
}

int parse_and_run(int argc, char** argv) {
  choose_language(argc, argv);
  CLI::App app{tr("roster — membership tracker for an industry association"), "roster"};
  localise_help(app);
  app.set_version_flag("--version", std::string("roster ") + version(),
                       tr("Display program version information and exit"));
  app.footer(help_footer(tr("Examples:"),
                         {"roster init --db members.db", "roster import data/demo-members.csv --db members.db",
                          "roster list --sector tourism -f csv --db members.db"}));
  app.require_subcommand(1);
  app.fallthrough();  // global options also work after the command name
  GlobalOptions globals;
  add_global_options(app, globals);

  std::vector<Command> commands;
  for (CommandSetup setup : all_commands()) commands.push_back(setup(app));
  refuse_empty_values(app);
  localise_options(app);
  if (argc > 1 && argv[1] == kCompleteCommand) return run_complete(app, commands, {argv + 2, argv + argc});

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error_exit(app, e, argc, argv);
  }

  try {
    Context ctx = make_context(globals);
    for (const auto& command : commands) {
      if (!command.app->parsed()) continue;
      int code = command.run(ctx);
      std::cout.flush();
      check_output(std::cout);
      return code;
    }
    return kExitUsage;
  } catch (const Error& e) {
    std::cout.flush();
    print_error(e.what());
    return e.exit_code();
  } catch (const std::filesystem::filesystem_error& e) {
    print_error(e.code().message() + ": " + e.path1().string());
    return kExitError;
  }
}

}  // namespace

int run_roster(int argc, char** argv) {
  // The last line of defence: whatever escaped is a bug, said in one line,
  // never an abort.
  try {
    return parse_and_run(argc, argv);
  } catch (const std::exception& e) {
    print_error(trf("internal error: {0}; please report it", one_line(e.what())));
  } catch (...) {
    print_error(tr("internal error: an unknown exception; please report it"));
  }
  return kExitError;
}

}  // namespace roster
