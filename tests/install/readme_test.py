#!/usr/bin/env python3
"""The README runs as written.

Installs roster from the build folder into a scratch HOME's ~/.local, as the
README's first set-up command does for a user, then:
1. runs the first ```sh block of "## A first session" line by line in bash
   (a line ending in a backslash joins the next), in an empty folder, with
   only ~/.local/bin and the system's folders on PATH: every line must exit
   0 (3 is allowed where the line says --check), write no "roster: error",
   and every file it redirects to or names after `template` must exist;
2. replays each ``` block of that section whose lines start with "$ ": on a
   database holding only the demo roster, each command runs in a terminal
   (a pseudo-terminal, so tables and stderr appear as a user sees them) and
   its output must be the lines under it; a last line "…" means "the rest is
   left out", and then the lines above it must be the start of the output.

Usage: readme_test.py BUILD_DIR SOURCE_DIR
"""
import fcntl
import os
import pty
import re
import select
import shlex
import struct
import subprocess
import sys
import tempfile
import termios


def fail(message):
    sys.exit(f"readme_test: {message}")


def first_session(readme):
    text = open(readme, encoding="utf-8").read()
    match = re.search(r"^## A first session\n(.*?)(?=^## )", text, re.S | re.M)
    if not match:
        fail("README.md has no '## A first session' section")
    blocks = re.findall(r"^```(\w*)\n(.*?)^```", match.group(1), re.S | re.M)
    session = [body for lang, body in blocks if lang == "sh"]
    transcripts = [body for lang, body in blocks if lang == "" and body.startswith("$ ")]
    if not session or not transcripts:
        fail("the first session needs a ```sh block and a ``` transcript of '$ ' commands")
    return session[0], transcripts


def logical_lines(block):
    lines, pending = [], ""
    for line in block.splitlines():
        pending += line
        if pending.endswith("\\"):
            pending += "\n"
            continue
        if pending.strip():
            lines.append(pending)
        pending = ""
    return lines


def user_env(home):
    return {"HOME": home, "PATH": f"{home}/.local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "USER": "secretary",
            "TZ": "Asia/Shanghai", "TERM": "dumb", "NO_COLOR": "1"}


def run_session(lines, home, work):
    script = ["set -o pipefail"]
    for n, line in enumerate(lines):
        allowed = "0|3" if "--check" in line else "0"
        script += [line, f'st=$?; case $st in {allowed}) ;; *) echo "README-LINE {n} EXIT $st" >&2; exit 1;; esac']
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", "\n".join(script)], cwd=work, env=user_env(home),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    failed = re.search(r"README-LINE (\d+) EXIT (\d+)", done.stderr)
    if failed:
        fail(f"README line `{lines[int(failed.group(1))]}` exited {failed.group(2)}; stderr:\n{done.stderr}")
    if done.returncode != 0 or "roster: error" in done.stderr:
        fail(f"the first session failed (exit {done.returncode}); stderr:\n{done.stderr}")
    for line in lines:
        words = shlex.split(line, comments=True)
        named = [words[i + 1] for i, w in enumerate(words[:-1]) if w == ">"]
        if words[:2] == ["roster", "template"]:
            named += [w for w in words[2:] if not w.startswith("-")]
        for name in named:
            path = os.path.join(work, home + name[1:] if name.startswith("~") else name)
            if not os.path.isfile(path) or os.path.getsize(path) == 0:
                fail(f"README line `{line}` should have written {name}")
    return len(lines)


def in_terminal(command, env, cwd):
    """Runs `command` in bash on a 120x50 pseudo-terminal; its output, \\r\\n made \\n."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 120, 0, 0))
    child = subprocess.Popen(["bash", "--norc", "--noprofile", "-c", command], cwd=cwd, env=env, stdin=slave,
                             stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            child.kill()
            fail(f"`{command}` hung")
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's last writer has gone
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return child.wait(), out.decode("utf-8").replace("\r\n", "\n")


def replay(transcripts, home, work):
    env = dict(user_env(home), ROSTER_DB=os.path.join(work, "demo.db"))
    for setup in ["roster init -q --association '浙江省元宇宙产业协会'", "roster template --demo | roster import - -q"]:
        subprocess.run(["bash", "-c", setup], cwd=work, env=env, check=True)
    checked = 0
    for block in transcripts:
        steps = re.split(r"^\$ ", block, flags=re.M)[1:]
        for step in steps:
            command, _, shown = step.partition("\n")
            expected = shown.splitlines()
            code, out = in_terminal(command, env, work)
            actual = out.splitlines()
            if code != 0:
                fail(f"`{command}` exited {code}:\n{out}")
            if expected and expected[-1] == "…":
                expected = expected[:-1]
                actual = actual[:len(expected)]
            if actual != expected:
                diff = "\n".join(f"  README: {e!r}\n  roster: {a!r}" for e, a in zip(expected + [""] * 99, actual)
                                 if e != a)
                fail(f"`{command}` printed what README.md does not show:\n{diff}\nwhole output:\n{out}")
            checked += 1
    return checked


def main():
    build, source = sys.argv[1], sys.argv[2]
    session, transcripts = first_session(os.path.join(source, "README.md"))
    with tempfile.TemporaryDirectory() as tmp:
        home, work = os.path.join(tmp, "home"), os.path.join(tmp, "work")
        os.makedirs(home)
        os.makedirs(work)
        subprocess.run(["cmake", "--install", build, "--prefix", os.path.join(home, ".local")], check=True,
                       stdout=subprocess.DEVNULL)
        lines = logical_lines(session)
        ran = run_session(lines, home, work)
        shown = replay(transcripts, home, os.path.join(tmp, "work"))
    print(f"readme_test: {ran} lines of the first session ran; {shown} commands printed what README.md shows")


if __name__ == "__main__":
    main()
