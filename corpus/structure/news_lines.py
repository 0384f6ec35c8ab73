"""Web page furniture in news items: what a line is when it is not article text, and why it is dropped.

Each rule is about how web pages are made (breadcrumbs, share and follow widgets, counters, copyright
and contact footers, photo credits, end marks), never about one site's wording. Every rule returns a
short reason code, so dropped lines are counted per reason (datatrove style) instead of vanishing.

Widget labels are data, not code: `data/web_widgets.yaml` lists, per reason, the words share bars
("Facebook", "Partager", "微博"), reader tools ("Save", "Lire plus tard", "字号 大 中 小"), advert slots,
page navigation, feedback and most-read blocks and photo agencies print; a line made only of them is
furniture (`widget_line`). `data/byline_words.yaml` lists role and organisation words, so that a byline
part "Senior Fellow" or "Harbour Institute" is not taken for a person, and an author's note at the end
("Jane Roe is a senior fellow at ...") is recognised (`author_bio`). Patterns cover what has a shape
rather than a vocabulary: reading times, newsletter prompts in the site's voice, disclaimers, paywall
notices, republication notes and relative stamps ("3 hours ago", which date nothing).

Chinese rules are written once, in simplified characters, and matched against a simplified view of the
line (`simplified`): the view is converted character by character, so it has the same length as the
original and any offset found in it is an offset in the original text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

# Reason codes for removed lines (the card's statistics group by them).
TITLE_REPEAT = "title_repeat"  # the headline printed again (or as the HTML title with the site name)
HEADER = "header"  # site name, masthead, section label before the title
BREADCRUMB = "breadcrumb"
METADATA = "metadata"  # date/source/author/editor line (its parts become fields)
NAVIGATION = "navigation"  # previous/next links
RELATED = "related"  # related/dossier/"watch again" blocks
SHARE = "share_follow"  # share, follow, subscribe, print buttons
ADVERT = "advertisement"
COOKIES = "cookie_notice"  # cookie consent and "enable JavaScript" banners
COUNTER = "counter"  # views, comments, likes
COMMENTS = "comments_widget"
COPYRIGHT = "copyright"
CONTACT = "contact"
PHOTO_CREDIT = "photo_credit"
IMAGE = "image"
END_MARK = "end_mark"
BACK_TO_TOP = "back_to_top"
WIDGET = "widget_residue"  # bullets, form fields, digit runs, empty labels
FOOTER = "footer"  # short non-sentence lines after the article text
AUTHOR_BIO = "author_bio"  # "Jane Roe is a senior fellow at ...", "（作者系…）" after the article
DISCLAIMER = "disclaimer"  # "The views expressed are the author's own", "本文仅代表作者观点"
PAYWALL = "paywall"  # "Réservé aux abonnés", "Il vous reste 80% de cet article à lire"


_VOCABULARY_FILE = Path(__file__).resolve().parent / "data" / "web_widgets.yaml"
# vocabulary group -> reason code, in the order a mixed line is attributed ("Share 12 Save" is a share bar)
_VOCABULARY_REASONS = (("advert", "advertisement"), ("share", "share_follow"), ("navigation", "navigation"),
                       ("related", "related"), ("reader_tools", "widget_residue"), ("feedback", "widget_residue"),
                       ("photo_credit", "photo_credit"))
_WIDGET_SEP = r"[\s|｜·•/,，、:：;.!?？！\-–—()（）\[\]【】<>«»]*"
_WIDGET_NUMBER = r"(?:\d[\d,.]*\s*(?:[kK万]|min\w*|mn|sec|s)?\.?|\d{1,2}:\d\d)(?![a-z0-9])"


@functools.lru_cache(maxsize=1)
def _widget_vocabulary() -> re.Pattern[str]:
    """One pattern per vocabulary group (data/web_widgets.yaml), each phrase ending at a word boundary
    for Latin letters (CJK labels may be glued: "微信微博")."""
    import yaml

    data = yaml.safe_load(_VOCABULARY_FILE.read_text(encoding="utf-8"))
    groups = []
    for group, _ in _VOCABULARY_REASONS:
        phrases = sorted({str(p).casefold() for p in data.get(group) or ()}, key=len, reverse=True)
        alt = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
        groups.append(f"(?P<{group}>(?:{alt})(?![a-z0-9à-ÿ]))")
    return re.compile("|".join(groups) + f"|(?P<number>{_WIDGET_NUMBER})", re.I)


_BYLINE_WORDS_FILE = Path(__file__).resolve().parent / "data" / "byline_words.yaml"


@functools.lru_cache(maxsize=4)
def _byline_words(group: str) -> re.Pattern[str]:
    """Role or organisation words of bylines (data/byline_words.yaml) as one pattern: whole words in
    Latin script, substrings in Chinese."""
    import yaml

    data = yaml.safe_load(_BYLINE_WORDS_FILE.read_text(encoding="utf-8"))
    phrases = sorted({str(p).casefold() for p in data.get(group) or ()}, key=len, reverse=True)
    latin = [p for p in phrases if not any(_is_cjk(ch) for ch in p)]
    cjk = [p for p in phrases if any(_is_cjk(ch) for ch in p)]
    alt = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in latin)
    pattern = rf"(?<![\w'’-])(?:{alt})(?![\w'’-])"
    if cjk:
        pattern += "|" + "|".join(re.escape(p) for p in cjk)
    return re.compile(pattern, re.I)


def role_phrase(text: str) -> bool:
    """The text holds a person's role word ("Senior Fellow", "correspondante", "研究员")."""
    return _byline_words("person_roles").search(simplified(text)) is not None


def organisation_phrase(text: str) -> bool:
    """The text holds an organisation word ("Harbour Institute", "Observatoire des réseaux", "研究院")."""
    return _byline_words("organisation_words").search(simplified(text)) is not None


def widget_line(line: str) -> str | None:
    """The reason code of a line made only of widget labels from the vocabularies ("Share", "Facebook",
    "Save", "Listen to this article · 4 min", "微信 微博 QQ空间", "Story continues below advertisement"),
    with separators, counters or durations between them; None when any other word is on the line."""
    view = simplified(line.strip()).casefold()
    if not view or len(view) > 120:
        return None
    pattern, sep = _widget_vocabulary(), re.compile(_WIDGET_SEP)
    found: set[str] = set()
    pos = sep.match(view).end()
    while pos < len(view):
        match = pattern.match(view, pos)
        if match is None:
            return None
        found.add(match.lastgroup or "")
        pos = sep.match(view, match.end()).end()
    return next((reason for group, reason in _VOCABULARY_REASONS if group in found), None)


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


@functools.lru_cache(maxsize=1)
def _converters():  # noqa: ANN202 - opencc has no public types
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


@functools.lru_cache(maxsize=65536)
def _t2s_char(ch: str) -> str:
    converted = _converters()[0].convert(ch)
    return converted if len(converted) == 1 else ch


def simplified(text: str) -> str:
    """`text` with traditional Chinese characters replaced by simplified ones, same length (char by char)."""
    if not any("\u3400" <= ch <= "\u9fff" for ch in text):
        return text
    return "".join(_t2s_char(ch) if "\u3400" <= ch <= "\u9fff" else ch for ch in text)


def detect_script(text: str) -> str | None:
    """ISO 15924 script of Chinese text: "Hant" or "Hans" by which characters change under conversion;
    None when the text has no Han characters or gives no evidence either way."""
    t2s, s2t = _converters()
    han = "".join(ch for ch in text[:20_000] if "\u3400" <= ch <= "\u9fff")
    if not han:
        return None
    traditional = sum(1 for a, b in zip(han, t2s.convert(han)) if a != b)
    simple = sum(1 for a, b in zip(han, s2t.convert(han)) if a != b)
    if traditional == simple:
        return None
    return "Hant" if traditional > simple else "Hans"


def words(text: str) -> int:
    """Latin words plus one per three CJK characters (a rough equivalent for length rules)."""
    cjk = sum(1 for ch in text if _is_cjk(ch))
    return len([w for w in text.split() if not all(_is_cjk(c) for c in w)]) + cjk // 3


SENTENCE_END = re.compile(r"[.!?。！？…]$|[.!?。！？][\"'”’»」』)）]$")


def is_sentence(line: str) -> bool:
    """Article text: ends a sentence and is long enough to be one, or is long whatever its end."""
    text = line.strip()
    cjk = sum(1 for ch in text if _is_cjk(ch))
    if cjk >= len(text) / 2:
        return len(text) >= 80 or (SENTENCE_END.search(text) is not None and len(text) >= 12)
    n = len(text.split())
    return n >= 40 or (SENTENCE_END.search(text) is not None and n >= 6)


# --- rules ----------------------------------------------------------------------------------------

_BREADCRUMB_START = re.compile(
    r"^(?:现在位置|当前位置|您的位置|你的位置|所在位置|位置|you\s+are\s+here|vous\s+êtes\s+ici)\s*[:：]", re.I
)
_HOME = r"(?:home|accueil|page\s+d['’]accueil|首页|主页|inicio|startseite)"
_CRUMB_SEP = re.compile(r"\s*(?:>>|>|›|»|→|/|\\|＞|》)\s*")
_SHARE = re.compile(
    r"^(?:(?:share|partager|partagez|partez|teilen|compartir|tweet|分享到|分享)"
    r"(?:\s+(?:this|cet|cette|l['’]\w+|on|sur|via|to|the|article|story|page|auf)\b.*|\s*[:：].*)?"
    r"|(?:suivez[- ]nous|follow\s+us|retrouvez[- ]nous|rejoignez[- ]nous|join\s+us|关注我们|扫一扫|扫码|微信扫|"
    r"email\s+this|print(?:\s+this)?|imprimer)\b.*)$",
    re.I,
)
_SUBSCRIBE = re.compile(
    r"^(?:subscribe|sign\s+up|newsletter|abonnez[- ]vous|inscrivez[- ]vous|s['’]abonner|click\s+here|cliquez\s+ici|"
    r"订阅|关注|扫一扫|扫码|打印本页|打印|关闭窗口|关闭|纠错|【纠错】|print\s+this|imprimer|download\s+the\s+app)", re.I
)
_NEWSLETTER_NOUN = re.compile(
    r"newsletters?|inbox|lettres?\s+d['’]info(?:rmation)?s?|infolettres?|电子报|邮件订阅|订阅号|公众号", re.I)
_NEWSLETTER_VERB = re.compile(
    r"\b(?:subscribe|sign\s+up|signup|register|get|receive|delivered|abonnez|abonner|inscrivez|inscrire|recevez|recevoir)|订阅|注册|获取|关注",
    re.I)
# the site speaks: its own newsletter ("our", "notre", "本站") or an order to the reader at the start
_SITE_VOICE = re.compile(
    r"\b(?:our|notre|nos)\b|本站|本网|我们的|^(?:subscribe|sign\s+up|get|receive|don['’]t\s+miss|abonnez|inscrivez|recevez|ne\s+manquez)\b|^(?:订阅|关注|欢迎订阅|扫码)",
    re.I)
_COOKIES = re.compile(r"\bcookies?\b.*\b(?:use|accept|consent|agree|utilis|paramètres|settings|policy)", re.I)
_JAVASCRIPT = re.compile(r"(?:enable|activer|activez)\s+(?:le\s+)?javascript|javascript\s+(?:is\s+)?(?:disabled|required|désactivé)", re.I)
_READER = re.compile(r"\b(?:we|our|you|your|this\s+(?:web\s*)?site|nous|notre|nos|vous|votre|ce\s+site)\b|本网站|本站|您", re.I)
_LISTEN = re.compile(r"^(?:listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?|[ée]couter(?:\s+(?:cet|l['’])\s*article)?|play\s+audio|收听|语音播报)\s*[:：]?\s*(?:\d+\s*(?:min\w*|:\d\d))?$", re.I)
_AD = re.compile(r"^(?:advertisement|advertising|sponsored(?:\s+content)?|publicité|annonce|广告|推广)$", re.I)
_READING_TIME = re.compile(
    r"^(?:(?:(?:estimated|est\.?)\s+)?(?:reading|read)\s+time|temps\s+(?:de\s+)?lecture|dur[ée]e\s+de\s+lecture|lecture|lesezeit)"
    r"\s*[:：]?\s*(?:~|about|approx\.?|environ|env\.?|ca\.?)?\s*\d+\s*(?:min(?:ute)?s?|mn)\.?$"
    r"|^\d+\s*[-‑]?\s*(?:min(?:ute)?s?|mn)\.?\s*(?:read|reading|de\s+lecture|lecture)\.?$"
    r"|^(?:本文)?(?:预计)?阅读(?:时间|时长|需要|需)?\s*[:：]?\s*(?:约|大约|仅需)?\s*\d+\s*分钟(?:左右)?$",
    re.I,
)
_FONT_SIZE = re.compile(r"^[【\[(（]?\s*(?:(?:字号|字体|字级|字型|文字)(?:大小|设定|设置|调整)?|font(?:\s+size)?|taille)?\s*[:：]?\s*(?:[大中小]\s*){2,3}[】\])）]?$|^(?:A\s*[+-]?\s*){2,3}$", re.I)
_SHARE_NETWORKS = re.compile(r"^(?:(?:facebook|twitter|x|linkedin|weibo|wechat|微博|微信|whatsapp|telegram|email|e-mail|qq)\s*[,/|·]?\s*){2,}$", re.I)
_COMMENTS = re.compile(
    r"^(?:\d+\s*)?(?:comments?|commentaires?|commenter|评论|发表评论|网友评论|留言|leave\s+a\s+(?:comment|reply)|"
    r"blog\s+comments\s+powered\s+by\s+\w+|comments\s+powered\s+by\s+\w+|votre\s+(?:pseudo|commentaire|e-?mail))\b.{0,30}$",
    re.I,
)
_COUNTER_TOKEN = r"(?:\d[\d,.]*\s*[kKmM万]?\s*(?:views?|comments?|likes?|shares?|reads?|vues?|lectures?|次|人)?|" \
                 r"(?:views?|comments?|likes?|vues?|(?:点击|阅读|浏览|点阅|点播|访问|观看)(?:人次|次数|量|数)?|点赞|评论数?|人气)\s*[:：]?\s*\d[\d,.]*\s*[kK万]?)"
_COUNTER = re.compile(rf"^(?:{_COUNTER_TOKEN})(?:\s*[|·/]?\s*(?:{_COUNTER_TOKEN}))*$", re.I)
_RELATED = re.compile(
    r"^(?:dossiers?|related(?:\s+(?:articles?|stories|content|topics?|coverage))?|more\s+(?:on\s+this|stories|news)|"
    r"you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|[àa]\s+(?:vous\s+de\s+)?(?:\(re\))?(?:re)?voir(?:\s+aussi)?|"
    r"voir\s+aussi|[àa]\s+lire(?:\s+aussi)?|sur\s+le\s+m[êe]me\s+sujet|nos\s+dossiers|en\s+images|"
    r"相关(?:报道|新闻|阅读|链接|文章|稿件)|延伸阅读|推荐阅读|热点推荐|热门推荐|猜你喜欢|专题)(?:\s*[:：>»].*)?$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"(?:^copyright\b|copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s*\d{4}|all\s+rights\s+reserved|tous\s+droits\s+(?:de\s+reproduction\s+)?réservés|^reproduction\s+(?:totale\s+ou\s+partielle\s+)?interdite|版权所有|保留所有权利|"
    r"未经\S{0,10}(?:授权|许可)\S{0,8}(?:不得|禁止|严禁)\S{0,6}(?:转载|复制|使用)|(?:转载|复制)请注明|(?:不得|禁止|严禁)转载|icp备|icp证)", re.I
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_CONTACT = re.compile(r"(?:contact|e-?mail|邮箱|联系我们|联系电话|tél|tel\.?|phone)\b", re.I)
_BACK_TO_TOP = re.compile(r"^(?:[↑▲^]\s*)?(?:back\s+to\s+top|haut\s+de\s+(?:la\s+)?page|retour\s+en\s+haut|返回顶部|回到顶部|top)\s*[↑▲^]?$", re.I)
# wire and government end marks: "(完)", "Fin", "-30-", "Enditem" (Xinhua), "Ends" and "NNNN" (press releases), "完"
_END_MARK = re.compile(r"^(?:[(（]\s*(?:完|终|end|fin)\s*[)）]|fin|end|ends|enditem|nnnn|完|-+\s*30\s*-+|#{3}|[—-]+\s*end\s*[—-]+|【\s*完\s*】)$", re.I)
_END_MARK_TAIL = re.compile(
    r"(?<=[.!?。！？”\"»)）])\s*(?:[(（]\s*(?:完|终|[Ee]nd|END|[Ff]in|FIN)\s*[)）]|Fin|FIN|END|Enditem|ENDITEM|-+\s*30\s*-+|【\s*完\s*】)\s*$"
)
_PHOTO_LABEL = re.compile(
    r"^[(（]?\s*(?:(?:featured|header|hero|top|cover|lead|main)\s+(?:image|photo)|photo(?:\s+(?:credit|by))?|photos?|crédits?\s+photos?|photo\s*:|图片来源|图片|图|摄影|摄|供图|"
    r"image(?:\s+credit)?|source\s+(?:de\s+l['’])?(?:image|photo)|illustrations?|infographi[ce]s?|graphique|dessin|"
    r"制图|设计|漫画|视频)\s*[:：/／]"
    r"|^[(（]?\s*(?:(?:photo(?:graph)?s?|image|picture|illustration)\s+(?:by|courtesy(?:\s+of)?|credit)|courtesy\s+of|"
    r"photos?\s+de|cr[ée]dits?\s*(?:photos?)?\s*(?=[:：])|©\s*photo)\s*[:：]?\s*(?=\S)", re.I
)
_PHOTO_AGENCY_SLASH = re.compile(r"^[(（]\s*[A-Z][\w.'’ -]{1,40}/[\w.'’ -]{2,60}[)）]$")
# "REUTERS/Jane Roe", "AP Photo/John Doe": agency and photographer, capitalised, without brackets
_PHOTO_SLASH_BARE = re.compile(r"^[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,3}\s?/\s?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}$")
_PHOTO_CN = re.compile(r"^[(（]?[^()（）]{0,30}(?:摄|供图|图)[)）]?$")
# a short caption closed by its credit in brackets: "论坛现场（经发局提供）", "签约仪式（记者王明摄）"
_CAPTION_CN_CREDIT = re.compile(r"^[^()（）。！？]{1,40}[(（](?P<credit>[^()（）]{1,24}?(?:提供|摄影|摄|供图))[)）]$")
# a courtesy credit alone in brackets, as printed after a caption's last sentence: "（资讯工程学系提供）"
# (data and documents supplied by someone are not a photo: "（数据由市统计局提供）")
_BRACKETED_COURTESY = re.compile(r"^[(（](?P<credit>(?!数据|资料|材料|信息)[^()（）\s，,。、]{2,16}?提供)[)）]$")
_MEDIA_ITEM = re.compile(
    r"^(?:video|watch|vid[ée]o|视频|audio|podcast|listen|[ée]couter)\s*[:：|]\s*.{1,150}?[(（\[]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*[)）\]]?$", re.I)
_NUMERIC_DATE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d|(?:19|20)\d\d\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,2}")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔［\[(（]\s*(?:19|20)\d\d\s*[〕］\])）]\s*第?\s*\d{1,5}\s*号$")
_BULLET_ONLY = re.compile(r"^[•·●▪■◆◇○*\-–—]+(?:\s+\S.{0,30})?$")
_DIGIT_RESIDUE = re.compile(r"^[\d\s.,:;/|_-]+$")
_EMPTY_LABEL = re.compile(r"^[^.!?。！？:：]{1,40}\s*[:：]$")


def _crumbs(line: str) -> list[str] | None:
    parts = [p for p in _CRUMB_SEP.split(line) if p.strip()]
    return parts if len(parts) >= 2 else None


def breadcrumb(line: str) -> bool:
    """ "Accueil> CHINE", "首页 > 财经 > 正文", "现在位置：首页 > 新闻": a path of short links from the home page."""
    view = simplified(line.strip())
    if _BREADCRUMB_START.match(view):
        return True
    if not re.search(r">|›|»|→|＞", view):
        return False
    parts = _crumbs(view)
    if not parts or len(parts) > 8:
        return False
    short = [len(p.split()) <= 4 and len(p) <= 30 for p in parts]
    home = re.match(_HOME, parts[0].strip(), re.I) is not None
    if all(short) and (home or len(parts) >= 3):
        return True
    # from the home page down to the page itself, whose crumb is its title, however long ("Home > News > Centre
    # Hosts Workshop on Semicond...")
    home = re.fullmatch(_HOME, parts[0].strip(), re.I) is not None
    return home and all(short[:-1]) and len(parts[-1].split()) <= 30 and len(parts[-1]) <= 200


def photo_credit(line: str) -> str | None:
    """The credit of a photo-credit line ("(Xinhua/Luo Xiaoguang)", "图片来源：X", "Photo: X", a short caption closed by
    its credit in brackets "论坛现场（经发局提供）"), else None."""
    stripped = line.strip()
    view = simplified(stripped)
    if len(stripped) > 80:
        return None
    match = _PHOTO_LABEL.match(view)
    if match:
        return stripped[match.end() :].strip(" )）") or None
    if _PHOTO_AGENCY_SLASH.match(stripped) or _PHOTO_SLASH_BARE.match(stripped):
        return stripped.strip("()（） ")
    if _PHOTO_CN.match(view) and re.search(r"(?:记者|摄|供图)", view) and len(stripped) <= 30:
        return stripped.strip("()（） ")
    match = _CAPTION_CN_CREDIT.match(view) or _BRACKETED_COURTESY.match(view)
    if match:
        return stripped[match.start("credit") : match.end("credit")]
    return None


def strip_end_mark(paragraph: str) -> tuple[str, str | None]:
    """Remove an end mark glued to the end of the last paragraph ("... en mars. Fin"); (text, mark)."""
    match = _END_MARK_TAIL.search(paragraph)
    if not match or match.start() == 0:
        return paragraph, None
    return paragraph[: match.start()].rstrip(), match.group().strip()


def furniture_reason(line: str) -> str | None:
    """Why a line is page furniture wherever it stands, or None when the line may be article text."""
    stripped = line.strip()
    view = simplified(stripped)
    if _END_MARK.match(view):
        return END_MARK
    if breadcrumb(stripped):
        return BREADCRUMB
    if re.fullmatch(r"[\d\s]*\d{8,}[\d\s]*", stripped):
        return WIDGET  # long digit ids left by widgets and trackers
    if _COUNTER.match(view) and not _NUMERIC_DATE.fullmatch(stripped):  # "22/05/2024" alone is a date, not a counter
        return COUNTER
    if photo_credit(stripped) is not None:
        return PHOTO_CREDIT
    short = words(stripped) <= 12
    # widget labels are not sentences: a short line that ends one ("Share prices rose.") is article text
    label_like = short and not (SENTENCE_END.search(stripped) and words(stripped) >= 4)
    if _COPYRIGHT.search(view) and len(stripped) <= 200 and not is_long_sentence(stripped):
        return COPYRIGHT
    if _EMAIL.search(stripped) and (_CONTACT.search(view) or words(stripped) <= 30):
        return CONTACT
    if _BACK_TO_TOP.match(view):
        return BACK_TO_TOP
    if label_like and (_SHARE.match(view) or _SHARE_NETWORKS.match(view) or _SUBSCRIBE.match(view)):
        return SHARE
    if _AD.match(view):
        return ADVERT
    widget = widget_line(stripped)
    if widget is not None:
        return widget
    if newsletter_prompt(stripped):
        return SHARE
    if words(stripped) <= 60 and _DISCLAIMER.search(view) and (
        re.search(r"author|auteur|autrice|作者|writer|contributor|individual|personal|personnel|本(?:网|站|报|刊)", view, re.I)
    ):
        return DISCLAIMER
    if words(stripped) <= 40 and _PAYWALL.search(view):
        return PAYWALL
    if words(stripped) <= 40 and _REPUBLISHED.match(view):
        return METADATA
    if _MEDIA_ITEM.match(view):
        return WIDGET  # an embedded video or audio player's title with its running time
    if _DOC_NUMBER.match(view):
        return METADATA  # an official document's number under its title ("国办发〔2024〕12号")
    if _RELATIVE_STAMP.match(view):
        return METADATA  # a relative stamp ("3 hours ago") dates nothing: out of the text, no date taken
    if (_COOKIES.search(view) and _READER.search(view) or _JAVASCRIPT.search(view)) and words(stripped) <= 60:
        return COOKIES
    if _LISTEN.match(view):
        return WIDGET
    if _READING_TIME.match(view) or _FONT_SIZE.match(view):
        return WIDGET
    if label_like and _COMMENTS.match(view):
        return COMMENTS
    if label_like and _RELATED.match(view):
        return RELATED
    if _BULLET_ONLY.match(stripped) and not re.search(r"\w", stripped):
        return WIDGET  # a bullet with nothing after it: residue of a widget or form
    if re.fullmatch(r"([^\w\s])\1{2,}", unicodedata.normalize("NFKC", stripped).replace(" ", "")):
        return WIDGET  # a rule drawn with one symbol ("＊＊＊＊", "=====", "~~~") under a headline or between blocks
    if _DIGIT_RESIDUE.match(stripped) and not re.search(r"\d{4}[-/.]\d", stripped) and not _NUMERIC_DATE.fullmatch(stripped):
        return WIDGET
    return None


_DISCLAIMER = re.compile(
    r"views?\s+(?:and\s+opinions\s+)?expressed|opinions?\s+expressed|do(?:es)?\s+not\s+necessarily\s+(?:reflect|represent)|"
    r"opinions?\s+exprimées?|n['’]engagent?\s+que|ne\s+reflètent?\s+pas\s+nécessairement|"
    r"仅代表作者|仅代表个人|不代表本(?:网|站|报|刊|平台|号)|文章观点(?:仅)?代表|作者个人观点|文责自负",
    re.I,
)
_PAYWALL = re.compile(
    r"^(?:article\s+)?r[ée]serv[ée]e?\s+aux\s+abonn[ée]s|^(?:for\s+)?subscribers?\s+only|^subscriber\s+exclusive|^premium$|"
    r"il\s+vous\s+reste\s+\d+\s*%|d[ée]j[àa]\s+abonn[ée]|already\s+(?:a\s+)?subscriber|to\s+continue\s+reading|"
    r"pour\s+lire\s+la\s+suite|this\s+(?:article|content)\s+is\s+for\s+subscribers|会员专享|付费阅读|订阅后阅读",
    re.I,
)
_REPUBLISHED = re.compile(
    r"^(?:this\s+(?:article|piece|commentary|post)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared)|"
    r"(?:a\s+version\s+of\s+)?this\s+(?:article|piece)\s+(?:first\s+)?appeared|originally\s+published|"
    r"(?:cet|cette)\s+(?:article|tribune|chronique)\s+a\s+(?:été\s+)?(?:initialement|d['’]abord)\s+(?:été\s+)?publi[ée]e?|"
    r"initialement\s+publi[ée]e?|本文(?:原载|首发|原发|转载自|来自)|原文(?:刊载|发表)于|转载自)",
    re.I,
)
_RELATIVE_STAMP = re.compile(
    r"^(?:(?:updated|posted|published|mis\s+[àa]\s+jour|publi[ée]|modifi[ée]|更新|发布)\s*[:：]?\s*)?"
    r"(?:\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|il\s+y\s+a\s+\d+\s*(?:secondes?|minutes?|min|heures?|h|jours?|semaines?|mois)|"
    r"just\s+now|yesterday|à\s+l['’]instant|hier|\d+\s*(?:秒|分钟|小时|天|周)前|刚刚|昨天(?:\s*\d{1,2}:\d{2})?)$",
    re.I,
)


def newsletter_prompt(line: str) -> bool:
    """A prompt to subscribe to the site's newsletter: a newsletter word, a subscribe verb, and the
    reader addressed ("Get our weekly newsletter in your inbox", "Inscrivez-vous à notre lettre
    d'information"); a sentence reporting on someone's newsletter does not address the reader."""
    view = simplified(line.strip())
    return (
        words(view) <= 40 and _NEWSLETTER_NOUN.search(view) is not None
        and _NEWSLETTER_VERB.search(view) is not None and _SITE_VOICE.search(view) is not None
    )


_BIO_LABEL = re.compile(
    r"^(?:about\s+the\s+authors?|the\s+authors?|[àa]\s+propos\s+de\s+l['’](?:auteur|autrice)e?s?|l['’](?:auteur|autrice)e?s?|"
    r"les\s+auteur(?:e|rice)?s|作者简介|作者介绍|关于作者|作者信息)\s*[:：]",
    re.I,
)
_BIO_ZH = re.compile(r"^[(（【\[]?\s*(?:本文)?作者(?:系|为|是|现为|现任|单位[:：])")
_BIO_VERB = re.compile(
    r"\s+(?:is|was|serves\s+as|works\s+as|has\s+been|est|était|a\s+été|enseigne|dirige|travaille)\s+", re.I)
_BIO_NAME = re.compile(r"^(?P<name>[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:[A-ZÀ-Ý][\w'’.-]+|de|du|van|von|da|di|le|la|al|bin)){1,3})(?=\s)")


def author_bio(line: str, authors: tuple[str, ...] = (), last: bool = False, elsewhere: str = "") -> bool:
    """An author's note after the article: labelled ("About the author:", "作者简介：", "（作者系…）"), or
    a short text presenting a person by role ("Jane Roe is a senior fellow at ...") that names one of
    the byline's authors, or that ends the page (`last`) about a person the article (`elsewhere`) never
    names (an article's own subject is named in it)."""
    text = line.strip()
    view = simplified(text)
    if _BIO_LABEL.match(view) or (_BIO_ZH.match(view) and len(text) <= 200):
        return True
    match = _BIO_NAME.match(text)
    if match is None or words(text) > 60:
        return False
    rest = text[match.end() :]
    verb = _BIO_VERB.match(rest)
    if verb is None or not role_phrase(rest[verb.end() :][:120]):
        return False
    name = match["name"].casefold()
    known = any(a.casefold() == name or name.startswith(a.casefold() + " ") for a in authors)
    surname = match["name"].split()[-1]
    unknown_subject = last and words(text) <= 50 and re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", elsewhere) is None
    return known or unknown_subject


_LEGAL = re.compile(
    r"\bregistered\s+(?:charity|company|office|non-?profit)\b|\b(?:charity|company|registration)\s+(?:no\.?|number|n°)\s*[:.]?\s*\d|"
    r"\bregistered\s+in\s+england\b|\b501\s*\(c\)\s*\(3\)|\bassociation\s+(?:de\s+)?loi\s+(?:de\s+)?1901\b|\bsiret\b|\bsiren\b|"
    r"\brcs\s+[a-zé]+\s+[a-z]?\s*\d|统一社会信用代码|(?:京|沪|粤|浙|苏)?icp(?:备|证)|公网安备",
    re.I,
)


def legal_notice(line: str) -> bool:
    """A publisher's legal notice: charity or company registration, non-profit status, licence numbers."""
    view = simplified(line.strip())
    return words(view) <= 40 and _LEGAL.search(view) is not None


def is_long_sentence(line: str) -> bool:
    return words(line) > 40


_LIST_ITEM = re.compile(r"^(?:[•·●▪■◆◇○*\-–—]|\d{1,2}[.)、]|[a-z][.)])\s*\S")


def list_lines(lines: list[str]) -> set[int]:
    """Indexes of lines that form a list: an introducing line ending with a colon, then at least two
    items with text (bullets, dashes, numbers). A widget's stray bullets do not make a list."""
    kept: set[int] = set()
    i = 0
    while i < len(lines):
        if lines[i].strip().endswith((":", "：")) and words(lines[i]) >= 4:
            j = i + 1
            while j < len(lines) and _LIST_ITEM.match(lines[j].strip()) and words(lines[j].strip()[1:]) >= 2:
                j += 1
            if j - i - 1 >= 2:
                kept.update(range(i, j))
                i = j
                continue
        i += 1
    return kept


def footer_reason(line: str) -> str | None:
    """Why a line after the article's last sentence is furniture: it is short and not a sentence."""
    stripped = line.strip()
    if SENTENCE_END.search(stripped) and words(stripped) >= 3:
        return None
    if _EMPTY_LABEL.match(stripped):
        return WIDGET
    if words(stripped) <= 12:
        return FOOTER
    return None
