"""Replace the ICU data library in a Linux bundle with one that holds only what Qt reads for Athena.

PySide6's wheels ship Qt linked against ICU 73, with ICU's complete data (~31 MB: every locale's names of
languages, currencies, units, calendars, line-break dictionaries for Thai/CJK, ~200 legacy code pages...) in
``libicudata.so.73``. No PyPI build of Qt without ICU exists, and QtCore needs the three libraries to load.
Qt itself calls only these ICU functions (``nm -D --undefined-only libQt6Core.so.6``): case mapping
(``u_strToUpper/Lower``), collation (``ucol_*``, QCollator), code-page conversion (``ucnv_*``,
QStringConverter for non-UTF encodings) and time-zone names (``ucal_*``). Athena calls none of these classes
directly; Qt uses them for Swedish, English and Arabic text. So the kept data is: collation, zone and region
bundles of sv, en, ar and root; the locale bundles of those languages; ICU's non-locale tables (likely
subtags, plurals, time-zone rules, normalisation); the converter alias table and the code pages Swedish and
Arabic documents use. Everything else falls back to the root locale, as ICU does for any locale it lacks.

The data is ICU's "common data" package (a table of contents of named items), parsed and rewritten here, then
wrapped into a shared library exporting the same symbol (``icudt73_dat``) with the C compiler.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = {"sv", "en", "ar", "root"}
# Item trees Qt never reads: display names of languages/currencies/units, spell-out rules, transliterators,
# break-iterator rules and dictionaries (Qt segments text itself).
DROP_TREES = {"brkitr", "curr", "lang", "rbnf", "translit", "unit"}
# Top-level items only ICU APIs Qt does not call read: character names, spoof detection, StringPrep profiles.
DROP_ITEMS = {"unames.icu", "confusables.cfu"}
KEEP_CONVERTERS = (
    "ibm-5348_",  # windows-1252
    "ibm-9448_", "ibm-5352_",  # windows-1256 (Arabic; the latter its older table)
    "ibm-1252_", "ibm-1256_",
    "ibm-923_",  # ISO-8859-15
    "ibm-1089_",  # ISO-8859-6 (Arabic)
    "ibm-912_", "ibm-913_", "ibm-914_",  # ISO-8859-2/-3/-4
    "ibm-437_", "ibm-850_", "ibm-858_", "ibm-865_",  # DOS Latin, Nordic
    "ibm-720_", "ibm-864_",  # DOS Arabic
    "macos-0_2-",  # Mac Roman
)
LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9_]*)?\.res$")
NON_LOCALE = {"res_index.res", "pool.res", "root.res"}


def keep_item(name: str) -> bool:
    """Whether the package item ``name`` (e.g. "coll/sv.res", "ibm-850_P100-1995.cnv") stays."""
    tree, _, leaf = name.rpartition("/")
    if tree in DROP_TREES or (not tree and leaf in DROP_ITEMS) or leaf.endswith(".spp"):
        return False
    if leaf.endswith(".cnv"):
        return leaf.startswith(KEEP_CONVERTERS)
    m = LOCALE_ITEM.match(leaf)
    if m and leaf not in NON_LOCALE:
        return m.group(1) in KEEP_LANGUAGES
    return True


def read_package(data: bytes) -> tuple[bytes, str, list[tuple[str, bytes]]]:
    """The header, the items' common prefix ("icudt73l/") and the items of an ICU common-data package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[8] != 0:  # data[8]: isBigEndian
        raise ValueError("not a little-endian ICU data package")
    toc = data[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        name = toc[name_off:toc.index(b"\0", name_off)].decode("ascii")
        # The last item runs to the end of the package (ICU pads it to 16 bytes; the padding does no harm).
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((name, toc[data_off:end]))
    prefix = items[0][0].split("/", 1)[0] + "/"
    return data[:header_size], prefix, [(n[len(prefix):], b) for n, b in items]


def write_package(header: bytes, prefix: str, items: list[tuple[str, bytes]]) -> bytes:
    names = b"".join((prefix + n).encode("ascii") + b"\0" for n, _ in items)
    toc_size = 4 + 8 * len(items)
    names_end = toc_size + len(names)
    first = (names_end + 15) & ~15  # items aligned to 16 bytes, as icupkg writes them
    offsets, body, pos = [], bytearray(), first
    for _, blob in items:
        offsets.append(pos)
        padded = blob + b"\0" * (-len(blob) % 16)
        body += padded
        pos += len(padded)
    toc = bytearray(struct.pack("<I", len(items)))
    name_pos = toc_size
    for (name, _), off in zip(items, offsets, strict=True):
        toc += struct.pack("<II", name_pos, off)
        name_pos += len((prefix + name).encode("ascii")) + 1
    toc += names + b"\0" * (first - names_end)
    return header + bytes(toc) + bytes(body)


def extract_data(lib: Path) -> tuple[str, bytes]:
    """The exported data symbol's name and bytes of an ICU data library (from its dynamic symbol table)."""
    out = subprocess.run(["nm", "-D", "--defined-only", "-S", str(lib)], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            addr, size, symbol = int(parts[0], 16), int(parts[1], 16), parts[3]
            break
    else:
        raise ValueError(f"{lib}: no icudt*_dat symbol")
    raw = lib.read_bytes()
    offset = file_offset(lib, addr)
    return symbol, raw[offset:offset + size]


def file_offset(lib: Path, addr: int) -> int:
    out = subprocess.run(["readelf", "-W", "-l", str(lib)], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == "LOAD":
            off, vaddr, filesz = int(parts[1], 16), int(parts[2], 16), int(parts[4], 16)
            if vaddr <= addr < vaddr + filesz:
                return addr - vaddr + off
    raise ValueError(f"{lib}: address {addr:#x} not in a loaded segment")


def build_library(symbol: str, data: bytes, soname: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        dat = Path(tmp) / "icudata.dat"
        dat.write_bytes(data)
        asm = Path(tmp) / "icudata.S"
        asm.write_text(f'.section .rodata\n.global {symbol}\n.type {symbol},@object\n.balign 16\n'
                       f'{symbol}:\n.incbin "{dat}"\n.size {symbol}, .-{symbol}\n'
                       '.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run(["cc", "-shared", "-nostdlib", "-Wl,-soname," + soname, "-Wl,--hash-style=both",
                        "-s", "-o", str(out), str(asm)], check=True)


def trim(lib: Path) -> tuple[int, int]:
    """Rewrite ``lib`` in place; returns its size before and after."""
    before = lib.stat().st_size
    symbol, data = extract_data(lib)
    header, prefix, items = read_package(data)
    kept = [(n, b) for n, b in items if keep_item(n)]
    for required in ("coll/sv.res", "coll/ucadata.icu", "zoneinfo64.res", "cnvalias.icu", "sv.res", "ar.res"):
        if required not in {n for n, _ in kept}:
            raise ValueError(f"{lib}: ICU data has no {required}")
    build_library(symbol, write_package(header, prefix, kept), lib.name, lib.with_suffix(".trimmed"))
    lib.with_suffix(".trimmed").replace(lib)
    return before, lib.stat().st_size


def main() -> int:
    for arg in sys.argv[1:]:
        before, after = trim(Path(arg))
        print(f"{arg}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
