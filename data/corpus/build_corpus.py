#!/usr/bin/env python3
"""Builds the real-text corpus for tokenizer tests and benchmarks (issue #3).

Usage: python3 data/corpus/build_corpus.py [OUT_DIR]      (default build/corpus)

Every input comes from a Debian package named in data/corpus/packages.txt
(the caller installs them; scripts/install-deps.sh reads that list). A file
is used only if one of those packages owns it, so text left on a machine by
anything else never leaks in, and the same package versions give the same
bytes: inputs are sorted, man pages are rendered with a fixed width and
locale, and nothing depends on time or randomness.

Output, in OUT_DIR:
  <category>.txt      one file per kind of text, each capped (CATEGORIES)
  test/<category>.txt a slice of at most 100 KB of each, for differential tests
  short-lines.txt     lines of 40-160 bytes from every category, for the
                      per-call benchmark
  MANIFEST.tsv        every source file used: category, package, version,
                      sha256 of the source file, path
"""

import hashlib
import html.parser
import os
import re
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KB = 1024
MB = 1024 * 1024
TEST_SLICE = 100_000
SHORT_MIN, SHORT_MAX, SHORT_PER_CATEGORY = 40, 160, 800

# Strings that tokenizers treat as special tokens; a line holding one is
# dropped so every library can count the text as ordinary text.
SPECIAL = re.compile(r"<\|(endoftext|endofprompt|fim_prefix|fim_middle|fim_suffix)\|>")


def fail(message):
    sys.exit(f"build_corpus: {message}")


# ---------------------------------------------------------------- packages

def read_packages():
    names = [line.strip() for line in (HERE / "packages.txt").read_text().splitlines()]
    return [n for n in names if n and not n.startswith("#")]


def package_files(packages):
    """Maps each file path to (package, version) for the listed packages."""
    owners, missing = {}, []
    for name in packages:
        q = subprocess.run(["dpkg-query", "-W", "-f=${Status}\t${Version}", name],
                           capture_output=True, text=True)
        if q.returncode != 0 or not q.stdout.startswith("install ok installed"):
            missing.append(name)
            continue
        version = q.stdout.split("\t", 1)[1]
        listing = subprocess.run(["dpkg", "-L", name], capture_output=True, text=True, check=True)
        for path in listing.stdout.splitlines():
            owners.setdefault(path, (name, version))
    if missing:
        fail("packages not installed: " + " ".join(missing)
             + "\n  install them: apt-get install -y --no-install-recommends $(cat data/corpus/packages.txt)")
    return owners


# ------------------------------------------------------------ text sources

def render_man(path):
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "MANWIDTH": "80", "MAN_DISABLE_SECCOMP": "1", "HOME": "/nonexistent"}
    # A few pages send troff into an endless loop (zh_CN df.1 with groff
    # 1.22.4); others take well under a second. man runs in its own process
    # group so a timeout ends troff too.
    proc = subprocess.Popen(["man", "-l", "-E", "UTF-8", "-P", "cat", path], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        print(f"  skipped (troff did not finish): {path}", file=sys.stderr)
        return ""
    # Strip any overstrike or SGR sequences a grotty setting might leave.
    text = out.decode("utf-8", "replace")
    text = re.sub(r".\x08", "", text)
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return text


class HtmlText(html.parser.HTMLParser):
    """Text of a Sphinx page's main body; blocks become lines, <pre> kept."""

    BLOCK = {"p", "div", "section", "li", "dt", "dd", "tr", "h1", "h2", "h3", "h4",
             "h5", "h6", "pre", "br", "table", "ul", "ol", "dl", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # div depth inside the main body (0 = outside)
        self.skip = 0
        self.pre = 0
        self.out = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div":
            if self.depth:
                self.depth += 1
            elif a.get("role") == "main" or "body" in (a.get("class") or "").split():
                self.depth = 1
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "a" and "headerlink" in (a.get("class") or ""):
            self.skip += 1
        if tag == "pre":
            self.pre += 1
        if self.depth and tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag == "a" and self.skip:
            self.skip -= 1
        if tag == "pre" and self.pre:
            self.pre -= 1
        if self.depth and tag in self.BLOCK:
            self.out.append("\n")
        if tag == "div" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth or self.skip:
            return
        self.out.append(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self):
        lines = [line.rstrip() for line in "".join(self.out).split("\n")]
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def html_to_text(path):
    parser = HtmlText()
    parser.feed(Path(path).read_text(encoding="utf-8", errors="replace"))
    return parser.text()


def mo_strings(path):
    """The translated strings of a gettext .mo catalog (its msgstr side).

    The format is four little- or big-endian words after the magic: count,
    offset of the original table, offset of the translation table; each
    table entry is (length, offset). See the GNU gettext manual, "The
    Format of GNU MO Files".
    """
    data = Path(path).read_bytes()
    magic = int.from_bytes(data[:4], "little")
    order = "little" if magic == 0x950412DE else "big"
    word = lambda at: int.from_bytes(data[at:at + 4], order)
    count, translations = word(8), word(16)
    out = []
    for i in range(count):
        length, offset = word(translations + 8 * i), word(translations + 8 * i + 4)
        raw = data[offset:offset + length]
        if i == 0 and b"Content-Type" in raw:
            continue  # the header entry
        for s in raw.split(b"\0"):  # plural forms are NUL-separated
            text = s.decode("utf-8", "replace").strip()
            if text:
                out.append(text)
    return "\n".join(out) + "\n"


def plain(path):
    return Path(path).read_text(encoding="utf-8", errors="replace")


def emoji_lines(path):
    """emoji-test.txt as "<emoji> <name>" lines: emoji in running text."""
    out = []
    for line in plain(path).splitlines():
        m = re.match(r"^[0-9A-F ]+;\s*fully-qualified\s*#\s*(\S+)\s+E\d+\.\d+\s+(.*)$", line)
        if m:
            out.append(f"{m.group(1)} {m.group(2)}")
    # Also a dense run: many emoji back to back, as in chat messages.
    seqs = [l.split(" ", 1)[0] for l in out]
    dense = ["".join(seqs[i:i + 12]) for i in range(0, len(seqs), 12)]
    return "\n".join(out + dense) + "\n"


# ------------------------------------------------------------- categories

def man_pages(lang):
    return lambda owners: sorted(p for p in owners
                                 if p.startswith(f"/usr/share/man/{lang}/man") and p.endswith(".gz"))


def english_man_pages(owners):
    # English pages sit directly in /usr/share/man/manN.
    return sorted(p for p in owners if re.match(r"^/usr/share/man/man[1-8]/.*\.gz$", p))


def mo_catalogs(lang):
    return lambda owners: sorted(p for p in owners
                                 if p.startswith(f"/usr/share/locale/{lang}/LC_MESSAGES/")
                                 and p.endswith(".mo"))


def by_glob(prefix, suffix):
    return lambda owners: sorted(p for p in owners if p.startswith(prefix) and p.endswith(suffix))


PY_HTML = "/usr/share/doc/python3.11/html/"

# name -> list of (select(owners) -> paths, transform(path) -> text, byte budget)
CATEGORIES = {
    "prose-en": [(by_glob(PY_HTML + "library/", ".html"), html_to_text, 1200 * KB),
                 (by_glob("/usr/share/perl/5.36.0/pod/perl", ".pod"), plain, 500 * KB),
                 (english_man_pages, render_man, 300 * KB)],
    "prose-de": [(man_pages("de"), render_man, 1 * MB)],
    "prose-fr": [(man_pages("fr"), render_man, 1 * MB)],
    "prose-ru": [(man_pages("ru"), render_man, 1 * MB)],
    "prose-pl": [(man_pages("pl"), render_man, 1 * MB)],
    "prose-zh": [(man_pages("zh_CN"), render_man, 700 * KB),
                 (man_pages("zh_TW"), render_man, 300 * KB)],
    "prose-ja": [(man_pages("ja"), render_man, 1 * MB)],
    "prose-ko": [(mo_catalogs("ko"), mo_strings, 700 * KB),
                 (man_pages("ko"), render_man, 300 * KB)],
    "prose-ar": [(mo_catalogs("ar"), mo_strings, 512 * KB)],
    "prose-he": [(mo_catalogs("he"), mo_strings, 512 * KB)],
    "prose-hi": [(mo_catalogs("hi"), mo_strings, 512 * KB)],
    "prose-th": [(mo_catalogs("th"), mo_strings, 512 * KB)],
    "code-c": [(by_glob("/usr/include/", ".h"), plain, 1500 * KB)],
    "code-python": [(by_glob("/usr/lib/python3.11/", ".py"), plain, 1500 * KB)],
    "json": [(by_glob("/usr/share/iso-codes/json/iso_", ".json"), plain, 1500 * KB)],
    "emoji": [(by_glob("/usr/share/unicode/emoji/emoji-test.txt", ""), emoji_lines, 700 * KB),
              (by_glob("/usr/share/unicode/emoji/emoji-zwj-sequences.txt", ""), plain, 300 * KB)],
}

def clean(text):
    lines = [l for l in text.replace("\r\n", "\n").split("\n") if not SPECIAL.search(l)]
    return "\n".join(lines)


def take(text, budget):
    """At most budget bytes of text, cut at a line end."""
    data = text.encode("utf-8")
    if len(data) <= budget:
        return data
    cut = data.rfind(b"\n", 0, budget)
    return data[:cut + 1] if cut > 0 else b""


def build_category(name, sources, owners, manifest):
    parts = []
    for select, transform, budget in sources:
        paths = select(owners)
        if not paths:
            fail(f"{name}: no source files found (is every package in packages.txt installed?)")
        used = 0
        # Render a few at a time (man is slow) but keep the sorted order.
        with ThreadPoolExecutor(max_workers=4) as pool:
            for start in range(0, len(paths), 8):
                batch = paths[start:start + 8]
                for path, text in zip(batch, pool.map(transform, batch)):
                    if used >= budget:
                        break
                    chunk = take(clean(text).strip("\n") + "\n\n", budget - used)
                    if not chunk.strip():
                        continue
                    parts.append(chunk)
                    used += len(chunk)
                    pkg, version = owners[path]
                    sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
                    manifest.append((name, pkg, version, sha, path))
                if used >= budget - 4 * KB:
                    break
        if used == 0:
            fail(f"{name}: the sources gave no text")
    return b"".join(parts)


def short_lines(texts):
    """Lines of SHORT_MIN..SHORT_MAX bytes, spread evenly over each file, interleaved."""
    picks = []
    for name in sorted(texts):
        lines = [l.strip() for l in texts[name].decode("utf-8").split("\n")]
        fit = [l for l in lines if SHORT_MIN <= len(l.encode("utf-8")) <= SHORT_MAX]
        step = max(1, len(fit) // SHORT_PER_CATEGORY)
        picks.append(fit[::step][:SHORT_PER_CATEGORY])
    out = []
    for i in range(max(len(p) for p in picks)):
        out.extend(p[i] for p in picks if i < len(p))
    return ("\n".join(out) + "\n").encode("utf-8")


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "corpus"
    (out / "test").mkdir(parents=True, exist_ok=True)
    owners = package_files(read_packages())
    manifest, texts = [], {}
    for name, sources in CATEGORIES.items():
        texts[name] = build_category(name, sources, owners, manifest)
        (out / f"{name}.txt").write_bytes(texts[name])
        (out / "test" / f"{name}.txt").write_bytes(take(texts[name].decode("utf-8"), TEST_SLICE))
        print(f"{name:12} {len(texts[name]):>9} bytes", flush=True)
    (out / "short-lines.txt").write_bytes(short_lines(texts))
    rows = ["category\tpackage\tversion\tsha256\tpath"]
    rows += ["\t".join(r) for r in manifest]
    (out / "MANIFEST.tsv").write_text("\n".join(rows) + "\n")
    total = sum(len(t) for t in texts.values())
    print(f"{'total':12} {total:>9} bytes in {len(texts)} files, {len(manifest)} sources -> {out}")


if __name__ == "__main__":
    main()
