#!/usr/bin/env python3
"""Builds the knowledge-search corpus from text Debian ships (never committed).

Sources, each split into article-sized pieces:
  * manual pages (en: manpages + whatever is installed, fr: manpages-fr, id: manpages-id),
    roff stripped to text here (no groff run: ~20k pages convert in seconds), one article
    per section (.SH / .SS), long sections cut at paragraph boundaries;
  * the Debian Reference (debian-reference-en/-fr/-id), one article per numbered section.

Output: one JSON object per line {id, lang, title, keywords, content, status, category,
product}, French and Indonesian first so that any prefix of the file is multilingual.
Deterministic: same installed packages, same bytes.
"""
import gzip
import hashlib
import json
import os
import re
import sys
from multiprocessing import Pool

MAN_ROOT = "/usr/share/man"
REFERENCE = "/usr/share/debian-reference/debian-reference.{lang}.txt.gz"
MAX_CHARS = 700    # longer sections are cut into several articles
MIN_CHARS = 80     # shorter ones (a lone SYNOPSIS line) are not worth an article

SECTION_CATEGORY = {"1": "Commands", "2": "System calls", "3": "Library functions", "4": "Devices",
                    "5": "File formats", "6": "Games", "7": "Overviews", "8": "Administration"}

NAMED = {  # roff named characters
    "aq": "'", "dq": '"', "em": "\u2014", "en": "\u2013", "hy": "-", "lq": "\u201c", "rq": "\u201d",
    "oq": "\u2018", "cq": "\u2019", "bu": "\u2022", "co": "\u00a9", "rg": "\u00ae", "tm": "\u2122",
    "mi": "-", "pl": "+", "mu": "\u00d7", "di": "\u00f7", "ga": "`", "ti": "~", "ha": "^", "rs": "\\",
    "ba": "|", "bv": "|", "fo": "\u00ab", "fc": "\u00bb", "Fo": "\u00ab", "Fc": "\u00bb", "de": "\u00b0",
    "->": "\u2192", "<-": "\u2190", "<=": "\u2264", ">=": "\u2265", "!=": "\u2260", "ss": "\u00df",
    "oe": "\u0153", "OE": "\u0152", "ae": "\u00e6", "AE": "\u00c6", ",c": "\u00e7", ",C": "\u00c7",
    "'e": "\u00e9", "`e": "\u00e8", "^e": "\u00ea", ":e": "\u00eb", "'E": "\u00c9", "`E": "\u00c8",
    "^E": "\u00ca", "`a": "\u00e0", "^a": "\u00e2", "'a": "\u00e1", ":a": "\u00e4", "^i": "\u00ee",
    ":i": "\u00ef", "'i": "\u00ed", "^o": "\u00f4", ":o": "\u00f6", "'o": "\u00f3", "`u": "\u00f9",
    "^u": "\u00fb", ":u": "\u00fc", "'u": "\u00fa", "~n": "\u00f1", "`A": "\u00c0", "^A": "\u00c2",
}
ESCAPE = re.compile(r"""\\(?:
      f(?:\[[^\]]*\]|\(..|.)          # font changes
    | s[+-]?(?:\d|\(\d\d|\[\d+\])     # size changes
    | \((?P<two>..)                   # \(xx named character
    | \[(?P<long>[^\]]*)\]            # \[name] named character
    | \*(?:\((?P<str2>..)|\[(?P<strl>[^\]]*)\]|(?P<str1>.))  # strings
    | [kvhwxoNLlDbZAXRY]'[^']*'       # motions, widths, ... with an argument
    | n(?:\(..|\[[^\]]*\]|.)          # number registers
    | (?P<one>.)
)""", re.VERBOSE)
ONE = {"-": "-", "e": "\\", "&": "", "|": "", "^": "", "~": " ", " ": " ", "0": " ", "c": "", "%": "",
       "'": "\u00b4", "`": "`", ".": ".", "\\": "\\", "t": " ", "d": "", "u": "", "p": "", "z": "", "!": "",
       "a": "", "r": "", "{": "", "}": "", ":": ""}
STRINGS = {"lq": "\u201c", "rq": "\u201d", "R": "\u00ae", "Tm": "\u2122", "S": "", "B": "", "I": ""}


def unescape(text):
    def repl(m):
        if m.group("two") is not None:
            return NAMED.get(m.group("two"), "")
        if m.group("long") is not None:
            name = m.group("long")
            if name.startswith("u") and re.fullmatch(r"u[0-9A-Fa-f]{4,6}", name):
                return chr(int(name[1:], 16))
            return NAMED.get(name, "")
        for g in ("str2", "strl", "str1"):
            if m.group(g) is not None:
                return STRINGS.get(m.group(g), "")
        if m.group("one") is not None:
            return ONE.get(m.group("one"), m.group("one"))
        return ""
    return ESCAPE.sub(repl, text)


def macro_args(rest):
    """Splits roff macro arguments, honouring double quotes."""
    args, cur, quoted, i = [], "", False, 0
    while i < len(rest):
        c = rest[i]
        if c == '"':
            if quoted and i + 1 < len(rest) and rest[i + 1] == '"':
                cur += '"'
                i += 2
                continue
            quoted = not quoted
        elif c in " \t" and not quoted:
            if cur:
                args.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    if cur:
        args.append(cur)
    return args


FONT_MACROS = {"B", "I", "SM", "SB", "BR", "RB", "IR", "RI", "BI", "IB", "CW", "UR", "MT", "Nm", "Ar", "Fl",
               "Cm", "Pa", "Xr", "Em", "Sy", "Li", "Dv", "Ev", "Fn", "Fa", "Va", "Ql", "Dq", "Sq", "Pq", "Op",
               "Ic", "Ft", "Fd", "Nd", "It", "Tn", "Ux", "Bx", "At", "St", "Lb", "Vt", "Er", "Ad", "An", "Lk"}


def man_to_sections(source):
    """Returns (name, [(heading, subheading, [paragraphs])])."""
    name = ""
    sections = []
    heading, sub, paras, cur = None, None, [], []

    def flush_para():
        nonlocal cur
        if cur:
            paras.append(" ".join(cur))
            cur = []

    def flush_section():
        nonlocal paras
        flush_para()
        if heading is not None and paras:
            sections.append((heading, sub, paras))
        paras = []

    skipping = 0
    for raw in source.split("\n"):
        line = raw.rstrip()
        if line.startswith(".\\\"") or line.startswith("'\\\"") or line.startswith("\\\""):
            continue
        if line.startswith(".") or line.startswith("'"):
            parts = line[1:].strip().split(None, 1)
            if not parts:
                continue
            macro, rest = parts[0], parts[1] if len(parts) > 1 else ""
            if macro == "de" or macro == "ig":
                skipping = 1
                continue
            if skipping:
                if macro in ("..", "."):
                    skipping = 0
                continue
            if macro in ("TH", "Dt"):
                args = macro_args(rest)
                if args:
                    name = unescape(args[0]).lower()
            elif macro in ("SH", "Sh"):
                flush_section()
                heading, sub = unescape(" ".join(macro_args(rest))).strip(), None
            elif macro in ("SS", "Ss"):
                flush_section()
                sub = unescape(" ".join(macro_args(rest))).strip()
            elif macro in ("PP", "LP", "P", "Pp", "sp", "br", "TP", "Bl", "El", "RS", "RE"):
                flush_para()
            elif macro in ("IP", "It", "TQ"):
                flush_para()
                args = macro_args(rest)
                if args and macro != "IP":
                    cur.append(unescape(" ".join(args)))
                elif args:
                    cur.append(unescape(args[0]))
            elif macro in FONT_MACROS:
                args = macro_args(rest)
                text = unescape("".join(args) if len(macro) == 2 and macro.isupper() and macro != "SM" and macro != "SB"
                                else " ".join(args))
                if text:
                    cur.append(text)
            # every other request (.nf .fi .in .ft .ne .if .ie ...) is layout: dropped
            continue
        if skipping:
            continue
        text = unescape(line).strip()
        if not text:
            flush_para()
        else:
            cur.append(text)
    flush_section()
    return name, sections


def chunk(paras):
    """Groups paragraphs into pieces of at most MAX_CHARS (a longer paragraph stays whole)."""
    out, cur = [], ""
    for p in paras:
        p = re.sub(r"\s+", " ", p).strip()
        if not p:
            continue
        if cur and len(cur) + len(p) + 2 > MAX_CHARS:
            out.append(cur)
            cur = ""
        cur = (cur + "\n\n" + p) if cur else p
    if cur:
        out.append(cur)
    return out


def status_of(article_id):
    h = int(hashlib.sha1(article_id.encode()).hexdigest()[:8], 16) % 20
    return "Draft" if h < 3 else "Approved" if h < 6 else "Published"


def convert_man(args):
    path, lang = args
    try:
        with gzip.open(path, "rb") as f:
            source = f.read().decode("utf-8", errors="replace")
    except (OSError, EOFError):
        return []
    if source.lstrip().startswith(".so "):
        return []  # an alias of another page
    name, sections = man_to_sections(source)
    base = os.path.basename(path)[:-3]  # ls.1
    if not name:
        name = base.rsplit(".", 1)[0]
    section = base.rsplit(".", 1)[-1][:1]
    summary = ""
    for heading, _sub, paras in sections:
        if heading.upper() in ("NAME", "NOM", "NAMA"):
            summary = re.sub(r"\s+", " ", " ".join(paras)).strip()
    articles = []
    for heading, sub, paras in sections:
        if heading.upper() in ("NAME", "NOM", "NAMA"):
            continue
        for i, piece in enumerate(chunk(paras)):
            if len(piece) < MIN_CHARS:
                continue
            title = f"{name}({section}): {(sub or heading).capitalize()}"
            if i:
                title += f" ({i + 1})"
            article_id = f"man-{lang}-{base}-{len(articles)}"
            articles.append({
                "id": article_id, "lang": lang, "title": title,
                "keywords": f"{name}, {heading.lower()}" + (f", {summary}" if summary else ""),
                "content": piece, "status": status_of(article_id),
                "category": SECTION_CATEGORY.get(section, "Manual"), "product": "manpages"})
    return articles


def convert_reference(lang):
    path = REFERENCE.format(lang=lang)
    if not os.path.exists(path):
        return []
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    heading_re = re.compile(r"^(\d+(?:\.\d+)+)\.\s+(\S.*)$")
    articles, heading, number, paras, cur = [], None, None, [], []

    def flush():
        if heading is None:
            return
        body = paras + ([" ".join(cur)] if cur else [])
        for i, piece in enumerate(chunk(body)):
            if len(piece) < MIN_CHARS:
                continue
            article_id = f"ref-{lang}-{number}-{i}"
            articles.append({
                "id": article_id, "lang": lang, "title": heading + (f" ({i + 1})" if i else ""),
                "keywords": "debian reference, " + number, "content": piece, "status": status_of(article_id),
                "category": "Debian Reference", "product": "debian-reference"})

    for line in lines:
        m = heading_re.match(line)
        if m:
            flush()
            number, heading, paras, cur = m.group(1), m.group(2).strip(), [], []
        elif heading is not None:
            if line.strip():
                cur.append(line.strip())
            elif cur:
                paras.append(" ".join(cur))
                cur = []
    flush()
    return articles


def debian_files():
    """Every manual page a package installed (pages dropped in by other installers are left out)."""
    files = set()
    info = "/var/lib/dpkg/info"
    for name in sorted(os.listdir(info)):
        # Google's SDK (google-cloud-cli, from its own apt repository) ships ~16k nearly
        # identical gcloud pages: not Debian text, and they would drown everything else.
        if name.endswith(".list") and not name.startswith("google-cloud"):
            with open(os.path.join(info, name), encoding="utf-8", errors="replace") as f:
                files.update(line.rstrip("\n") for line in f if line.startswith(MAN_ROOT))
    return files


def man_pages(lang, shipped):
    root = MAN_ROOT if lang == "en" else os.path.join(MAN_ROOT, lang)
    out = []
    for sec in sorted(os.listdir(root)) if os.path.isdir(root) else []:
        if not re.fullmatch(r"man[1-8]", sec):
            continue
        d = os.path.join(root, sec)
        out += [(os.path.join(d, f), lang) for f in sorted(os.listdir(d))
                if f.endswith(".gz") and os.path.join(d, f) in shipped]
    return out


def main():
    out_path = sys.argv[1]
    shipped = debian_files()
    jobs = man_pages("id", shipped) + man_pages("fr", shipped) + man_pages("en", shipped)
    counts = {}
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out, Pool(2) as pool:
        def write(articles):
            for a in articles:
                out.write(json.dumps(a, ensure_ascii=False) + "\n")
                counts[a["lang"]] = counts.get(a["lang"], 0) + 1
        write(convert_reference("id"))
        write(convert_reference("fr"))
        # Man pages in file order; en last so any prefix of the file is multilingual.
        for articles in pool.imap(convert_man, jobs, chunksize=64):
            if articles and articles[0]["lang"] == "en" and "ref-en" not in counts:
                write(convert_reference("en"))
                counts["ref-en"] = 1
            write(articles)
        if "ref-en" not in counts:
            write(convert_reference("en"))
    counts.pop("ref-en", None)
    os.replace(tmp, out_path)
    print("corpus: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) +
          f" articles -> {out_path}")


if __name__ == "__main__":
    main()
