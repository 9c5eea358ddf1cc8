#!/usr/bin/python3
"""Drive a page in Debian's headless chromium (selenium and chromedriver)
the way a reader does, for tests/cli/test_published_page_browser.sh.

Usage: page_browser.py PAGE STEP...
Steps, run in order in one browser:
  type:TEXT     clear the search box (#q) and type TEXT, key by key
  cat:VALUE     choose VALUE in the category filter (#cat; '' for all)
  group:VALUE   choose VALUE in the target group filter (#grp)
  state         print one JSON line: the entries drawn on screen (id,
                class, data-groups, text), the hidden ones' ids, the count
                line (#count) and whether the "nothing found" line (#none)
                is drawn, with its text
  shot:WIDTH:PATH   make the window WIDTH pixels wide, save a screenshot
  fit           print one JSON line: the window's inner width and the
                page's scroll width (wider: the reader must scroll sideways)
  pdf:PATH      print to PDF on A4 as chromium's print does (the page's
                @page rules), print one line {"pdf": PATH, "pages": N}
Exits 77 (skip) when selenium cannot be imported or chromedriver or
chromium is missing; 1 on any other failure.
"""
import base64
import json
import os
import re
import shutil
import sys
import tempfile

CHROMIUM = os.environ.get('CHROMIUM', '/usr/bin/chromium')
DRIVER = os.environ.get('CHROMEDRIVER', '/usr/bin/chromedriver')

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
except ImportError as e:
    print('SKIP: selenium is not installed (apt-get install python3-selenium): %s' % e)
    sys.exit(77)

# What is drawn, measured by the browser's layout: an element inside
# something hidden has no boxes.
STATE_JS = r"""
function drawn(e) { return e.getClientRects().length > 0; }
var shown = [], hidden = [];
document.querySelectorAll('main article').forEach(function (e) {
  if (drawn(e))
    shown.push({id: e.id, kind: e.className,
                groups: e.getAttribute('data-groups') || '',
                search: e.getAttribute('data-search') || '',
                text: e.innerText});
  else
    hidden.push({id: e.id, text: e.textContent});
});
var none = document.getElementById('none'), count = document.getElementById('count');
return {shown: shown, hidden: hidden,
        count: count && drawn(count) ? count.innerText : null,
        nothing: !!none && drawn(none), nothing_text: none ? none.innerText : null};
"""


def browser(profile):
    if not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)):
        print('SKIP: %s or %s is missing (apt-get install chromium chromium-driver)'
              % (CHROMIUM, DRIVER))
        sys.exit(77)
    o = webdriver.ChromeOptions()
    o.binary_location = CHROMIUM
    for a in ('--headless=new', '--no-sandbox', '--disable-gpu',
              '--user-data-dir=' + profile, '--no-first-run',
              '--disable-background-networking', '--disable-component-update',
              '--host-resolver-rules=MAP * ~NOTFOUND', '--hide-scrollbars',
              '--window-size=1280,900'):
        o.add_argument(a)
    return webdriver.Chrome(service=Service(DRIVER), options=o)


def pdf_pages(data):
    return len(re.findall(rb'/Type\s*/Page(?![a-zA-Z])', data))


def step(d, s):
    name, _, arg = s.partition(':')
    if name == 'type':
        q = d.find_element(By.ID, 'q')
        q.send_keys(Keys.CONTROL, 'a')
        q.send_keys(Keys.BACKSPACE)
        if arg:
            q.send_keys(arg)
    elif name in ('cat', 'group'):
        Select(d.find_element(By.ID, 'cat' if name == 'cat' else 'grp')).select_by_value(arg)
    elif name == 'state':
        print(json.dumps(d.execute_script(STATE_JS), ensure_ascii=False))
    elif name == 'shot':
        width, _, path = arg.partition(':')
        d.set_window_size(int(width), 900)
        if not d.save_screenshot(path):
            sys.exit('no screenshot written to %s' % path)
    elif name == 'fit':
        print(json.dumps(d.execute_script(
            'return {inner: window.innerWidth,'
            ' scroll: document.documentElement.scrollWidth};')))
    elif name == 'pdf':
        r = d.execute_cdp_cmd('Page.printToPDF', {
            'preferCSSPageSize': True, 'printBackground': True,
            'paperWidth': 8.27, 'paperHeight': 11.69})
        data = base64.b64decode(r['data'])
        with open(arg, 'wb') as f:
            f.write(data)
        print(json.dumps({'pdf': arg, 'pages': pdf_pages(data)}))
    else:
        sys.exit('unknown step: %s' % s)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    profile = tempfile.mkdtemp(prefix='kz-chromium-')
    d = None
    try:
        d = browser(profile)
        d.get('file://' + os.path.abspath(sys.argv[1]))
        for s in sys.argv[2:]:
            step(d, s)
    finally:
        if d:
            d.quit()
        shutil.rmtree(profile, ignore_errors=True)


main()
