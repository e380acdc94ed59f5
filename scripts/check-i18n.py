#!/usr/bin/env python3
"""Checks the message catalog and that people-facing text goes through it.

1. po/zh_CN.po translates every message the sources mark (tr, trf, trn, trfn,
   trc, N_): none untranslated, none fuzzy (msgfmt --statistics), and every
   {N} placeholder of a translation is one its msgid has.
2. No English sentence in src/ or include/ bypasses the catalog: every
   string literal (adjacent ones joined, raw strings skipped) of two or more
   English words that the marked extraction lacks is a failure, unless it is
   SQL, or its line or one of the two above says `i18n: data`: text that is
   data (history rows, json values, file headers) and is never translated;
   a longer stretch of such lines sits between `i18n: data begin` and
   `i18n: data end`.
Run from the repository root; exits 1 with one line per problem.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = ["--keyword=tr", "--keyword=trf", "--keyword=N_", "--keyword=trc:1c,2", "--keyword=trn:1,2",
            "--keyword=trfn:1,2"]
SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|WITH|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|"
                 r"RELEASE|VACUUM|ATTACH|DETACH|REPLACE|FROM|WHERE|AND|OR|ORDER|GROUP|JOIN|LEFT JOIN|ON|VALUES|"
                 r"LIMIT|UNION|CASE|WHEN|SET|INTO|\(|\)|,)\b", re.I)
SENTENCE = re.compile(r"[A-Za-z]{2,}[,;:]? +[A-Za-z]{2,}")


def sources():
    files = glob.glob("src/**/*.cpp", recursive=True) + glob.glob("src/**/*.h", recursive=True)
    files += glob.glob("include/**/*.h", recursive=True)
    return sorted(files)


def entries(po_text):
    """(msgid, msgstr list, flags, locations) of each entry of a .po/.pot text."""
    out = []
    for block in re.split(r"\n\s*\n", po_text):
        ids, strs, flags, locs, key = {}, [], "", [], None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags += line
            elif line.startswith("#:"):
                locs += line[2:].split()
            elif line.startswith("#"):
                continue
            else:
                m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
                if m:
                    key = m.group(1)
                    ids[key] = bytes(m.group(2), "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                elif line.startswith('"') and key:
                    ids[key] += bytes(line[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
        if "msgid" in ids:
            strs = [v for k, v in ids.items() if k.startswith("msgstr")]
            out.append((ids.get("msgctxt"), ids["msgid"], ids.get("msgid_plural"), strs, flags, locs))
    return out


def xgettext(args, files, out):
    subprocess.run(["xgettext", "--language=C++", "--from-code=UTF-8", "-o", out] + args + files, check=True,
                   stderr=subprocess.DEVNULL)


def check_catalog(tmp, problems):
    pot = os.path.join(tmp, "roster.pot")
    xgettext(KEYWORDS, sources(), pot)
    merged = os.path.join(tmp, "merged.po")
    subprocess.run(["msgmerge", "-q", "--no-fuzzy-matching", "-o", merged, "po/zh_CN.po", pot], check=True)
    stats = subprocess.run(["msgfmt", "--check-format", "--statistics", "-o", os.devnull, merged],
                           capture_output=True, text=True)
    if stats.returncode != 0:
        problems.append("po/zh_CN.po does not compile: " + stats.stderr.strip())
    with open(merged, encoding="utf-8") as f:
        for ctx, msgid, plural, strs, flags, locs in entries(f.read()):
            if msgid == "" or "obsolete" in flags:
                continue
            where = locs[0] if locs else "?"
            if "fuzzy" in flags:
                problems.append(f"{where}: fuzzy translation of {msgid!r} in po/zh_CN.po; check it and drop the flag")
            if not strs or any(s == "" for s in strs):
                problems.append(f"{where}: {msgid!r} has no Chinese in po/zh_CN.po; add its msgstr")
                continue
            wanted = set(re.findall(r"\{\d*\}", msgid + (plural or "")))
            for s in strs:
                extra = set(re.findall(r"\{\d*\}", s)) - wanted
                if extra:
                    problems.append(f"{where}: the translation of {msgid!r} uses {sorted(extra)}, which it lacks")
    return pot


def marked_data(path, line):
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
    except OSError:
        return False
    return any("i18n: data" in lines[i] for i in range(max(0, line - 3), min(len(lines), line)))


LITERAL = re.compile(r'R"([^(]*)\((.*?)\)\1"|"((?:[^"\\\n]|\\.)*)"|//[^\n]*|/\*.*?\*/|\'(?:[^\'\\\n]|\\.)*\'', re.S)
# A command line as typed (help examples) and HTML/SVG markup are not prose.
COMMAND = re.compile(r"^\s*(\w+=\$\()?roster ")
MARKUP = re.compile(r"^\s*</?[a-z!]|=\"")
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "'": "'", "r": "\r", "0": "\0"}


def literals(text):
    """(line, text) of each string literal, adjacent ones joined as the compiler joins them; raw strings skipped."""
    found, pending, pending_line, last_end = [], None, 0, -1
    for m in LITERAL.finditer(text):
        if m.group(3) is None:  # a comment, a char or a raw string ends any run of literals
            if pending is not None:
                found.append((pending_line, pending))
                pending = None
            continue
        value = re.sub(r"\\(.)", lambda e: ESCAPES.get(e.group(1), e.group(1)), m.group(3))
        if pending is not None and text[last_end:m.start()].strip() == "":
            pending += value
        else:
            if pending is not None:
                found.append((pending_line, pending))
            pending, pending_line = value, text.count("\n", 0, m.start()) + 1
        last_end = m.end()
    if pending is not None:
        found.append((pending_line, pending))
    return found


def check_bypass(pot, problems):
    with open(pot, encoding="utf-8") as f:
        pot_entries = entries(f.read())
    # msgids, plurals and contexts (a context names a use; it is never shown)
    marked = {e[1] for e in pot_entries} | {e[2] for e in pot_entries if e[2]} | {e[0] for e in pot_entries if e[0]}
    for path in sources():
        with open(path, encoding="utf-8") as f:
            text = f.read()
        lines = text.splitlines()
        region, inside = set(), False  # lines between "i18n: data begin" and "i18n: data end"
        for number, content in enumerate(lines, 1):
            inside = (inside or "i18n: data begin" in content) and "i18n: data end" not in content
            if inside:
                region.add(number)
        for line, value in literals(text):
            if line in region:
                continue
            if value in marked or not SENTENCE.search(value) or SQL.match(value) or COMMAND.match(value):
                continue
            if MARKUP.search(value):
                continue
            if any("i18n: data" in lines[i] for i in range(max(0, line - 3), min(len(lines), line + 1))):
                continue
            problems.append(f"{path}:{line}: {value[:70]!r} is shown to people but not in the catalog; wrap it in "
                            f"tr()/trf(), or mark the line `// i18n: data` if it is data")


def main():
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        pot = check_catalog(tmp, problems)
        check_bypass(pot, problems)
    for p in problems:
        print("check-i18n: " + p)
    if problems:
        print(f"check-i18n: {len(problems)} problem(s)")
        return 1
    print("check-i18n: every marked message is translated, and no English sentence bypasses the catalog")
    return 0


if __name__ == "__main__":
    sys.exit(main())
