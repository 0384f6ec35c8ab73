"""Writes 400_notes5-water-pricing.txt in the devset-real layout from the page lines below (constructed excerpt)."""
from pathlib import Path

PAGES = [
    [
        "Paying for Pipes: Water Tariffs and Municipal",
        "Resilience in Mid-Sized Cities",
        "Helena Marsh* and Tomas Brandt**",
        "March 2025",
        "Chapter 1: Why tariffs lag behind costs",
        "Most mid-sized cities still price water below the cost of keeping their networks in repair.1 The",
        "gap is rarely visible in a single year, because deferred maintenance appears in the accounts only",
        "when a main fails. Between 2010 and 2020 the median city in our sample raised its volumetric tariff",
        "by less than inflation, while its replacement backlog grew by about a third.2",
        "* Senior fellow at the Northgate Institute for Urban Policy.",
        "** Research associate at the Northgate Institute for Urban Policy.",
        "1 Regional Utilities Board, Annual Tariff Survey 2021 (Leeds: RUB, 2021), 14.",
        "2 Authors’ calculation from municipal accounts for 38 cities.",
        "1",
    ],
    [
        "Councils give two reasons for keeping tariffs low. The first is affordability: a rise in the water",
        "bill falls hardest on households with the least room in their budgets.3 The second is political:",
        "tariff decisions are taken by elected councils, and the cost of a rise is felt before the benefit of",
        "a safer network. The national regulator has accepted the first argument without fully weighing",
        "the second, which in our view understates the long-run cost of delay.†",
        "3 See the affordability thresholds in OECD, Pricing Water Resources and Water and Sanitation",
        "Services (Paris: OECD Publishing, 2010), 41–45.",
        "† The regulator’s guidance of 2019 does not discuss deferred maintenance at all.",
        "2",
    ],
    [
        "Chapter 2: Three ways to close the gap",
        "Cities that have closed the gap did so in one of three ways. Some raised the fixed charge rather",
        "than the price per cubic metre, which keeps the bill predictable for households.1 Others tied",
        "tariff rises to a published investment plan, so that councillors could point to the mains each rise",
        "would pay for. A third group pooled their networks in a regional utility, spreading the cost of",
        "renewal over a larger customer base.2",
        "1 Fixed charges made up 42 per cent of the average bill in these cities in 2020, against 25 per",
        "cent elsewhere.",
        "2 The Lower Vale Water Partnership, formed in 2016, is the largest such pooling in our sample.",
        "3",
    ],
    [
        "None of the three routes is free of risk. A higher fixed charge weakens the incentive to save water,",
        "and regional pooling moves decisions further from the voters who pay the bills.3 We therefore",
        "recommend that regulators publish a common measure of the maintenance backlog, so that",
        "councils can compare their position with that of their neighbours before setting tariffs.*",
        "3 On the loss of local accountability see Ruth Ellison, “Who Decides the Price of Water?”, Journal",
        "of Urban Affairs 44, no. 2 (2022): 201–219.",
        "* The measure could follow the asset condition grades already used in the national register.",
        "4",
    ],
]

text = PAGES[0][0]
for p, page in enumerate(PAGES):
    for k, line in enumerate(page):
        if p == 0 and k == 0:
            continue
        if k == 0:
            text += "\n " + line
        else:
            text += "\n\n" + line
Path(__file__).with_name("400_notes5-water-pricing.txt").write_text(text + "\n\n"[:0], encoding="utf-8")
