#!/usr/bin/python3
"""Render an HTML report in headless Chromium "the way a person sees it".

Usage: render_html.py HTML_FILE --width 390 --screenshot OUT.png [--font SELECTOR]...

For the C++ end-to-end tests: loads HTML_FILE in a viewport --width CSS px wide
(set through the DevTools Protocol; a headless window can't be narrower than
500px; a phone below 800px, a desktop from 800px), prints one JSON object
describing what is visible (language, text, headings, tables, horizontal
overflow, SVG chart) and writes a full-page PNG.  Each --font SELECTOR adds, under
"fonts", how the text of the first element it matches is drawn: its rendered
width, the width of as many 'a's in the same font, and the fonts Chromium drew
its glyphs with (a missing CJK font shows as a Latin font, or as a width about
that of the 'a's).  Exit 0, or
one line on stderr and exit 1.  Gives up after ~60 s; Chromium is always killed
and its temporary profile removed.  Needs only python3-websocket beyond stdlib.
"""
import argparse, base64, json, math, os, pathlib, shutil, signal, subprocess, sys, tempfile, time
import urllib.request
import websocket

CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 60

# Evaluated in the page.  The reference width is the layout viewport
# (documentElement.clientWidth: 390 with <meta name=viewport
# content="width=device-width">, 980 without), not window.innerWidth: in mobile
# mode Chromium widens innerWidth to the content when it overflows, which would
# hide the very overflow we look for.  The raw value is "window_inner_width".
PROBE_JS = r"""(() => {
  const W = document.documentElement.clientWidth, all = s => Array.from(document.querySelectorAll(s));
  const desc = el => {
    const cls = (el.getAttribute('class') || '').split(/\s+/).filter(Boolean).map(c => '.' + c);
    const txt = (el.innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return el.tagName.toLowerCase() + cls.join('') + (txt ? ' "' + txt + '"' : '');
  };
  const overflowing = [], hidden = [];
  for (const el of all('body, body *')) {
    const r = el.getBoundingClientRect();
    if (overflowing.length < 20 && r.width > 0 && r.height > 0 &&
        (r.right > W + 0.5 || r.left < -0.5) && el.checkVisibility())  // false inside display:none
      overflowing.push(desc(el));
    if (hidden.length < 20 && el.scrollWidth > el.clientWidth + 1 &&
        ['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      hidden.push(desc(el));
  }
  const svg = document.querySelector('svg');
  return {
    inner_width: W, window_inner_width: window.innerWidth,
    scroll_width: document.documentElement.scrollWidth,
    text: document.body ? document.body.innerText : '',
    overflowing: overflowing, hidden_overflow: hidden,
    svg_points: svg ? svg.querySelectorAll('.point').length : 0,
    svg_width: svg ? svg.getBoundingClientRect().width : 0,
    svg_count: all('svg').length, scripts: all('script').length,
    external: all('[src], [href]').filter(el => {
      const v = (el.getAttribute('src') ?? el.getAttribute('href')).trim();
      return !/^data:/i.test(v) && !v.startsWith('#');
    }).length,
    title: document.title, lang: document.documentElement.lang,
    headings: all('h1, h2').map(h => h.innerText),
    table_cells: all('table').map(t =>
      Array.from(t.rows).map(r => Array.from(r.cells).map(c => c.innerText))),
  };
})()"""


# Evaluated with the selector as its argument.  "width": the widths of the line
# pieces of the first matching element's text nodes, added up (so a name
# wrapped over three lines counts in full, and neither padding nor generated
# content counts); "a_width": as many 'a's drawn in its font (a canvas);
# "cjk_chars": how many of its characters are Chinese (CJK ideographs and
# punctuation, fullwidth forms).
MEASURE_JS = r"""function (selector) {
  const el = document.querySelector(selector);
  const text = el.textContent, chars = Array.from(text).length, s = getComputedStyle(el);
  let width = 0;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) width += r.width;
  }
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = [s.fontStyle, s.fontWeight, s.fontSize, s.fontFamily].join(' ');
  return { text: text, chars: chars, width: width, a_width: ctx.measureText('a'.repeat(chars)).width,
           font_size: parseFloat(s.fontSize),
           cjk_chars: (text.match(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/g) || []).length };
}"""


class Fail(Exception):
    """A failure with a one-line reason for stderr."""


class Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors, too, exit 1 with one line
        raise Fail("usage: " + message)


class CDP:
    """Minimal synchronous DevTools client: send a command, wait for its reply."""
    def __init__(self, url):
        self.ws = websocket.create_connection(url, timeout=TIMEOUT, suppress_origin=True)
        self.last_id = 0

    def call(self, method, **params):
        self.last_id += 1
        self.ws.send(json.dumps({"id": self.last_id, "method": method, "params": params}))
        while True:  # skip events and anything else until our reply
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.last_id:
                if "error" in msg:
                    raise Fail("%s failed: %s" % (method, msg["error"].get("message")))
                return msg.get("result", {})

    def wait_event(self, method):
        while json.loads(self.ws.recv()).get("method") != method:
            pass


def start_chromium(profile):
    """Start Chromium; return (process, the page target's WebSocket URL)."""
    proc = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)  # own process group, so it can be killed with its children
    port = None
    while port is None:
        if proc.poll() is not None:
            raise Fail("chromium exited early with status %d" % proc.returncode)
        try:
            with open(os.path.join(profile, "DevToolsActivePort")) as f:
                port = int(f.readline())
        except (OSError, ValueError):  # not there yet, or only partly written
            time.sleep(0.05)
    while True:  # the page target may show up a moment after the port file
        with urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=5) as r:
            pages = [t for t in json.load(r) if t.get("type") == "page"]
        if pages:
            return proc, pages[0]["webSocketDebuggerUrl"]
        time.sleep(0.05)


def measure_fonts(cdp, selectors):
    """For each selector: MEASURE_JS's answer plus the platform fonts of its text."""
    cdp.call("DOM.enable")
    cdp.call("CSS.enable")
    root = cdp.call("DOM.getDocument", depth=0)["root"]["nodeId"]
    fonts = []
    for selector in selectors:
        node = cdp.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            raise Fail("--font %s matches nothing" % selector)
        res = cdp.call("Runtime.evaluate", expression="(%s)(%s)" % (MEASURE_JS, json.dumps(selector)),
                       returnByValue=True)
        if "exceptionDetails" in res:
            raise Fail("measuring %s failed: %s" % (selector, res["exceptionDetails"].get("text")))
        drawn = cdp.call("CSS.getPlatformFontsForNode", nodeId=node)["fonts"]
        fonts.append(dict(res["result"]["value"], selector=selector,
                          platform_fonts=[dict(family=f["familyName"], glyphs=f["glyphCount"]) for f in drawn]))
    return fonts


def render(html, width, shot, font_selectors=()):
    metrics = dict(width=width, height=844, deviceScaleFactor=1, mobile=width < 800)
    profile, proc = tempfile.mkdtemp(prefix="render_html."), None
    try:
        proc, ws_url = start_chromium(profile)
        cdp = CDP(ws_url)
        cdp.call("Emulation.setDeviceMetricsOverride", **metrics)  # before navigating
        cdp.call("Page.enable")
        nav = cdp.call("Page.navigate", url=pathlib.Path(html).as_uri())
        if nav.get("errorText"):
            raise Fail("navigation failed: " + nav["errorText"])
        cdp.wait_event("Page.loadEventFired")
        res = cdp.call("Runtime.evaluate", expression=PROBE_JS, returnByValue=True)
        if "exceptionDetails" in res:
            raise Fail("probe script failed: %s" % res["exceptionDetails"].get("text"))
        result = res["result"]["value"]
        result["fonts"] = measure_fonts(cdp, font_selectors)
        # Full page: make the viewport as tall as the content, then capture it.
        content = cdp.call("Page.getLayoutMetrics")["cssContentSize"]["height"]
        height = min(10000, max(1, math.ceil(content)))
        cdp.call("Emulation.setDeviceMetricsOverride", **dict(metrics, height=height))
        png = cdp.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        with open(shot, "wb") as f:
            f.write(base64.b64decode(png["data"]))
        result["screenshot_height"] = height
        return result
    finally:
        signal.alarm(0)  # the clean-up must not be interrupted
        if proc is not None:
            try:  # the whole process group: browser, renderer, GPU, zygotes
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


def on_alarm(*_):
    raise Fail("timed out after %d s" % TIMEOUT)


def main():
    ap = Parser(description="Render HTML in headless Chromium at a mobile width.")
    ap.add_argument("html")
    ap.add_argument("--width", type=int, default=390)
    ap.add_argument("--screenshot", required=True)
    ap.add_argument("--font", action="append", default=[], metavar="SELECTOR")
    try:
        args = ap.parse_args()
        html = os.path.abspath(args.html)
        if not os.path.isfile(html):
            raise Fail("no such file: " + html)
        signal.signal(signal.SIGALRM, on_alarm)
        signal.alarm(TIMEOUT)
        result = render(html, args.width, os.path.abspath(args.screenshot), args.font)
    except Exception as e:  # any failure: one line on stderr, exit 1
        reason = str(e) if isinstance(e, Fail) else "%s: %s" % (type(e).__name__, e)
        print("render_html: " + " ".join(reason.split()), file=sys.stderr)
        return 1
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
