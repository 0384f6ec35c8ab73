"""Write pdf5_heldout.pdf: a constructed six-page report (cover, two-column pages with running heads alternating
left and right, a drop cap, a note at the foot of the left column while the body goes on in the right column,
a landscape figure page with chart residue, a page intentionally left blank). Its gold (gold.json) was written
from this design before the builder first read the file. Run: python -m tests.data.pdf5_heldout.make_report"""

from __future__ import annotations

from pathlib import Path

from tests.minipdf import Text, make_pdf

LEFT, RIGHT, GAP = 60.0, 316.0, 12  # column starts (points), line pitch
HEAD = "Tidal Energy Permits in Small Island States"
INSTITUTE = "Coastal Futures Institute"


def column(x: float, top: float, lines: list[str], size: float = 9.5) -> list[Text]:
    return [Text(x, top + GAP * i, line, size=size) for i, line in enumerate(lines)]


def running(page_no: int) -> list[Text]:
    """Even (left) pages: institute at the top left, folio bottom left; odd (right) pages: title at the top right,
    folio bottom right."""
    if page_no % 2 == 0:
        return [Text(LEFT, 40, INSTITUTE, size=8), Text(LEFT, 760, str(page_no), size=8)]
    return [Text(552 - 4.45 * len(HEAD), 40, HEAD, size=8), Text(545, 760, str(page_no), size=8)]


COVER = [
    Text(60, 90, "COASTAL FUTURES INSTITUTE", size=10, bold=True),
    Text(60, 220, "Tidal Energy Permits in", size=26, bold=True),
    Text(60, 252, "Small Island States", size=26, bold=True),
    Text(60, 300, "Marta Quiroga and Lene Holm", size=12),
    Text(60, 318, "March 2026", size=12),
    Text(60, 700, "Policy Brief No. 7", size=10),
]

P2_LEFT = [
    "he islands of the western Pacific import",
    "nearly all the fuel that runs their power",
    "stations, and every tanker that arrives",
    "sets the price of electricity for the next",
    "quarter. Tidal currents between the reefs",
    "are strong, regular and close to the towns",
    "that need the power.",
]
P2_LEFT_B = [
    "A single turbine array in a lagoon pass",
    "could replace a diesel generator that burns",
    "four million litres a year.",
]
P2_RIGHT = [
    "Yet only two arrays have been installed in",
    "the region since 2019, and both were built",
    "as pilots funded by development banks.",
]
P2_RIGHT_B = [
    "Developers describe the permit process as",
    "the main obstacle. A project needs a marine",
    "lease, an environmental licence and a grid",
    "agreement, each from a different agency.",
    "Key point: no island has a single desk for",
    "all three permits, and none publishes the",
    "time its decisions take.",
]


def page2() -> list[Text]:
    items = running(2)
    items.append(Text(LEFT, 80, "1. Why tidal power matters", size=14, bold=True))
    items.append(Text(LEFT, 130, "T", size=34))  # the drop cap, three lines deep
    items += [Text(LEFT + 24 if i < 3 else LEFT, 106 + GAP * i, line, size=9.5) for i, line in enumerate(P2_LEFT)]
    items += column(LEFT, 106 + GAP * 8, P2_LEFT_B[:2])
    end = LEFT + 4.3 * len(P2_LEFT_B[2])
    items += [Text(LEFT, 106 + GAP * 10, P2_LEFT_B[2], size=9.5), Text(end + 1, 106 + GAP * 10, "1", size=6, rise=4)]
    items.append(Text(LEFT, 700, "1 Fuel figures are national import statistics", size=7.5))
    items.append(Text(LEFT, 709, "for 2024, rounded to the nearest million litres.", size=7.5))
    items += column(RIGHT, 106, P2_RIGHT)
    items.append(Text(RIGHT, 106 + GAP * 4 + 4, "2. Permits in practice", size=14, bold=True))
    items += column(RIGHT, 106 + GAP * 6, P2_RIGHT_B)
    return items


P3_LEFT = [
    "Marine leases are granted by land boards",
    "that were set up for fishing rights. Their",
    "rules give the public sixty days to object,",
    "and the period starts again whenever the",
    "developer changes the layout of the array.",
]
P3_RIGHT = [
    "The grid agreement is the last permit and",
    "often the slowest. Utilities on small grids",
    "fear that a variable source will unsettle",
    "their diesel sets, and they ask developers",
    "to pay for batteries before they connect.",
]


def page3() -> list[Text]:
    items = running(3)
    items.append(Text(LEFT, 80, "2.1 Consultation periods", size=12, bold=True))
    items += column(LEFT, 100, P3_LEFT)
    items.append(Text(RIGHT, 80, "2.2 Grid connection", size=12, bold=True))
    items += column(RIGHT, 100, P3_RIGHT)
    return items


def page4() -> list[Text]:
    """A landscape figure page: the figure and its caption set sideways, the running head and folio upright."""
    items = running(4)
    items.append(Text(80, 700, "Figure 1: Permit decisions by year, 2019-2025", size=10, bold=True, angle=90))
    for k, tick in enumerate(("0", "5", "10", "15")):
        items.append(Text(120, 600 - 120 * k, tick, size=7, angle=90))
    for k, year in enumerate(("2019", "2021", "2023", "2025")):
        items.append(Text(140 + 90 * k, 650, year, size=7, angle=90))
    items.append(Text(520, 700, "Source: Coastal Futures Institute permit database.", size=8, angle=90))
    return items


def page5() -> list[Text]:
    return [Text(200, 396, "This page intentionally left blank", size=10)]


P6_LEFT = [
    "Governments can shorten the process without",
    "weakening it. A single desk that receives all",
    "three applications would let the agencies",
    "review a project at the same time.",
]
P6_RIGHT = [
    "Published decision times would show where",
    "the delays arise, and a consultation period",
    "that restarts only for material changes",
    "would spare developers months of waiting.",
]


def page6() -> list[Text]:
    items = running(6)
    items.append(Text(LEFT, 80, "3. Recommendations", size=14, bold=True))
    items += column(LEFT, 106, P6_LEFT)
    items += column(RIGHT, 106, P6_RIGHT)
    return items


def report() -> bytes:
    return make_pdf([COVER, page2(), page3(), page4(), page5(), page6()])


if __name__ == "__main__":
    Path(__file__).with_name("pdf5_heldout.pdf").write_bytes(report())
