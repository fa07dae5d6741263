"""Tells how two workbooks differ: which parts, and for the worksheets each cell whose value or
style differs (shared strings resolved, so a string table renumbered by one changed cell shows as
that one cell). Used by bench/compare.sh. Usage: python3 bench/xlsx_diff.py A.xlsx B.xlsx"""
import re
import sys
import zipfile

SHEET = re.compile(r"xl/worksheets/sheet\d+\.xml$")


def cells(book):
    names = book.namelist()
    strings = []
    if "xl/sharedStrings.xml" in names:
        xml = book.read("xl/sharedStrings.xml").decode()
        strings = [re.sub(r"<[^>]+>", "", s) for s in re.findall(r"<si>(.*?)</si>", xml, re.S)]
    out = {}
    for name in filter(SHEET.match, names):
        xml = book.read(name).decode()
        for m in re.finditer(r'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', xml, re.S):
            ref, attrs, body = m.group(1), m.group(2), m.group(3) or ""
            value = re.search(r"<v>(.*?)</v>", body)
            value = value.group(1) if value else re.sub(r"<[^>]+>", "", body)
            if 't="s"' in attrs and value:
                value = strings[int(value)]
            style = re.search(r's="(\d+)"', attrs)
            out[(name, ref)] = (value, style.group(1) if style else "")
    return out


a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
for name in sorted(set(a.namelist()) | set(b.namelist())):
    x = a.read(name) if name in a.namelist() else None
    y = b.read(name) if name in b.namelist() else None
    if x == y or SHEET.match(name) or name == "xl/sharedStrings.xml":
        continue
    print(f"    part {name} " + ("differs" if x is not None and y is not None else "is only in one"))
ca, cb = cells(a), cells(b)
for key in sorted(set(ca) | set(cb)):
    if ca.get(key) != cb.get(key):
        print(f"    {key[0]} {key[1]}: {ca.get(key)} -> {cb.get(key)}")
