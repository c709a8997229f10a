#!/usr/bin/env python3
"""Adds or updates entries in a resource file pair: NAME.resx (zh-CN, neutral) and NAME.en.resx.
Usage: tools/resx.py FILE.tsv [TARGET]  where each line is: key<TAB>zh<TAB>en
TARGET is a module (Calls -> src/FinPilot.Web/Features/Calls/CallsStrings.resx), a shared resource
name (Strings, AccountStrings -> src/FinPilot.Web/Resources/), or a path to a .resx file; a module's
file is created if missing (then add its EmbeddedResource to FinPilot.Web.csproj). Default: Strings."""
import sys, re, html, os
web = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'FinPilot.Web')
def resolve(target):
    if target.endswith('.resx'):
        return target[:-len('.en.resx')] if target.endswith('.en.resx') else target[:-len('.resx')]
    if os.path.exists(os.path.join(web, 'Resources', target + '.resx')):
        return os.path.join(web, 'Resources', target)
    module = target[:-len('Strings')] if target.endswith('Strings') and target != 'Strings' else target
    return os.path.join(web, 'Features', module, module + 'Strings')
base = resolve(sys.argv[2] if len(sys.argv) > 2 else 'Strings')
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
    os.makedirs(os.path.dirname(path), exist_ok=True)
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
