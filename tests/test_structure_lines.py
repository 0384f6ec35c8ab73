"""Line joining: dehyphenation decided by wordfreq, URLs rejoined across line breaks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.structure.lines import classify_url_hyphen, find_urls, join_lines, join_pair, keep_line_end_hyphen


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("Peterson Insti-", "tute for", "Peterson Institute for"),
        ("already well-", "documented, but", "already well-documented, but"),
        ("Rafael Okonjo-", "Miles, “Are", "Rafael Okonjo-Miles, “Are"),
        ("in the Euro-", "pean Union", "in the European Union"),
        ("Washing-", "ton", "Washington"),
        ("with-", "out one", "without one"),
        ("micro-", "innovators", "micro-innovators"),
        ("cross-", "border data", "cross-border data"),
        ("behind-the-", "scenes videos", "behind-the-scenes videos"),
        ("JD.com—", "collectively", "JD.com—collectively"),
        ("a plain", "line", "a plain line"),
    ],
)
def test_lines_join_pair_dehyphenates_by_word_frequency(left, right, joined):
    assert join_pair(left, right)[0] == joined


@pytest.mark.parametrize(
    ("left", "right", "joined", "ambiguous"),
    [
        ("see https://", "www.hoover.org/research.", "see https://www.hoover.org/research.", None),
        ("at https://www.", "csis.org/analysis.", "at https://www.csis.org/analysis.", None),
        ("http://tech.qq.com/a/013513.", "htm; and", "http://tech.qq.com/a/013513.htm; and", None),
        ("https://www.proj-", "ect-syndicate.org/x", "https://www.project-syndicate.org/x", None),
        ("https://x.example/chinas-emerging-cy-", "ber-governance", "https://x.example/chinas-emerging-cyber-governance", None),
        ("https://x.example/these-", "six-chinese-giants", "https://x.example/these-six-chinese-giants", None),
        ("https://x.example/wallet-for-foreigners-", "cb0416ee3898.", "https://x.example/wallet-for-foreigners-cb0416ee3898.", None),
        ("https://x.example/?view=history&", "from=2023-01.", "https://x.example/?view=history&from=2023-01.", None),
        ("https://www.youtube.com/watch?v=Fxpe-", "J1nYy9A.", "https://www.youtube.com/watch?v=Fxpe-J1nYy9A.",
         "https://www.youtube.com/watch?v=Fxpe-J1nYy9A"),
        # broken inside a word with no break character: the next line ends the address with its file name
        ("https://x.example/files/Jamming%20in%20Settin", "gs.pdf. See also", "https://x.example/files/Jamming%20in%20Settings.pdf. See also", None),
        # ... but a word after an address ending a line stays a word
        ("see https://x.example/reports", "and the annex.", "see https://x.example/reports and the annex.", None),
        ("see https://www.example.org", "index.html for more", "see https://www.example.org index.html for more", None),
    ],
)
def test_lines_join_pair_repairs_urls(left, right, joined, ambiguous):
    text, start, url = join_pair(left, right)
    assert text == joined
    assert url == ambiguous
    assert text[start:] == right or text.endswith(right)


def test_lines_join_pair_keeps_sentence_end_after_url():
    text, _, _ = join_pair("http://x.example/a.pdf.", "Next sentence here.")
    assert text == "http://x.example/a.pdf. Next sentence here."


@pytest.mark.parametrize(
    ("left", "right", "verdict"),
    [("proj", "ect", "drop"), ("peer", "lending", "keep"), ("2017", "12", "keep"), ("Fxpe", "J1nYy9A", "ambiguous")],
)
def test_lines_classify_url_hyphen(left, right, verdict):
    assert classify_url_hyphen(left, right) == verdict


@pytest.mark.parametrize(("left", "right", "keep"), [("Insti", "tute", False), ("well", "documented", True)])
def test_lines_keep_line_end_hyphen(left, right, keep):
    assert keep_line_end_hyphen(left, right) is keep


def test_lines_join_lines_reports_line_starts():
    joined = join_lines(["The Insti-", "tute said", "so."])
    assert joined.text == "The Institute said so."
    assert [joined.text[s:s + 3] for s in joined.starts] == ["The", "tut", "so."]


def test_lines_find_urls_strips_sentence_punctuation():
    assert find_urls("see https://a.example/x.html, and (https://b.example/y).") == (
        "https://a.example/x.html",
        "https://b.example/y",
    )


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40), max_size=8))
def test_lines_join_lines_starts_in_range(lines):
    joined = join_lines(lines)
    assert len(joined.starts) == len(lines)
    assert all(0 <= start <= len(joined.text) for start in joined.starts)
