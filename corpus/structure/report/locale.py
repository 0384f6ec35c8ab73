"""How Chinese and French reports label their parts: the words of captions, sources, contents pages and covers.

Regex fragments only, composed into the shared patterns (`patterns.py`, `contents.py`) so English rules stay as
they are. Chinese: 图/圖 and 表 captions ("图 1 …", "图1：…", "表 2-1 …"), sources 数据来源/资料来源/来源
("資料來源："), contents 目录/目 录/目錄; French: Graphique/Tableau/Carte/Schéma/Encadré, "Source :" (a space
before the colon), Sommaire / Table des matières.
"""

from __future__ import annotations

# caption words, in the alternation of patterns._CAPTION_RE (group 1 of a caption match)
CAPTION_WORDS = r"图|圖|表|Graphique|Tableau|Carte|Schéma|Encadré|GRAPHIQUE|TABLEAU|CARTE|SCHÉMA|ENCADRÉ"
TABLE_WORDS = frozenset({"table", "表", "tableau"})
# after a CJK caption number the caption runs on without a capital: "图 1 我国数字经济规模", "图1：…"
CAPTION_CJK_GAP = r"\s*[：．、]\s*|\s+(?=[\u3400-\u9fff“《（]|(?:19|20)\d\d)"
# source labels: "数据来源：", "资料来源:", "來源：", "出处："
SOURCE_LABELS = r"(?:数据|資料|资料|數據)?(?:来源|來源)|出处|出處"
CONTENTS_HEADS = r"目\s*录|目\s*錄|sommaire|table des matières"
# sentence-ending punctuation of CJK text (full-width), added to patterns._TERMINAL
CJK_TERMINAL = ("。", "！", "？", "；", "：", "」", "』")
