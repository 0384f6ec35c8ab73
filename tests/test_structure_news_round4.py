"""News pages, round 4: event pages and other habits of sites not in the earlier sets.

Small constructed pages, one per rule: the date of an announced event is not the page's date; a question
headline over its date line is the title; a speakers list after the first article sentence is content,
not a byline; a caption closed by a bracketed courtesy credit "（X提供）" is a caption.
"""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.structure.news import structure_news
from corpus.structure.news_lines import photo_credit
from corpus.structure.news_meta import parse_metadata_line

BODY_EN = """The Lakeside Policy Centre will hold a workshop on semiconductor supply chains in Geneva.

Officials from twelve countries will discuss export licensing and stockpiles."""


@pytest.mark.parametrize("event_line", [
    "Event date: 20 March 2025, 14:00",
    "Event | Thursday, 20 March 2025, 14:00–16:00 CET",
    "When: 20 March 2025",
])
def test_event_date_is_not_the_page_date(event_line):
    doc = structure_news(f"Lakeside Policy Centre\nHome > Events\n\nWorkshop on Semiconductor Supply Chains\n\n"
                         f"{event_line}\nPublished 12 March 2025\n\n{BODY_EN}")
    assert doc.published_date == dt.date(2025, 3, 12)
    assert doc.published_time is None
    assert doc.event_dates[0] == "2025-03-20"
    assert event_line not in doc.text


def test_event_date_is_not_the_page_date_fr_and_zh():
    fr = structure_news("Institut des Lacs\n\nAtelier sur les chaînes d'approvisionnement\n\n"
                        "Date de l'événement : 20 mars 2025 à 14h00\nPublié le 12 mars 2025\n\n"
                        "L'Institut des Lacs organisera un atelier à Genève.\n\nDes responsables de douze pays y viendront.")
    zh = structure_news("湖畔研究院\n首页 > 活动\n\n半导体供应链研讨会\n\n活動時間：2025年3月20日 14:00\n發布時間：2025-03-12\n\n"
                        "湖畔研究院将在杭州举办半导体供应链研讨会。\n\n来自12个国家的官员将讨论出口许可问题。")
    for doc in (fr, zh):
        assert (doc.published_date, doc.published_time, doc.event_dates[:1]) == (dt.date(2025, 3, 12), None, ("2025-03-20",))


def test_event_page_without_a_publication_date_has_no_page_date():
    doc = structure_news(f"Lakeside Policy Centre\n\nWorkshop on Semiconductor Supply Chains\n\n"
                         f"Event date: 20 March 2025\n\n{BODY_EN}")
    assert doc.published_date is None and doc.event_dates[0] == "2025-03-20"


def test_menu_word_events_does_not_make_a_metadata_line():
    assert parse_metadata_line("About    Research    Events    Contact") is None


def test_question_headline_over_its_date_line_is_the_title():
    doc = structure_news("Lakeside Policy Centre\nAbout    Research    Events    Contact\n\n"
                         f"Who Controls the Chip Supply Chain?\n\nPosted 12 March 2025\n\n{BODY_EN}")
    assert doc.title == "Who Controls the Chip Supply Chain?"
    assert "Research" not in doc.text and doc.text.startswith("The Lakeside")


def test_question_opening_the_article_stays_in_the_article():
    doc = structure_news("Lakeside Policy Centre\n\nWorkshop on Chips\n\nPosted 12 March 2025\n\n"
                         f"Who controls the chip supply chain?\n\n{BODY_EN}")
    assert doc.title == "Workshop on Chips" and doc.text.startswith("Who controls")


def test_speakers_list_after_the_article_starts_is_content_not_a_byline():
    speakers = ["Professor Anna Berg, Director, Trade Programme, Lakeside Policy Centre",
                "Dr. Tomas Lind, Senior Fellow, Nordic Institute",
                "Kim Park, analyst at Korea Chip Association"]
    doc = structure_news("Lakeside Policy Centre\n\nWorkshop on Semiconductor Supply Chains\n\nPublished 12 March 2025\n\n"
                         "The Lakeside Policy Centre will hold a workshop on semiconductor supply chains in Geneva.\n\n"
                         "Speakers\n" + "\n".join(speakers))
    assert doc.authors == ()
    paragraphs = doc.text.split("\n\n")
    assert all(s in paragraphs for s in speakers)


def test_byline_with_a_role_under_the_headline_still_found():
    doc = structure_news("Lakeside Policy Centre\n\nWorkshop on Semiconductor Supply Chains\n\n"
                         f"Anna Berg, Senior Fellow\nPublished 12 March 2025\n\n{BODY_EN}")
    assert doc.authors == ("Anna Berg",)


def test_caption_closed_by_a_bracketed_courtesy_credit_is_a_caption():
    doc = structure_news("南岭大学新闻网\n\n电机系团队获智慧农业竞赛首奖\n\n發布日期：2025-03-12\n\n"
                         "电机工程学系王大同教授团队在全国智慧农业竞赛中获得首奖。\n\naward-0311.jpg\n"
                         "王大同教授（左三）与学生合影。（电机工程学系提供）\n\n团队将于暑期赴日本交流。")
    assert "合影" not in doc.text
    assert doc.figures[0].caption == "王大同教授（左三）与学生合影。"


def test_bracketed_data_source_is_not_a_photo_credit():
    assert photo_credit("（电机工程学系提供）") == "电机工程学系提供"
    assert photo_credit("（数据由市统计局提供）") is None


@pytest.mark.parametrize("event_box", [
    '<div class="event-meta"><span>Event</span> | <time datetime="2025-03-20T14:00:00+01:00">Thursday, 20 March 2025, '
    '14:00</time>–16:00 CET</div><div class="post-meta">Published <time datetime="2025-03-12">12 March 2025</time></div>',
    '<p class="event-when">When: <time datetime="2025-03-20">20 March 2025</time></p><p>Published 12 March 2025</p>',
])
def test_html_event_time_is_not_the_page_date(event_box):
    from corpus.readers.html import read_html
    from corpus.structure.news_html import apply_markup, page_text

    article = "".join(f"<p>{p}</p>" for p in BODY_EN.split("\n\n"))
    markup = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><main><article>'
              f"<h1>Workshop on Semiconductor Supply Chains</h1>{event_box}{article}</article></main></body></html>")
    layout = read_html("p.html", markup)
    doc = apply_markup(structure_news(page_text(layout)), layout)
    assert (doc.published_date, doc.published_time) == (dt.date(2025, 3, 12), None)


# --- press releases, official notices and wire copy --------------------------------------------------

def test_lead_in_ending_with_a_colon_is_article_text_not_the_headline():
    doc = structure_news("Press Releases\nLCQ9: Data centres in the northern district\n***************************\n\n"
                         "     Following is a question by the Hon Lee Man-kit and a reply by the Secretary for Innovation in "
                         "the Legislative Council today (May 22):\n\nQuestion:\n\n     The Government plans two data centres.\n\n"
                         "Reply:\n\n     The first centre will open next year.\n\nEnds/Wednesday, May 22, 2024\nIssued at HKT 16:05\n\nNNNN")
    assert doc.title == "LCQ9: Data centres in the northern district"
    assert doc.text.startswith("Following is a question") and "*" not in doc.text and "NNNN" not in doc.text
    assert (doc.published_date, doc.published_time, doc.publisher) == (dt.date(2024, 5, 22), "16:05", None)


def test_press_release_in_chinese_rule_line_end_mark_and_time_line():
    doc = structure_news("新聞公報\n立法會九題：北區數據中心\n＊＊＊＊＊＊＊＊＊＊\n\n　　以下是今日（五月二十二日）在立法會會議上李文傑議員的提問和"
                         "創新科技及工業局局長的答覆：\n\n問題：\n\n　　政府計劃興建兩個數據中心。\n\n完\n2024年5月22日（星期三）\n香港時間16時05分")
    assert doc.title == "立法會九題：北區數據中心"
    assert "＊" not in doc.text and doc.text.startswith("以下是今日")
    assert (doc.published_date, doc.published_time) == (dt.date(2024, 5, 22), "16:05")


def test_official_notice_number_and_addressees():
    doc = structure_news("中国政府网\n首页 > 政策 > 最新\n\n国务院办公厅关于推进公共数据开放的通知\n国办发〔2024〕7号\n\n"
                         "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n　　为推进公共数据开放，经国务院同意，现就有关事项通知如下。\n\n"
                         "国务院办公厅\n2024年3月20日")
    assert doc.title == "国务院办公厅关于推进公共数据开放的通知"
    assert "国办发" not in doc.text and doc.text.startswith("各省、自治区")


def test_lone_site_name_printed_twice_is_not_the_headline():
    doc = structure_news("CGTN\n\nShenzhen opens a second data exchange\n\nUpdated 15:30, 22-May-2024\nCGTN\n\n"
                         "Shenzhen opened a second data exchange on Wednesday, officials said.\n\n"
                         "The exchange will list data products from 30 companies.")
    assert doc.title == "Shenzhen opens a second data exchange"


def test_wire_end_mark_enditem_keeps_the_last_paragraph():
    doc = structure_news("Shenzhen opens a second data exchange\nSource: Xinhua| 2024-05-22 15:30:12|Editor: Liu Xin\n\n"
                         "SHENZHEN, May 22 (Xinhua) -- Shenzhen opened a second data exchange on Wednesday.\n\n"
                         "The exchange will list data products from 30 companies. Enditem")
    assert doc.text.endswith("from 30 companies.")
    assert ("end_mark", "Enditem") in doc.removed


def test_widget_between_the_article_and_the_authors_note_is_furniture():
    doc = structure_news("Center for Asian Technology Policy\n\nChina's New Rules on Data Labels\n\nMay 22, 2024\n"
                         "Jane Roe, Senior Fellow\n\nThe new rules on data labels were issued on Tuesday.\n\n"
                         "They take effect on September 1.\n\nDownload PDF\n"
                         "Jane Roe is a senior fellow at the Center for Asian Technology Policy.")
    assert doc.text.endswith("on September 1.")


def test_weekday_before_a_date_is_not_an_outlet():
    meta = parse_metadata_line("Wednesday, May 22, 2024")
    assert meta is not None and meta.unknown == [] and meta.organisations == []


# --- event schedules, place-and-date lines, portal widgets, breadcrumbs, address lines -----------------

@pytest.mark.parametrize(("schedule", "body"), [
    ("Date: June 4, 2024 | Time: 9:00–10:30 am EDT | Location: Online", BODY_EN),
    ("Date : 4 juin 2024, 18h30\nLieu : Paris, amphithéâtre B",
     "L'Institut des Lacs accueille une conférence sur les normes techniques.\n\nL'entrée est libre sur inscription."),
    ("时间：2024年6月4日 14:00\n地点：研究院二楼报告厅", "本次讲座邀请北京大学李华教授介绍数据要素市场的最新进展。\n\n讲座结束后将安排半小时的问答交流环节。"),
])
def test_dates_next_to_a_venue_are_the_events(schedule, body):
    doc = structure_news(f"Northbridge Institute\nEvents\n\nBook Talk on Data Governance in China\n\n{schedule}\n\n{body}")
    assert doc.title == "Book Talk on Data Governance in China"
    assert (doc.published_date, doc.published_time, doc.publisher) == (None, None, None)
    assert doc.event_dates[0] == "2024-06-04"
    assert all(line not in doc.text for line in schedule.split("\n"))


def test_publication_date_above_a_blank_line_is_not_the_events():
    doc = structure_news("Northbridge Institute\n\nBook Talk on Data Governance in China\n\nPublished 20 May 2024\n\n"
                         f"Date: June 4, 2024\nLocation: Online\n\n{BODY_EN}")
    assert doc.published_date == dt.date(2024, 5, 20) and doc.event_dates[0] == "2024-06-04"


def test_place_of_a_french_place_and_date_line_is_not_the_publisher():
    doc = structure_news("Ministère de la Culture\n\nEntretien du ministre avec son homologue chinois\n\n"
                         "Paris, le 22 mai 2024\n\nLe ministre s'est entretenu ce jour avec son homologue chinois.\n\n"
                         "Les deux ministres ont évoqué la préparation du dialogue culturel.")
    assert (doc.published_date, doc.publisher) == (dt.date(2024, 5, 22), None)


def test_print_friendly_widget_is_not_the_headline():
    doc = structure_news("行政院全球資訊網\n首頁 > 新聞與公告 > 本院新聞\n\n政院通過資料開放條例草案\n\n發布時間：2024-05-22 15:30\n"
                         "資料來源：行政院\n友善列印  分享\n\n行政院今（22）日院會通過「資料開放條例」草案，將送立法院審議。\n\n"
                         "行政院長表示，草案兼顧隱私保護與資料利用。")
    assert doc.title == "政院通過資料開放條例草案" and doc.publisher == "行政院"


def test_unit_label_names_the_issuing_office():
    meta = parse_metadata_line("日期：2024/05/22　點閱次數：123　單位：研發處")
    assert meta is not None and meta.organisations == ["研發處"]


def test_breadcrumb_ending_with_the_pages_long_or_cut_title():
    doc = structure_news("Lakeside Policy Centre\nHome > News > Centre Hosts Workshop on Semicond...\n\n"
                         f"Centre Hosts Workshop on Semiconductor Supply Chains\n\n{BODY_EN}")
    assert doc.title == "Centre Hosts Workshop on Semiconductor Supply Chains"
    assert doc.text.startswith("The Lakeside")


def test_a_date_in_a_printed_page_address_is_not_the_page_date():
    doc = structure_news("https://www.lakeside.example.org/news/2025/03/12/workshop-supply-chains\nLakeside Policy Centre\n\n"
                         f"Centre Hosts Workshop on Semiconductor Supply Chains\n\n{BODY_EN}")
    assert doc.published_date is None and "https" not in doc.text


# --- HTML: <br>-separated press releases --------------------------------------------------------------

def test_html_line_breaks_and_text_between_blocks_are_kept():
    from corpus.readers.html import read_html
    from corpus.structure.news_html import apply_markup, page_text

    markup = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>LCQ9: Data centres in the north</title>'
              '</head><body><div id="content"><span>LCQ9: Data centres in the north</span><br>'
              '<div id="pressrelease">Following is a question by the Hon Lee Man-kit and a reply by the Secretary in the '
              'Legislative Council today (May 22):<br><br>Question:<br><br>The Government plans two data centres in the '
              'north.<br><br>Reply:<br><br>President,<br><br>The first centre will open next year and the second in 2027.'
              '<br><br></div>Ends/Wednesday, May 22, 2024<br>Issued at HKT 16:05<br><br>NNNN<br></div></body></html>')
    layout = read_html("p.html", markup)
    doc = apply_markup(structure_news(page_text(layout)), layout)
    assert "(May 22):\n\nQuestion:\n\nThe Government" in doc.text
    assert "President,\n\nThe first centre" in doc.text
    assert (doc.published_date, doc.published_time) == (dt.date(2024, 5, 22), "16:05")


@pytest.mark.parametrize(("block", "authors"), [
    ("Authors\nJane Roe\nJohn Doe, Senior Fellow", ("Jane Roe", "John Doe")),
    ("By\nJane Roe", ("Jane Roe",)),
    ("作者：\n李明", ("李明",)),
])
def test_author_label_over_one_name_per_line_is_the_byline(block, authors):
    doc = structure_news(f"Northbridge Institute\n\nChina's New Rules on Data Labels\n\n{block}\n\nMay 22, 2024\n\n{BODY_EN}")
    assert doc.title == "China's New Rules on Data Labels"
    assert doc.authors == authors
    assert doc.text.startswith("The Lakeside")


def test_image_name_with_a_resizing_query_is_an_image():
    doc = structure_news(f"Northbridge Institute\n\nChina's New Rules on Data Labels\n\nMay 22, 2024\n\n{BODY_EN}\n\n"
                         "hero-labels.png?width=800&q=75\n\nThe regulator will publish guidance in July, officials said.")
    assert [f.label for f in doc.figures] == ["hero-labels.png"] and "width=" not in doc.text


@pytest.mark.parametrize("image", ["img_0522.jpg\n", ""])
def test_caption_marked_with_an_arrow_is_a_caption(image):
    doc = structure_news("湖畔研究院\n\n数据标识新规发布\n\n发布时间：2024-05-22\n\n新规于周二由监管部门发布，适用于所有服务。\n\n"
                         f"{image}▲ 发布会现场。\n\n新规将于9月1日起施行，有关负责人表示。")
    assert "发布会现场" not in doc.text and doc.text.endswith("有关负责人表示。")


def test_embedded_video_title_with_running_time_is_not_the_headline():
    doc = structure_news("Northbridge Institute\n\nChina's New Rules on Data Labels\n\nMay 22, 2024\n\n"
                         f"Video: Officials explain the new rules (2:31)\n\n{BODY_EN}")
    assert doc.title == "China's New Rules on Data Labels" and "Video" not in doc.text


def _html_doc(body: str, head: str = "", lang: str = "en"):
    from corpus.readers.html import read_html
    from corpus.structure.news_html import apply_markup, page_text

    markup = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body><header><a href="/">'
              f"Northbridge Institute</a><nav><a>Research</a> <a>Events</a></nav></header>{body}"
              "<footer><p>© 2024 Northbridge Institute</p></footer></body></html>")
    layout = read_html("p.html", markup)
    return apply_markup(structure_news(page_text(layout)), layout)


def test_html_metadata_box_the_extractor_drops_still_gives_time_and_author():
    doc = _html_doc("<div class='crumb'>首页 &gt; 新闻</div><div class='title'><h1>数据标识新规发布</h1></div>"
                    "<div class='info'>发布时间：2024-05-22 10:20　来源：湖畔研究院　作者：李明</div><div class='content'>"
                    "<p>新规于周二由监管部门发布，适用于所有生成式人工智能服务。</p><p>新规将于9月1日起施行，有关负责人在发布会上表示。</p>"
                    "<p>平台将有六个月时间完成整改工作。</p></div>", "<title>数据标识新规发布_湖畔研究院</title>", "zh-CN")
    assert (doc.published_date, doc.published_time, doc.authors) == (dt.date(2024, 5, 22), "10:20", ("李明",))
    assert "发布时间" not in doc.text and doc.text.startswith("新规于周二")


def test_html_byline_date_words_are_not_authors():
    article = "".join(f"<p>{p}</p>" for p in BODY_EN.split("\n\n"))
    doc = _html_doc(f"<main><article><h1>China's New Rules on Data Labels</h1><p class='byline'>By Jane Roe | May 22, 2024</p>"
                    f"{article}<p>Platforms will have six months to comply with the labelling duty.</p></article></main>")
    assert doc.authors == ("Jane Roe",)


def test_update_stamp_mise_a_jour_is_not_the_publication_date():
    doc = structure_news("Ministère de la Culture\n\nLancement d'un appel à projets sur l'IA culturelle\n\n"
                         "Le ministère lance un appel à projets doté de 5 millions d'euros.\n\n"
                         "Les candidatures sont ouvertes jusqu'au 30 septembre.\n\nMise à jour : 23.05.2024\nPublié le 22 mai 2024")
    assert doc.published_date == dt.date(2024, 5, 22)


@pytest.mark.parametrize(("line", "author"), [("May 22, 2024 | Jane Roe", "Jane Roe"), ("22 mai 2024 – Jean Dupont", "Jean Dupont")])
def test_person_signing_after_the_date_is_the_author(line, author):
    doc = structure_news(f"Northbridge Institute\n\nCOMMENTARY\n\nChina's New Rules on Data Labels\n\n{line}\n\n{BODY_EN}")
    assert (doc.authors, doc.publisher) == ((author,), None)


def test_outlet_before_the_date_stays_the_publisher():
    doc = structure_news(f"China's New Rules on Data Labels\n\nGlobal Times | May 22, 2024\n\n{BODY_EN}")
    assert (doc.authors, doc.publisher) == ((), "Global Times")


def test_dash_subtitle_under_the_headline_is_not_the_title():
    doc = structure_news("湖畔研究院\n\n数据标识新规发布\n——生成式人工智能服务须添加显式标识\n\n发布时间：2024-05-22\n\n"
                         "新规于周二由监管部门发布，适用于所有生成式人工智能服务。\n\n新规将于9月1日起施行，有关负责人表示。")
    assert doc.title == "数据标识新规发布"


def test_acronym_and_widget_words_after_a_date_are_no_author():
    doc = structure_news(f"China tightens rules on AI labels\n\n2024-05-22 10:20:00 ECNS App Download\n\n{BODY_EN}")
    assert doc.authors == ()


def test_every_editor_credit_on_a_line_is_kept():
    meta = parse_metadata_line("编辑：王芳　责任编辑：李强")
    assert meta is not None and meta.editors == ("王芳", "李强")


@pytest.mark.parametrize(("label", "venue"), [("Past event", "Online"), ("活动预告", "线上")])
def test_event_label_and_bare_venue_around_a_dated_line(label, venue):
    doc = structure_news("Northbridge Institute\nHome > Events > Past events\n\nWebinar: Data Labels and Platform Duties\n\n"
                         f"{label}\nTuesday 14 May 2024, 10:00–11:00 BST\n{venue}\n\n{BODY_EN}")
    assert doc.title == "Webinar: Data Labels and Platform Duties"
    assert (doc.published_date, doc.event_dates[0]) == (None, "2024-05-14")
    assert label not in doc.text and venue not in doc.text


def test_html_title_with_the_site_name_glued_after_a_printed_heading():
    doc = _html_doc("<div class='content'><h2>南嶺大學與工研院簽署合作備忘錄</h2><p>本校今日與工業技術研究院簽署人工智慧合作備忘錄，將共同培育跨域人才。</p>"
                    "<p>雙方將於明年合辦國際研討會，並互派研究人員交流。</p><p>校長表示，合作將聚焦半導體與智慧農業兩大領域。</p></div>",
                    "<title>南嶺大學與工研院簽署合作備忘錄-國立南嶺大學</title>", "zh-Hant")
    assert doc.title == "南嶺大學與工研院簽署合作備忘錄"


def test_chinese_page_title_with_the_site_name_glued_by_a_hyphen():
    doc = structure_news("數據標識新規發布-國立南嶺大學\n\n國立南嶺大學\n\n發布日期：2024-05-22\n\n"
                         "新規於週二由監管部門發布，適用於所有生成式人工智慧服務。\n\n新規將於9月1日起施行，有關負責人表示。")
    assert doc.title == "數據標識新規發布" and "國立南嶺大學" not in doc.text


FR_PAGE = ("Institut des Lacs\n\nLes nouvelles règles chinoises sur l'étiquetage\n\n{meta}\n\n"
           "Les nouvelles règles ont été publiées mardi par le régulateur à Pékin.\n\n"
           "Elles entreront en vigueur le 1er septembre, selon les autorités.")


@pytest.mark.parametrize(("meta", "authors"), [
    ("Par la rédaction\nPublié le 22 mai 2024", ()),
    ("By the editors | May 22, 2024", ()),
    ("Rédigé par Jean Dupont, le 22 mai 2024", ("Jean Dupont",)),
    ("22/05/2024", ()),
    ("2024.05.22", ()),
])
def test_newsroom_bylines_written_by_labels_and_bare_numeric_dates(meta, authors):
    doc = structure_news(FR_PAGE.format(meta=meta))
    assert doc.title == "Les nouvelles règles chinoises sur l'étiquetage"
    assert (doc.published_date, doc.authors) == (dt.date(2024, 5, 22), authors)


ZH_PAGE = ("湖畔研究院\n\n数据标识新规研讨会举行\n\n{meta}\n\n5月21日，湖畔研究院举办数据标识新规研讨会，适用于所有生成式人工智能服务。\n\n"
           "来自20家企业的代表参加了本次研讨会并发言。")


@pytest.mark.parametrize(("meta", "authors", "publisher"), [
    ("【发布时间：2024-05-22】【来源：湖畔研究院】【字体：大 中 小】", (), "湖畔研究院"),
    ("文/图 李明　发布时间：2024-05-22", ("李明",), None),
    ("供稿单位：宣传部  发布时间：2024年5月22日", (), "宣传部"),
])
def test_bracketed_fields_text_and_photo_credit_and_contributing_unit(meta, authors, publisher):
    doc = structure_news(ZH_PAGE.format(meta=meta))
    assert (doc.published_date, doc.authors, doc.publisher) == (dt.date(2024, 5, 22), authors, publisher)


@pytest.mark.parametrize("label", ["Key takeaways", "【摘要】"])
def test_box_label_over_the_article_is_not_the_headline(label):
    doc = structure_news(f"Northbridge Institute\n\nChina's New Rules on Data Labels\n\nMay 22, 2024\n\n{label}\n\n{BODY_EN}")
    assert doc.title == "China's New Rules on Data Labels"


def test_featured_image_line_is_a_photo_credit():
    doc = structure_news("Northbridge Institute\n\nChina's New Rules on Data Labels\n\nMay 22, 2024\n\n"
                         f"Featured image: A server room in Guiyang. Source: Xinhua\n\n{BODY_EN}")
    assert doc.title == "China's New Rules on Data Labels" and "Featured" not in doc.text


TW_PAGE = ("國立南嶺大學\n\n南嶺大學與工研院簽署合作備忘錄\n\n{meta}\n\n本校今日與工業技術研究院簽署人工智慧合作備忘錄，將共同培育跨域人才。\n\n"
           "雙方將於明年合辦國際研討會，並互派研究人員交流。")


@pytest.mark.parametrize(("meta", "authors", "publisher"), [
    ("撰稿人：林怡君　聯絡人：陳小明　聯絡電話：(04)2284-0000\n發布日期：2024-04-22", ("林怡君",), None),
    ("公告日期：113/04/22　公告單位：秘書室", (), "秘書室"),
    ("最後更新日期：2024-04-23\n發布日期：2024-04-22", (), None),
])
def test_taiwan_portal_labels_writer_contact_notice_and_last_update(meta, authors, publisher):
    doc = structure_news(TW_PAGE.format(meta=meta))
    assert doc.title == "南嶺大學與工研院簽署合作備忘錄"
    assert (doc.published_date, doc.authors, doc.publisher) == (dt.date(2024, 4, 22), authors, publisher)
