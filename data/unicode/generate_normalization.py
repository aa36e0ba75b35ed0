#!/usr/bin/env python3
"""Generates src/tokenizer/normalization_tables.cpp: what NFC and NFKC need
(UAX #15) for the tokenizers that normalize their input (issue #4: Qwen's
tokenizer.json has an NFC normalizer, the legacy Claude tokenizer NFKC).

Kept small by storing only what the algorithm looks up, sorted for binary
search: canonical combining classes other than 0; each character's full
canonical (NFD) decomposition and, where it differs, its full compatibility
(NFKD) one, already expanded recursively, in UTF-16 (runs of one-to-one
mappings as ranges); the primary composites as (first, second) pairs; and,
per form, the ranges of characters that may change under it or next to it
(quick check: text without any of them is returned as it is). Hangul
syllables are done by arithmetic, not tables.

Source: the Unicode Character Database as Debian's `unicode-data` package
installs it (/usr/share/unicode, Unicode 15.0): UnicodeData.txt and
CompositionExclusions.txt. The output names this script and the sha256 of
each file; `--check FILE` (run by ctest) proves the committed file is what
the sources give.

Usage: generate_normalization.py [--ucd DIR] [--output FILE | --check FILE]
"""
import argparse
import hashlib
import os
import sys

S_BASE, L_BASE, V_BASE, T_BASE = 0xAC00, 0x1100, 0x1161, 0x11A7
L_COUNT, V_COUNT, T_COUNT = 19, 21, 28
S_COUNT = L_COUNT * V_COUNT * T_COUNT


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_ucd(ucd):
    ccc, canon, compat = {}, {}, {}
    with open(os.path.join(ucd, "UnicodeData.txt"), encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            cp = int(fields[0], 16)
            if int(fields[3]):
                ccc[cp] = int(fields[3])
            d = fields[5].strip()
            if not d:
                continue
            if d.startswith("<"):
                compat[cp] = [int(x, 16) for x in d.split(">", 1)[1].split()]
            else:
                canon[cp] = [int(x, 16) for x in d.split()]
    exclusions = set()
    with open(os.path.join(ucd, "CompositionExclusions.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line:
                exclusions.add(int(line, 16))
    return ccc, canon, compat, exclusions


def full(cp, canon, compat, with_compat):
    if with_compat and cp in compat:
        parts = compat[cp]
    elif cp in canon:
        parts = canon[cp]
    else:
        return [cp]
    out = []
    for p in parts:
        out.extend(full(p, canon, compat, with_compat))
    return out


def hangul_decompose(cp):
    s = cp - S_BASE
    out = [L_BASE + s // (V_COUNT * T_COUNT), V_BASE + (s % (V_COUNT * T_COUNT)) // T_COUNT]
    if s % T_COUNT:
        out.append(T_BASE + s % T_COUNT)
    return out


def normalize(cps, decomp, ccc, compose):
    """The reference algorithm, used here to find which characters change."""
    d = []
    for cp in cps:
        if S_BASE <= cp < S_BASE + S_COUNT:
            d.extend(hangul_decompose(cp))
        else:
            d.extend(decomp.get(cp, [cp]))
    # canonical ordering: stable sort of each run of non-starters
    i = 0
    while i < len(d):
        if ccc.get(d[i], 0) == 0:
            i += 1
            continue
        j = i
        while j < len(d) and ccc.get(d[j], 0) != 0:
            j += 1
        d[i:j] = sorted(d[i:j], key=lambda c: ccc[c])
        i = j
    if not d:
        return d
    out = [d[0]]
    starter = 0 if ccc.get(d[0], 0) == 0 else None
    last = ccc.get(d[0], 0) if starter is None else 0
    for ch in d[1:]:
        cc = ccc.get(ch, 0)
        if starter is not None and (last < cc or (last == 0 and len(out) - 1 == starter)):
            comp = compose_pair(out[starter], ch, compose)
            if comp is not None:
                out[starter] = comp
                continue
        if cc == 0:
            starter = len(out)
        last = cc
        out.append(ch)
    return out


def compose_pair(a, b, compose):
    if L_BASE <= a < L_BASE + L_COUNT and V_BASE <= b < V_BASE + V_COUNT:
        return S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT
    if S_BASE <= a < S_BASE + S_COUNT and (a - S_BASE) % T_COUNT == 0 and T_BASE < b < T_BASE + T_COUNT:
        return a + (b - T_BASE)
    return compose.get((a, b))


def ranges(cps):
    out = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def generate(ucd):
    ccc, canon, compat, exclusions = read_ucd(ucd)
    nfd = {cp: full(cp, canon, compat, False) for cp in canon}
    nfkd = {cp: full(cp, canon, compat, True) for cp in set(canon) | set(compat)}
    # Primary composites: canonical pairs, not excluded, not starting with a
    # non-starter (Full_Composition_Exclusion without the singletons, which
    # have one code point and never compose).
    compose = {}
    for cp, parts in canon.items():
        if len(parts) == 2 and cp not in exclusions and ccc.get(parts[0], 0) == 0:
            compose[(parts[0], parts[1])] = cp
    seconds = {b for (_, b) in compose} | set(range(V_BASE, V_BASE + V_COUNT)) | set(range(T_BASE + 1, T_BASE + T_COUNT))
    attention = {}
    for name, table in (("Nfc", nfd), ("Nfkc", nfkd)):
        changes = {cp for cp in table if normalize([cp], table, ccc, compose) != [cp]}
        attention[name] = ranges(changes | seconds | set(ccc))

    lines = []
    w = lines.append
    w("// GENERATED FILE - do not edit. Regenerate with:")
    w("//   python3 data/unicode/generate_normalization.py --output src/tokenizer/normalization_tables.cpp")
    w("// Sources (Unicode Character Database, Debian package unicode-data):")
    for f in ("UnicodeData.txt", "CompositionExclusions.txt"):
        w(f"//   {f} sha256 {sha256(os.path.join(ucd, f))}")
    w("#include \"tokenizer/normalization_tables.h\"")
    w("")
    w("namespace llmcalc::tokenizer::detail {")
    w("")

    def array(ctype, name, values, per_line=8):
        w(f"const {ctype} {name}[] = {{")
        for i in range(0, len(values), per_line):
            w("    " + ", ".join(values[i:i + per_line]) + ",")
        w("};")
        w(f"const std::size_t {name}Size = {len(values)};")
        w("")

    array("std::uint32_t", "kCcc", [f"0x{cp << 8 | c:08X}" for cp, c in sorted(ccc.items())])
    # NFKD only where it differs from NFD (NFKC looks there first, then in
    # NFD); its one-to-one mappings that run in step (mathematical letters,
    # fullwidth forms) as runs of (first, count, first target).
    nfkd_only = {cp: v for cp, v in nfkd.items() if nfd.get(cp) != v}
    runs, rest = [], {}
    for cp, v in sorted(nfkd_only.items()):
        if len(v) == 1 and runs and runs[-1][0] + runs[-1][1] == cp and runs[-1][2] + runs[-1][1] == v[0]:
            runs[-1][1] += 1
        elif len(v) == 1:
            runs.append([cp, 1, v[0]])
        else:
            rest[cp] = v
    for first, count, target in [r for r in runs if r[1] < 3]:
        for i in range(count):
            rest[first + i] = [target + i]
    runs = [r for r in runs if r[1] >= 3]
    array("std::uint32_t", "kNfkdRuns", [f"0x{a:05X}, {n}, 0x{t:05X}" for a, n, t in runs], 2)
    for name, table in (("kNfd", nfd), ("kNfkd", rest)):
        keys, spans, pool = [], [], []
        for cp in sorted(table):
            units = []
            for c in table[cp]:  # UTF-16: the pool never holds surrogates itself
                if c > 0xFFFF:
                    units += [0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF)]
                else:
                    units.append(c)
            assert len(units) < 32
            keys.append(f"0x{cp:05X}")
            spans.append(f"0x{len(pool) << 5 | len(units):06X}")
            pool.extend(units)
        assert len(pool) < (1 << 27)
        array("std::uint32_t", name + "Keys", keys)
        array("std::uint32_t", name + "Spans", spans)
        array("std::uint16_t", name + "Pool", [f"0x{c:04X}" for c in pool], 12)
    array("std::uint64_t", "kCompose",
          [f"0x{a << 42 | b << 21 | c:016X}ull" for (a, b), c in sorted(compose.items())], 4)
    for name, rs in attention.items():
        array("std::uint32_t", f"k{name}Attention", [f"0x{a:05X}, 0x{b:05X}" for a, b in rs], 4)
    w("}  // namespace llmcalc::tokenizer::detail")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ucd", default="/usr/share/unicode")
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--output")
    group.add_argument("--check")
    args = ap.parse_args()
    text = generate(args.ucd)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
        return 0
    with open(args.check, encoding="utf-8") as f:
        if f.read() != text:
            print(f"{args.check} differs from what {sys.argv[0]} generates", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
