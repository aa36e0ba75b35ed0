#!/usr/bin/env python3
"""Generates src/tokenizer/unicode_tables.cpp: one character class per code
point, the classes the OpenAI pre-tokenizer regexes ask about (\\p{L} split
by case, \\p{N}, \\p{M}, \\s).

Source: the Unicode Character Database as Debian's `unicode-data` package
installs it (/usr/share/unicode, Unicode 15.0). `\\s` in tiktoken's Rust
regex is the White_Space property (PropList.txt), not a general category.

The output names this script and the sha256 of every file it read, and is
deterministic, so `generate_tables.py --check FILE` (run by ctest) proves the
committed table is exactly what the sources give.

Usage: generate_tables.py [--ucd DIR] [--output FILE | --check FILE]
"""
import argparse
import hashlib
import os
import sys

# Must match enum class CharClass in src/tokenizer/unicode_tables.h.
OTHER, SPACE, NUMBER, MARK, UPPER, LOWER, LETTER_OTHER, PUNCT_SYMBOL = range(8)
CATEGORY_CLASS = {
    # \p{P} and \p{S}: DeepSeek V3's pre-tokenizer tells them from the rest
    # of [^\s\p{L}\p{N}] (controls, format characters, unassigned).
    "Pc": PUNCT_SYMBOL, "Pd": PUNCT_SYMBOL, "Ps": PUNCT_SYMBOL, "Pe": PUNCT_SYMBOL,
    "Pi": PUNCT_SYMBOL, "Pf": PUNCT_SYMBOL, "Po": PUNCT_SYMBOL,
    "Sm": PUNCT_SYMBOL, "Sc": PUNCT_SYMBOL, "Sk": PUNCT_SYMBOL, "So": PUNCT_SYMBOL,
    "Lu": UPPER, "Lt": UPPER,          # regex [\p{Lu}\p{Lt}]: upper-only
    "Ll": LOWER,                       # \p{Ll}: lower-only
    "Lm": LETTER_OTHER, "Lo": LETTER_OTHER,  # in both of o200k's case sets
    "Mn": MARK, "Mc": MARK, "Me": MARK,
    "Nd": NUMBER, "Nl": NUMBER, "No": NUMBER,
}
MAX_CP = 0x110000
BLOCK = 256


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_classes(ucd):
    classes = bytearray(MAX_CP)
    range_start = None
    with open(os.path.join(ucd, "UnicodeData.txt"), encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            cp, name, cat = int(fields[0], 16), fields[1], fields[2]
            cls = CATEGORY_CLASS.get(cat, OTHER)
            if name.endswith(", First>"):
                range_start = cp
                continue
            first = range_start if name.endswith(", Last>") else cp
            range_start = None
            for c in range(first, cp + 1):
                classes[c] = cls
    with open(os.path.join(ucd, "PropList.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            cps, prop = [x.strip() for x in line.split(";")]
            if prop != "White_Space":
                continue
            lo, _, hi = cps.partition("..")
            for c in range(int(lo, 16), int(hi or lo, 16) + 1):
                assert classes[c] == OTHER, "White_Space overlaps a letter/number/mark/P/S"
                classes[c] = SPACE
    return classes


def render(ucd):
    classes = read_classes(ucd)
    blocks, index = {}, []
    for start in range(0, MAX_CP, BLOCK):
        block = bytes(classes[start:start + BLOCK])
        index.append(blocks.setdefault(block, len(blocks)))
    assert len(blocks) < 65536
    out = []
    out.append("// GENERATED FILE - do not edit. Regenerate with:\n")
    out.append("//   python3 data/unicode/generate_tables.py --output src/tokenizer/unicode_tables.cpp\n")
    out.append("// Sources (Unicode Character Database, Debian package unicode-data):\n")
    for name in ("UnicodeData.txt", "PropList.txt"):
        out.append("//   %s sha256 %s\n" % (name, sha256(os.path.join(ucd, name))))
    out.append("// Two-stage table: kBlockIndex[cp >> 8] picks a 256-entry block of\n")
    out.append("// CharClass values in kBlocks (%d distinct blocks).\n" % len(blocks))
    out.append('#include "tokenizer/unicode_tables.h"\n\n')
    out.append("namespace llmcalc::tokenizer::detail {\n\n")
    out.append("const std::uint16_t kBlockIndex[%d] = {\n" % len(index))
    for i in range(0, len(index), 16):
        out.append("    " + ", ".join(str(x) for x in index[i:i + 16]) + ",\n")
    out.append("};\n\n")
    out.append("const std::uint8_t kBlocks[%d] = {\n" % (len(blocks) * BLOCK))
    for block in sorted(blocks, key=blocks.get):
        for i in range(0, BLOCK, 32):
            out.append("    " + ",".join(str(x) for x in block[i:i + 32]) + ",\n")
    out.append("};\n\n")
    out.append("}  // namespace llmcalc::tokenizer::detail\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ucd", default="/usr/share/unicode")
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--output")
    group.add_argument("--check")
    args = ap.parse_args()
    text = render(args.ucd)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        return 0
    with open(args.check, encoding="utf-8", newline="") as f:
        if f.read() != text:
            print("%s differs from what %s generates from %s; regenerate it."
                  % (args.check, sys.argv[0], args.ucd), file=sys.stderr)
            return 1
    print("%s is up to date" % args.check)
    return 0


if __name__ == "__main__":
    sys.exit(main())
