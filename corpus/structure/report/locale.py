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
# headings that open the body (a page they head is no cover), as in cover._BODY_START_RE and patterns._BACKMATTER_RE
FRONT_HEADS = (r"前\s*言|序\s*言|引\s*言|摘\s*要|内容摘要|內容摘要|执行摘要|執行摘要|导\s*言|導\s*言|概\s*要|"
               r"résumé|résumé exécutif|synthèse|avant-propos|préface")
BACK_HEADS = (r"结\s*语|結\s*語|结束语|結束語|参考文献|參考文獻|附\s*录|附\s*錄|致\s*谢|致\s*謝|后\s*记|後\s*記|"
              r"bibliographie|annexes?|remerciements|conclusions? générales?|recommandations")
LEGAL_HEADS = r"版权声明|版權聲明|免责声明|免責聲明|mentions légales|avertissement|avis de non-responsabilité"
# the kind of publication printed on its own line of a cover: "Rapport", "Note d'analyse", "白皮书"
GENRE_LINES = (r"rapport(?:\s+(?:annuel|d['’]information|de recherche))?|note(?:\s+d['’]analyse|\s+de synthèse)?|étude|"
               r"document de travail|livre blanc|policy paper|白皮书|白皮書|蓝皮书|藍皮書|研究报告|研究報告")
# the note printed under a figure: "注：…", "说明：…", "Note : …" (patterns._FIGURE_NOTE_RE)
FIGURE_NOTE_LABELS = r"注|註|说明|說明|Remarques?"
# "Par Claire Dubois", "Sous la direction de …" (cover._BY_RE)
BY_LINES = r"par|sous la direction de|coordonné par|rédigé par"
# capitals a numbered heading's title may open with (patterns._NUMBERED_HEADING_RE): accented and guillemets
HEADING_OPENERS = "À-ÖØ-Ý«"
