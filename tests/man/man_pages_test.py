#!/usr/bin/env python3
"""The man pages against the program they describe.

  man_pages_test.py warnings ROSTER MANDIR SOURCEDIR
      every expected page (roster.1, and roster-CMD.1 for each command that
      `roster --help` lists) has a source in docs/man and is built, no page
      is left for a command that is gone, and each renders with
      `MANWIDTH=80 man --warnings -l PAGE` with nothing on stderr and exit 0.

  man_pages_test.py options ROSTER MANDIR SOURCEDIR
      every option (and positional argument) of `roster --help`, of each
      `roster CMD --help` and of each `roster CMD SUB --help` has an entry (a
      line that starts with it, followed by its indented description) in the
      rendered text of its page: roster.1 for the root, roster-CMD.1 for CMD,
      and for SUB the section of roster-CMD.1 headed `roster CMD SUB`, which
      must exist. -h/--help is asked of every page, but not of every
      sub-command section.

The pages are compared as man renders them (formatting stripped), so a
scdoc escape cannot hide a missing option. Each failure says which option is
missing from which page; the exit code is 1 on any failure.
"""
import atexit
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

# roster's help in English whatever the machine's locale, and no database read.
SCRATCH = tempfile.mkdtemp(prefix="roster-man-test-")
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
ROSTER_ENV = dict(os.environ, LANG="C.UTF-8", LANGUAGE="", LC_ALL="", LC_MESSAGES="", ROSTER_LANG="en",
                  ROSTER_DB=os.path.join(SCRATCH, "none", "roster.db"))
# man renders as on a UTF-8 terminal (the pages name Chinese spellings roster
# accepts), with no pager and no formatting kept.
MAN_ENV = {k: v for k, v in os.environ.items() if k not in ("MAN_KEEP_FORMATTING", "MANOPT", "MANPAGER", "PAGER")}
MAN_ENV.update(LC_ALL="C.UTF-8", LANG="C.UTF-8", MANROFFSEQ="", GROFF_NO_SGR="1")


def roster_help(roster, words):
    """The --help text of `roster WORDS`; a help that fails is a failure."""
    run = subprocess.run([roster, *words, "--help"], env=ROSTER_ENV, capture_output=True, text=True)
    if run.returncode != 0 or run.stderr:
        sys.exit(f"`roster {' '.join(words)} --help` exited {run.returncode}: {run.stderr.strip()}")
    return run.stdout


def help_section(text, title):
    """The lines of one section (`Options:`, `Subcommands:`, `Positionals:`) of a CLI11 help."""
    lines, inside = [], False
    for line in text.splitlines():
        if not line.startswith(" "):
            inside = line == title
            continue
        if inside:
            lines.append(line)
    return lines


def help_options(text):
    """Every option name in the Options section: `-s,--sector TEXT ...` gives -s and --sector."""
    names = []
    for line in help_section(text, "Options:"):
        if line.startswith("  -"):
            names += [n for n in line.split()[0].split(",") if n.startswith("-")]
    return names


def help_positionals(text):
    return [line.split()[0] for line in help_section(text, "Positionals:") if re.match(r"  \S", line)]


def help_subcommands(text):
    return [line.split()[0] for line in help_section(text, "Subcommands:") if re.match(r"  \S", line)]


def render(page, width):
    """The page as man shows it, as plain text: no overstrikes, no SGR."""
    run = subprocess.run(["man", "-l", str(page)], env=dict(MAN_ENV, MANWIDTH=str(width)), capture_output=True,
                         text=True)
    if run.returncode != 0:
        sys.exit(f"`man -l {page}` exited {run.returncode}: {run.stderr.strip()}")
    text = re.sub(r".\x08", "", run.stdout)
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    text = re.sub("\u2010\n\\s+", "", text)  # a word hyphenated at the end of a line (--ignore-unknown-col|umns)
    text = text.replace("\u2010", "-").replace("\u2212", "-")
    # A line broken after a hyphen inside a word (--joined-|since) is joined again.
    return re.sub(r"(?<=[A-Za-z]-)\n\s+(?=[A-Za-z])", "", text)


def entries(text):
    """The options and arguments TEXT has an entry for: a line such as `-f, --format NAME` or `REF` whose next
    line is indented deeper (the entry's description). A name only in the SYNOPSIS or in prose does not count."""
    lines = [line for line in text.splitlines() if line.strip()]
    found = set()
    for line, following in zip(lines, lines[1:]):
        indent = len(line) - len(line.lstrip())
        if indent <= 3 or len(following) - len(following.lstrip()) <= indent:
            continue  # a heading (0: section, 3: sub-section), or a line of prose
        tokens = line.split()
        if len(tokens) == 1 and re.fullmatch(r"[A-Z][A-Z0-9_]*", tokens[0]):
            found.add(tokens[0])  # an argument: REF
            continue
        for token in tokens:  # options: -f, --format NAME
            if not token.startswith("-"):
                break
            found.add(token.rstrip(","))
    return found


def subcommand_section(text, command):
    """The text of the section headed `roster CMD SUB` (a scdoc `##` heading, indented 3), up to the next heading."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if re.fullmatch(r"   " + re.escape(command) + r"( .*)?", line):
            body = []
            for following in lines[i + 1:]:
                if following.strip() and len(following) - len(following.lstrip()) <= 3:
                    break
                body.append(following)
            return "\n".join(body)
    return None


def expected_pages(roster):
    return ["roster.1"] + [f"roster-{c}.1" for c in help_subcommands(roster_help(roster, []))]


def check_warnings(roster, man_dir, source_dir):
    failures = []
    expected = expected_pages(roster)
    sources = sorted(p.name[:-len(".scd")] for p in (source_dir / "docs" / "man").glob("*.scd"))
    for page in expected:
        if page not in sources:
            failures.append(f"docs/man/{page}.scd is missing: `roster --help` lists the command, so it needs a page")
        elif not (man_dir / page).is_file():
            failures.append(f"{man_dir / page} was not built (cmake --build build --target roster_man)")
    for page in sources:
        if page not in expected:
            failures.append(f"docs/man/{page}.scd describes no command that `roster --help` lists; remove it")
    for page in expected:
        if not (man_dir / page).is_file():
            continue
        env = dict(MAN_ENV, MANWIDTH="80")
        run = subprocess.run(["man", "--warnings", "-l", str(man_dir / page)], env=env, capture_output=True, text=True)
        if run.returncode != 0 or run.stderr:
            failures.append(f"{page}: `MANWIDTH=80 man --warnings -l` exited {run.returncode}:\n{run.stderr.rstrip()}")
    print(f"{len(expected)} pages checked")
    return failures


def check_options(roster, man_dir, source_dir):
    failures, checked = [], 0
    root_help = roster_help(roster, [])
    pages = {"roster.1": ([], root_help)}
    for command in help_subcommands(root_help):
        pages[f"roster-{command}.1"] = ([command], roster_help(roster, [command]))
    for page, (words, text) in pages.items():
        if not (man_dir / page).is_file():
            failures.append(f"{page} is missing from {man_dir}")
            continue
        rendered = render(man_dir / page, 200)
        described = entries(rendered)
        for option in help_options(text) + help_positionals(text):
            checked += 1
            if option not in described:
                failures.append(f"{page}: `roster {' '.join(words + ['--help'])}` has {option}, the page has no entry for it")
        for sub in help_subcommands(text) if words else []:
            heading = " ".join(["roster", *words, sub])
            section = subcommand_section(rendered, heading)
            if section is None:
                failures.append(f"{page}: no section headed `{heading}` for the sub-command {sub}")
                continue
            sub_help = roster_help(roster, words + [sub])
            for option in help_options(sub_help) + help_positionals(sub_help):
                checked += 1
                if option not in ("-h", "--help") and option not in entries(section):
                    failures.append(f"{page}: `{heading} --help` has {option}, the page's `{heading}` section has no "
                                    "entry for it")
    print(f"{checked} options and arguments checked in {len(pages)} pages")
    return failures


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("warnings", "options"):
        sys.exit(__doc__)
    mode, roster, man_dir, source_dir = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
    if not shutil.which("man"):
        sys.exit("man is not installed; `bash scripts/install-deps.sh --test` installs man-db")
    check = check_warnings if mode == "warnings" else check_options
    failures = check(roster, man_dir, source_dir)
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
