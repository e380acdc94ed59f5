#!/usr/bin/env python3
"""The shape the build keeps: no source file over 350 lines and no function
over 60 lines in src/ and include/ (tests may be longer). Prints each breach
as FILE:LINE: what, and exits 1 if there is one.

Functions are found in the code as clang-format leaves it: a `{` that follows
the `)` of a parameter list (not of if/for/while/switch/catch), optionally with
const, noexcept, override or mutable between, starts a function, a member
function or a lambda; the outermost one is measured from its `{` line to its
`}` line, so a lambda counts toward the function around it.

Usage: scripts/check-shape.py [ROOT]   (default: the repository root)
"""
import pathlib
import re
import sys

MAX_FILE_LINES = 350
MAX_FUNCTION_LINES = 60
CONTROL = {"if", "for", "while", "switch", "catch", "return", "sizeof", "decltype", "alignof", "noexcept"}
QUALIFIERS = {"const", "noexcept", "override", "final", "mutable"}


def blank_out(text):
    """Comments, string and character literals become spaces (newlines kept),
    so braces and parentheses inside them do not count."""
    out, i, n = [], 0, len(text)
    keep_newlines = lambda s: "".join(c if c == "\n" else " " for c in s)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(keep_newlines(text[i:j]))
            i = j
        elif c == "R" and i + 1 < n and text[i + 1] == '"' and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i + m.end())
            end = n if end < 0 else end + len(m.group(1)) + 2
            out.append(keep_newlines(text[i:end]))
            i = end
        elif c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum():  # digit separator: 10'000
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(keep_newlines(text[i : j + 1]))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def opens_function(code, brace):
    """True when the `{` at `brace` opens a function body (or a lambda's)."""
    j = brace - 1
    while True:
        while j >= 0 and code[j].isspace():
            j -= 1
        m = re.search(r"[A-Za-z_]\w*$", code[: j + 1])
        if m and m.group(0) in QUALIFIERS:
            j = m.start() - 1
            continue
        break
    if j < 0 or code[j] != ")":
        return False
    depth = 0
    while j >= 0:
        if code[j] == ")":
            depth += 1
        elif code[j] == "(":
            depth -= 1
            if depth == 0:
                break
        j -= 1
    word = re.search(r"([A-Za-z_]\w*)\s*$", code[:j])
    return not (word and word.group(1) in CONTROL)


def long_functions(path, code):
    line_of = lambda pos: code.count("\n", 0, pos) + 1
    stack, found = [], []  # stack: True for a function's block
    for pos, c in enumerate(code):
        if c == "{":
            inside = any(stack)
            stack.append(opens_function(code, pos) and not inside and pos)
        elif c == "}" and stack:
            start = stack.pop()
            if start is not False and start is not None and start is not True:
                length = line_of(pos) - line_of(start) + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{path}:{line_of(start)}: a function of {length} lines "
                                 f"(at most {MAX_FUNCTION_LINES}); split it into named steps")
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    problems = []
    for folder in ("src", "include"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".cpp", ".h", ".in"):
                continue
            text = path.read_text(encoding="utf-8")
            rel = path.relative_to(root)
            lines = text.count("\n")
            if lines > MAX_FILE_LINES:
                problems.append(f"{rel}:1: {lines} lines (at most {MAX_FILE_LINES}); split it by what it holds")
            problems += long_functions(rel, blank_out(text))
    for p in problems:
        print(p)
    if problems:
        print(f"check-shape: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("check-shape: every file and function is within its limit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
