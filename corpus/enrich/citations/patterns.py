"""Vocabulary and regular expressions of footnote citations (dates, quotes, locators, kinds of works)."""

from __future__ import annotations

import re


_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef《》"
_CJK_RE = re.compile(f"[{_CJK}]")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", re.I)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"  # September 22, 2017
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+(?:19|20)\d\d"  # 16th December 2015
    rf"|(?:{_MONTHS})\.?,?\s+(?:19|20)\d\d"  # December 2017
    r"|(?<![\d/.\-–])(?<![A-Z]\()(?:19|20)\d\d(?![\d/\-–]|\.\d))"  # 2016, not 2016/679, 2019-24 or COM(2018)
)
_QUOTE_OPEN = "“\"«"

# an EU document number: "(COM(2018) 795 final)", "(JOIN(2020) 18 final)"
_DESIGNATION = re.compile(r"\s*\(\s*(?:COM|JOIN|SWD|SEC|C)\s*\(\d{4}\)\s*\d+(?:\s*final)?\s*\)")
_AUX = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|shall|does|did)\b")

# descriptors printed after a title: ", final report", " information webpage"
_DESCRIPTOR = re.compile(
    r"(?:,\s*|\s+)(?:(?:final|independent|expert|annual|activity|technical|summary|information|research|policy)\s+)*"
    r"(?P<what>report|webpage|web page|website|study|brief|factsheet)$"
)
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "”»"}
_LOCATOR = re.compile(
    r"\b(?:pp?\.\s*[\dA-Za-z]+(?:\s*[-–]\s*\d+)?|paras?\.?\s*\d+|paragraphs?\s+\d+(?:\s*(?:and|-|–)\s*\d+)?"
    r"|Articles?\s+\d+(?:\(\d+\))?|Recital\s+\d+|Section\s+[\d.]+|chap(?:ter)?\.?\s*\d+)",
    re.I,
)
_LEADS = re.compile(
    r"(?:(?:see|cf\.)(?:\s+also)?(?:,?\s+(?:for example|e\.g\.|in particular|generally))?,?\s+(?:the\s+(?=[A-Z0-9]{2,}))?"
    r"|e\.g\.,?\s+|for example,?\s+|as cited in\s+|and\s+|also\s+)+",
    re.I,
)
_IBID = re.compile(r"^\s*(?:ibid|ibidem|id)\b\.?", re.I)
_OP_CIT = re.compile(r",?\s*(?:op\.\s*cit|loc\.\s*cit)\.?", re.I)
_ET_AL = re.compile(r",?\s+et\s+al\.?$")
_ED = re.compile(r",?\s+(?:ed|eds|ed\.|eds\.|editor|editors)\.?$", re.I)
_NAME_TOKEN = r"(?:[A-Z][a-zà-ÿ'’\-]+(?:-[A-Z][a-zà-ÿ]+)?|[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z][a-z]?[A-Z][a-z]+)"
_PARTICLE = r"(?:van|von|de|der|den|du|da|di|le|la|bin|al)"
_PERSON = re.compile(rf"^(?:{_PARTICLE}\s+)?{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{0,3}}$")
_ORG_WORDS = re.compile(
    r"\b(?:Department|Ministry|Office|Agency|Bureau|Commission|Council|Committee|Institute|Institution|Center|"
    r"Centre|University|College|School|Association|Society|Foundation|Group|Company|Corporation|Inc|Ltd|LLC|"
    r"Bank|Fund|Organization|Organisation|Administration|Authority|Board|Service|Services|Force|Network|"
    r"Parliament|Court|Union|Nations|Conference|Forum|Academy|Research|Project|Press|News|Times|Post|Daily|"
    r"Journal|Review|Magazine|Blog|Podcast|Watch|Programme|Program|Initiative|Party|Congress|Senate|House|"
    r"Government|State|Standards|Federal|National|International|Global|Partners|Capital|Labs?|Technology)\b"
)
_NEWS_OUTLET = re.compile(
    r"\b(?:News|Times|Post|Daily|Herald|Tribune|Gazette|Reuters|Bloomberg|Xinhua|Associated Press|AP|AFP|"
    r"Economist|Guardian|Telegraph|Journal|Wire|Chronicle|Observer|Forbes|Wired|TechCrunch|Caixin|"
    r"Fortune|Atlantic|Politico|Axios|The Information|Foreign Policy|Nikkei|Yomiuri|Asahi|CNN|BBC|NPR|CNBC|"
    r"Technode|Techinasia|Quartz|Verge|Vox|Fast Company|Adweek|AdWeek|Magazine|Online|网|日报|新闻|财经|科技)\b|"
    r"(?:网|日报|新闻|财经|科技|时报)$",
    re.I,
)
_JOURNAL = re.compile(r"\b(?:Journal|Review|Quarterly|Law Review|Proceedings|Annals|Letters|Transactions)\b")
_PUBLISHER = re.compile(r"\b(?:Press|Books|Publishing|Publishers|Education|Verlag|Routledge|Wiley|Springer|Elsevier|MacMillan|Macmillan|Penguin|Norton)\b")
_LAW = re.compile(
    r"\b(?:Regulation|Directive|Decision|Act|Acts|Law|Code|Charter|Treaty|Convention|Executive Order|"
    r"Memorandum|Order|Opinion|Guidelines?|Plan|Notice|Strategy|Declaration|White Paper|Communication|"
    r"Policy|Rule|Rulemaking|Bill|Statute|Constitution|Recommendation|Resolution|U\.S\.C\.|C\.F\.R\.|"
    r"Federal Register|Official Journal)\b|\bCase\s+C[-‑‐]\d+|\sv\.?\s|[\u4e00-\u9fff](?:法|条例|意见|规划|通知|纲要|办法|规定|决定|战略|计划|方案)",
)
_COURT_CASE = re.compile(r"\s+v\.?\s+|\(C[-‑‐]\d+/\d+\)|\bCase\s+C[-‑‐]\d+")
_SPEECH = re.compile(r"\b(?:press release|speech|remarks|testimony|statement|address|interview)\b|讲话|答记者问|发言", re.I)
_REPORT = re.compile(r"\b(?:Report|Paper|Briefing|Brief|Study|Survey|Outlook|RFC|Request for Comments|Working Group|Task Force|Institute|Center|Centre|Group|Commission|Insights|Critical Questions)\b")
_DATASET = re.compile(r"\b(?:dataset|data set|database|statistics)\b", re.I)
_OTHER = re.compile(r"\b(?:Standard|Specification|podcast|Podcast|unpublished|draft|Technical Specification)\b")
_COMMENT_START = re.compile(
    r"^(?:we |i |the |this |these |those |there |it |in |on |for |a |an |all |each |as |at |by |from |if |when |"
    r"while |since |although |our |its |their |most |many |some |e\.g\.|note |interview|interveiw|email|e-mail|phone|"
    r"conversation|discussion|author|correspondence)",
    re.I,
)
_ACCESSED = re.compile(r"\b(?:accessed|retrieved|viewed|last visited)(?:\s+on)?\s*$", re.I)
_VOLUME_TAIL = re.compile(r"(?:,?\s+(?:vol\.|no\.|volume|issue)?\s*\d[\d()\s.:-]*)+$", re.I)
_PROSE_OPENER = re.compile(
    r"(?:we|i|our|this|these|those|there|it|in|on|for|as|at|if|when|while|since|although|note|interview|interveiw|e-?mail)\b", re.I
)
_FUNCTION_WORDS = frozenset("the a an to of in on for with by that which is are was were be been has have had it its this these as at from not and or but we our they their".split())
