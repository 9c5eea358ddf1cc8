#!/usr/bin/python3
"""Check an HTML page koszyk wrote against its own Content-Security-Policy:
one <meta http-equiv="Content-Security-Policy"> before any <style> or
<script>, default-src 'none', and every inline <style> and <script>
element allowed by the sha256 hash of its exact content (nothing
'unsafe-inline'), no style="" attributes (a hash does not allow them),
no event handler attributes. Prints each problem, exits 1 when any.
Usage: csp_check.py PAGE.html
"""
import base64
import hashlib
import re
import sys


def main():
    html = open(sys.argv[1], encoding='utf-8').read()
    problems = []
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" '
                       r'content="([^"]*)">', html)
    if len(metas) != 1:
        print('%d Content-Security-Policy metas, not one' % len(metas))
        return 1
    policy = dict((d.split()[0], d.split()[1:])
                  for d in metas[0].split(';') if d.strip())
    if policy.get('default-src') != ["'none'"]:
        problems.append("default-src is not 'none'")
    first = min([m.start() for m in re.finditer(r'<(style|script)[ >]', html)]
                or [len(html)])
    if html.index('Content-Security-Policy') > first:
        problems.append('the policy comes after a style or a script')
    for tag in ('style', 'script'):
        allowed = policy.get(tag + '-src', [])
        if "'unsafe-inline'" in allowed:
            problems.append("%s-src 'unsafe-inline'" % tag)
        for body in re.findall(r'<%s>(.*?)</%s>' % (tag, tag), html, re.S):
            digest = base64.b64encode(
                hashlib.sha256(body.encode('utf-8')).digest()).decode()
            if "'sha256-%s'" % digest not in allowed:
                problems.append('the %s (%d bytes) is not allowed by %s-src %s'
                                % (tag, len(body), tag, allowed))
    if re.search(r'<[^>]+\sstyle="', html):
        problems.append('a style attribute')
    if re.search(r'<[^>]+\son[a-z]+=', html):
        problems.append('an event handler attribute')
    for p in problems:
        print(p)
    return 1 if problems else 0


sys.exit(main())
