"""Make the fonts the letters and dossiers use: DejaVu Sans cut down to the scripts a Dutch
landlord's tenants write their names in.

The full DejaVu Sans has some 6,000 glyphs; parsing it took most of the time of every letter
(fpdf2 reads the whole font for each document). The subset keeps Latin (with every extension,
so Turkish, Polish, Vietnamese names and the Dutch ĳ render), Greek, Cyrillic, combining
accents, punctuation, currency signs (€), arrows and a few symbols: a fifth of the size, parsed
several times faster.

    python scripts/subset_fonts.py [SOURCE_DIR]

SOURCE_DIR holds DejaVuSans.ttf and DejaVuSans-Bold.ttf (fonts-dejavu-core 2.37; default
/usr/share/fonts/truetype/dejavu). The DejaVu license allows modified fonts whose names contain
neither "Bitstream" nor "Vera" (lcv_tui/exports/fonts/LICENSE-DejaVu.txt).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

TARGET = Path(__file__).resolve().parent.parent / "lcv_tui" / "exports" / "fonts"
FONTS = {
    "DejaVuSans.ttf": "DejaVuSans-Latin.ttf",
    "DejaVuSans-Bold.ttf": "DejaVuSans-Bold-Latin.ttf",
}
RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0250, 0x02FF),  # IPA extensions, spacing modifier letters
    (0x0300, 0x036F),  # combining diacritical marks
    (0x0370, 0x052F),  # Greek, Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x206F),  # general punctuation
    (0x2070, 0x20CF),  # super- and subscripts, currency symbols (€)
    (0x2100, 0x214F),  # letterlike symbols (№, ™)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2713, 0x2718),  # check marks
    (0xFFFD, 0xFFFD),  # replacement character
)


def main(source: Path) -> None:
    unicodes = [code for low, high in RANGES for code in range(low, high + 1)]
    for name, target in FONTS.items():
        options = subset.Options()
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.layout_features = ["*"]
        options.notdef_outline = True
        options.drop_tables += ["FFTM"]
        font = subset.load_font(str(source / name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        subset.save_font(font, str(TARGET / target), options)
        print(f"{target}: {(TARGET / target).stat().st_size:,} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/fonts/truetype/dejavu"))
