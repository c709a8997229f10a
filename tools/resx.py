#!/usr/bin/env python3
"""Adds or updates entries in Strings.resx (zh-CN, neutral) and Strings.en.resx.
Usage: tools/resx.py FILE.tsv [ResourceName]  where each line is: key<TAB>zh<TAB>en
(ResourceName defaults to Strings; others: AccountStrings, CallStrings, NotificationStrings)."""
import sys, re, html, os
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'FinPilot.Web', 'Resources', sys.argv[2] if len(sys.argv) > 2 else 'Strings')
HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
'''
def load(path):
    d = {}
    if os.path.exists(path):
        for m in re.finditer(r'<data name="([^"]+)" xml:space="preserve">\s*<value>(.*?)</value>', open(path, encoding='utf-8').read(), re.S):
            d[m.group(1)] = html.unescape(m.group(2))
    return d
def save(path, d):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for k in sorted(d):
            f.write(f'  <data name="{k}" xml:space="preserve">\n    <value>{html.escape(d[k], quote=False)}</value>\n  </data>\n')
        f.write('</root>\n')
zh, en = load(base + '.resx'), load(base + '.en.resx')
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'): continue
    k, z, e = line.split('\t')
    zh[k], en[k] = z, e
save(base + '.resx', zh); save(base + '.en.resx', en)
print(len(zh), 'keys')
