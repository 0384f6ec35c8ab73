"""Web page furniture in news items: what a line is when it is not article text, and why it is dropped.

Each rule is about how web pages are made (breadcrumbs, share and follow widgets, counters, copyright
and contact footers, photo credits, end marks), never about one site's wording. Every rule returns a
short reason code, so dropped lines are counted per reason (datatrove style) instead of vanishing.

Chinese rules are written once, in simplified characters, and matched against a simplified view of the
line (`simplified`): the view is converted character by character, so it has the same length as the
original and any offset found in it is an offset in the original text.
"""

from __future__ import annotations

import functools
import re

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
_COOKIES = re.compile(r"\bcookies?\b.*\b(?:use|accept|consent|agree|utilis|paramètres|settings|policy)", re.I)
_JAVASCRIPT = re.compile(r"(?:enable|activer|activez)\s+(?:le\s+)?javascript|javascript\s+(?:is\s+)?(?:disabled|required|désactivé)", re.I)
_READER = re.compile(r"\b(?:we|our|you|your|this\s+(?:web\s*)?site|nous|notre|nos|vous|votre|ce\s+site)\b|本网站|本站|您", re.I)
_LISTEN = re.compile(r"^(?:listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?|[ée]couter(?:\s+(?:cet|l['’])\s*article)?|play\s+audio|收听|语音播报)\s*[:：]?\s*(?:\d+\s*(?:min\w*|:\d\d))?$", re.I)
_AD = re.compile(r"^(?:advertisement|advertising|sponsored(?:\s+content)?|publicité|annonce|广告|推广)$", re.I)
_READING_TIME = re.compile(
    r"^(?:\d+\s*(?:min(?:ute)?s?|mn)\.?\s*(?:read|de\s+lecture)|(?:reading\s+time|temps\s+de\s+lecture|lecture)\s*[:：]?\s*\d+\s*min\w*|"
    r"阅读(?:时间|时长)?\s*[:：]?\s*\d+\s*分钟|预计阅读\s*\d+\s*分钟)$",
    re.I,
)
_FONT_SIZE = re.compile(r"^[【\[(（]?\s*(?:字号|字体|字级|文字|font(?:\s+size)?|taille)?\s*[:：]?\s*(?:[大中小]\s*){2,3}[】\])）]?$|^(?:A\s*[+-]?\s*){2,3}$", re.I)
_SHARE_NETWORKS = re.compile(r"^(?:(?:facebook|twitter|x|linkedin|weibo|wechat|微博|微信|whatsapp|telegram|email|e-mail|qq)\s*[,/|·]?\s*){2,}$", re.I)
_COMMENTS = re.compile(
    r"^(?:\d+\s*)?(?:comments?|commentaires?|commenter|评论|发表评论|网友评论|留言|leave\s+a\s+(?:comment|reply)|"
    r"blog\s+comments\s+powered\s+by\s+\w+|comments\s+powered\s+by\s+\w+|votre\s+(?:pseudo|commentaire|e-?mail))\b.{0,30}$",
    re.I,
)
_COUNTER_TOKEN = r"(?:\d[\d,.]*\s*[kKmM万]?\s*(?:views?|comments?|likes?|shares?|reads?|vues?|lectures?|次|人)?|" \
                 r"(?:views?|comments?|likes?|vues?|点击量?|阅读量?|浏览量?|浏览次数|阅读数|点赞|评论数?)\s*[:：]?\s*\d[\d,.]*\s*[kK万]?)"
_COUNTER = re.compile(rf"^(?:{_COUNTER_TOKEN})(?:\s*[|·/]?\s*(?:{_COUNTER_TOKEN}))*$", re.I)
_RELATED = re.compile(
    r"^(?:dossiers?|related(?:\s+(?:articles?|stories|content|topics?|coverage))?|more\s+(?:on\s+this|stories|news)|"
    r"you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|[àa]\s+(?:vous\s+de\s+)?(?:\(re\))?(?:re)?voir(?:\s+aussi)?|"
    r"voir\s+aussi|[àa]\s+lire(?:\s+aussi)?|sur\s+le\s+m[êe]me\s+sujet|nos\s+dossiers|en\s+images|"
    r"相关(?:报道|新闻|阅读|链接|文章|稿件)|延伸阅读|推荐阅读|热点推荐|热门推荐|猜你喜欢|专题)(?:\s*[:：>»].*)?$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"(?:^copyright\b|copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s*\d{4}|all\s+rights\s+reserved|tous\s+droits\s+réservés|版权所有|保留所有权利|"
    r"未经\S{0,10}(?:授权|许可)\S{0,8}(?:不得|禁止|严禁)\S{0,6}(?:转载|复制|使用)|(?:转载|复制)请注明|(?:不得|禁止|严禁)转载|icp备|icp证)", re.I
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_CONTACT = re.compile(r"(?:contact|e-?mail|邮箱|联系我们|联系电话|tél|tel\.?|phone)\b", re.I)
_BACK_TO_TOP = re.compile(r"^(?:[↑▲^]\s*)?(?:back\s+to\s+top|haut\s+de\s+(?:la\s+)?page|retour\s+en\s+haut|返回顶部|回到顶部|top)\s*[↑▲^]?$", re.I)
_END_MARK = re.compile(r"^(?:[(（]\s*(?:完|终|end|fin)\s*[)）]|fin|end|-+\s*30\s*-+|#{3}|[—-]+\s*end\s*[—-]+|【\s*完\s*】)$", re.I)
_END_MARK_TAIL = re.compile(
    r"(?<=[.!?。！？”\"»)）])\s*(?:[(（]\s*(?:完|终|[Ee]nd|END|[Ff]in|FIN)\s*[)）]|Fin|FIN|END|-+\s*30\s*-+|【\s*完\s*】)\s*$"
)
_PHOTO_LABEL = re.compile(
    r"^[(（]?\s*(?:photo(?:\s+(?:credit|by))?|photos?|crédits?\s+photos?|photo\s*:|图片来源|图片|图|摄影|摄|供图|"
    r"image(?:\s+credit)?|source\s+(?:de\s+l['’])?(?:image|photo))\s*[:：/]", re.I
)
_PHOTO_AGENCY_SLASH = re.compile(r"^[(（]\s*[A-Z][\w.'’ -]{1,40}/[\w.'’ -]{2,60}[)）]$")
_PHOTO_CN = re.compile(r"^[(（]?[^()（）]{0,30}(?:摄|供图|图)[)）]?$")
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
    short = all(len(p.split()) <= 4 and len(p) <= 30 for p in parts)
    return short and (re.match(_HOME, parts[0].strip(), re.I) is not None or len(parts) >= 3)


def photo_credit(line: str) -> str | None:
    """The credit of a photo-credit line ("(Xinhua/Luo Xiaoguang)", "图片来源：X", "Photo: X"), else None."""
    stripped = line.strip()
    view = simplified(stripped)
    if len(stripped) > 80:
        return None
    match = _PHOTO_LABEL.match(view)
    if match:
        return stripped[match.end() :].strip(" )）") or None
    if _PHOTO_AGENCY_SLASH.match(stripped):
        return stripped.strip("()（） ")
    if _PHOTO_CN.match(view) and re.search(r"(?:记者|摄|供图)", view) and len(stripped) <= 30:
        return stripped.strip("()（） ")
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
    if _COUNTER.match(view):
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
    if _DIGIT_RESIDUE.match(stripped) and not re.search(r"\d{4}[-/.]\d", stripped):
        return WIDGET
    return None


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
