#pragma once

#include <CLI/CLI.hpp>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roster/date.h"
#include "roster/format.h"
#include "roster/import_reader.h"
#include "roster/store.h"

namespace roster {

/// The global options, as typed; valid before or after the command name.
struct GlobalOptions {
  std::string db;
  std::string format;
  std::string as_of;
  std::string color = "auto";
  std::string lang;
  bool quiet = false;
  bool ascii = false;
};

/// Chooses the language of help, messages and human output before the
/// command line is parsed (help texts are made in the language): --lang >
/// $ROSTER_LANG > the database's own setting > the locale environment >
/// English. A bad --lang is left for the parser to refuse.
void choose_language(int argc, char** argv);

/// What every command runs with, resolved from GlobalOptions once.
struct Context {
  GlobalOptions options;
  std::filesystem::path db_path;
  Date as_of;
  bool as_of_given = false;
  bool stdout_is_terminal = false;

  /// The -f format, or the default (table on a terminal, else tsv), checked
  /// against the formats this command offers.
  Format format(const std::vector<Format>& offered) const;
  RenderOptions render_options(bool bom = false) const;
  /// Opens the database named by --db / $ROSTER_DB / the XDG default.
  Store open_store() const;
  /// Prints "roster: MESSAGE" on stderr unless -q, MESSAGE shown through
  /// escape_for_terminal (it names members and files).
  void note(const std::string& message) const;
};

/// Throws when `target` is the database at `db` or one of its -wal, -shm or
/// -journal files, by any spelling of the path: `what` (tr("the backup"),
/// tr("the export")), the subject of the message, would destroy it.
void refuse_database_path(const std::filesystem::path& db, const std::string& target, const std::string& what);

/// A CLI11 check that the value is a whole number from `min` to `max`: parsed
/// here without exceptions, so "abc" or a 20-digit number is a usage error,
/// never a crash.
CLI::Validator whole_number(int64_t min, int64_t max);

/// Marks an option whose empty value means something ('' clears a note):
/// refuse_empty_values() leaves it alone.
CLI::Option* empty_clears(CLI::Option* option);

/// Adds to every option of `app` and its subcommands (flags and those marked
/// empty_clears() aside) a check that refuses an empty or all-blank value: an
/// empty --joined or --tier must not silently mean "the default".
void refuse_empty_values(CLI::App& app);

/// What to do when stdout cannot be written, in the chosen language.
std::string output_fix();

/// Throws "cannot write WHAT: REASON; FIX" (exit 1) once `out` has failed,
/// e.g. on a full disk: called after each row of a long listing so it stops
/// early, and once on stdout after every command. WHAT defaults to "the
/// output", FIX to output_fix().
void check_output(const std::ostream& out, const std::string& what = "", const std::string& fix = "");

/// One subcommand: its CLI11 app and what to run when it was chosen.
struct Command {
  CLI::App* app = nullptr;
  std::function<int(const Context&)> run;
  /// The -f formats it offers (the list its run passes to Context::format),
  /// for shell completion; empty when -f means nothing to it.
  std::vector<Format> formats = {};
};

/// The registry subcommands of `sectors` (add, edit, remove, merge).
struct SectorRegistryCommands {
  std::vector<std::pair<CLI::App*, std::function<int(const Context&)>>> commands;
};
SectorRegistryCommands setup_sector_registry(CLI::App& sectors);

/// Subcommands of a command (prospect add, prospect move, …): each CLI11 app
/// and what to run when it was the one given.
using Subcommands = std::vector<std::pair<CLI::App*, std::function<int(const Context&)>>>;
/// `prospect move`, `drop` and `convert` (prospect_road.cpp).
Subcommands setup_prospect_road(CLI::App& prospect);
/// `prospect show` and `prospect stages` with `stages set` (prospect_views.cpp).
Subcommands setup_prospect_views(CLI::App& prospect);
/// `prospect import` (prospect_import.cpp).
Subcommands setup_prospect_import(CLI::App& prospect);
/// `dues bill`, `pay`, `waive` and `defer` (dues_write.cpp).
Subcommands setup_dues_write(CLI::App& dues);
/// `dues status`, `summary` and `remind` (dues_views.cpp).
Subcommands setup_dues_views(CLI::App& dues);
/// `dues import` and `dues export`: payments in and out of files (dues_transfer.cpp).
Subcommands setup_dues_transfer(CLI::App& dues);

/// Copies `in` (FILE or stdin) as UTF-8 into `spool`, an unlinked temporary
/// file in $TMPDIR, rewound: import reads the copy, so stdin is not held open
/// inside the write transaction and other encodings are converted once.
/// `max_line` (0: none) caps a line, as copy_as_utf8 does.
void spool_as_utf8(std::istream& in, const std::string& encoding, const std::string& label, size_t max_line,
                   std::fstream& spool);

/// How to read import FILE: the global -f (csv, tsv, json or jsonl), else
/// its extension, else csv for "-"; a usage error otherwise. A folder is
/// refused first.
ImportFormat import_input_format(const std::string& file, const Context& ctx);

/// Copies import FILE ("-": stdin) into `spool` with spool_as_utf8. Every
/// format but a JSON array keeps a record to a line, so a line over
/// kMaxRecordBytes is refused while it is copied, before a whole huge file is.
void spool_import_file(const std::string& file, const std::string& encoding, ImportFormat format,
                       const std::string& label, std::fstream& spool);

/// Registers a subcommand on `root` and binds its options.
using CommandSetup = Command (*)(CLI::App& root);

// One line per command, one file per command (src/commands/NAME.cpp).
Command setup_init(CLI::App& root);
Command setup_add_member(CLI::App& root);
Command setup_list(CLI::App& root);
Command setup_import(CLI::App& root);
Command setup_progress(CLI::App& root);
Command setup_goal(CLI::App& root);
Command setup_sectors(CLI::App& root);
Command setup_edit_member(CLI::App& root);
Command setup_remove_member(CLI::App& root);
Command setup_rejoin(CLI::App& root);
Command setup_show(CLI::App& root);
Command setup_history(CLI::App& root);
Command setup_check(CLI::App& root);
Command setup_backup(CLI::App& root);
Command setup_export(CLI::App& root);
Command setup_report(CLI::App& root);
Command setup_language(CLI::App& root);
Command setup_template(CLI::App& root);
Command setup_copy(CLI::App& root);
Command setup_prospect(CLI::App& root);
Command setup_pipeline(CLI::App& root);
Command setup_dues(CLI::App& root);

/// Every command, in the order `roster --help` lists them.
const std::vector<CommandSetup>& all_commands();

/// Writes "roster: error: MESSAGE" on stderr, MESSAGE shown through
/// escape_for_terminal: it may quote a typed value, a file's cell or a stored
/// name, and stays one line.
void print_error(std::string_view message);

/// `text` on one line: CLI11's messages can run over several lines; the
/// contract is one.
std::string one_line(std::string text);

/// Makes CLI11's help speak the chosen language: its labels ("Usage",
/// "OPTIONS"…), the group names and the help flag. Called on the root app
/// before any option or subcommand is added, so they inherit it; rows are
/// padded by display width, so Chinese lines up.
void localise_help(CLI::App& app);

/// Translates the value labels ("TEXT", "INT", "TEXT:{zh,en}") of every
/// option of `app` and its subcommands, and puts each help flag in the
/// translated "Options" group; called once they all exist.
void localise_options(CLI::App& app);

/// A parse error's message on one line: CLI11's own English under English,
/// the same detail (the option, the value) in a Chinese sentence under Chinese.
std::string parse_error_message(const CLI::ParseError& e);

/// A help footer: `heading` (tr("Example:") or tr("Examples:")), then each
/// line indented by two spaces. Command lines stay as typed in every language.
std::string help_footer(const std::string& heading, const std::vector<std::string>& lines);

/// The hidden first argument that asks for completion candidates: never in
/// --help or a command list.
inline constexpr std::string_view kCompleteCommand = "__complete";

/// `roster __complete WORD...`, for the scripts in data/completions/: WORDS
/// are the command line after `roster` up to the word being completed (the
/// last, maybe ""). Prints what may stand for that word, one per line, read
/// from the commands and options of `root` and from the database the words
/// name (--db, else $ROSTER_DB, else the default), which it never creates or
/// changes. Always returns 0 and prints nothing on stderr.
int run_complete(CLI::App& root, const std::vector<Command>& commands, std::vector<std::string> words);

/// Parses the command line and runs the chosen command; returns the exit code.
int run_roster(int argc, char** argv);

}  // namespace roster
