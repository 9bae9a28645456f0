"""Hand-built articles for the reuse tests: one story, its copy, rewrite, partial reuse, and an
unrelated report on the same topic."""

from __future__ import annotations

from dossier.model import Article

ORIGINAL = [
    "Dock workers in Rotterdam walked off the job on Monday, halting container traffic at Europe's largest port.",
    "The union said the strike would last at least three days unless employers raised wages by eight percent.",
    "Port authorities estimated that more than forty ships were waiting at anchor outside the harbour by the evening.",
    "Transport minister Anna de Vries urged both sides to return to the negotiating table as soon as possible.",
    "Employers have offered a four percent raise, which union leaders called an insult to the workforce.",
    "The last major strike at the port, in 2002, lasted nine days and cost shippers an estimated 200 million euros.",
    "Retailers warned that shelves could empty within a week if the stoppage continues.",
    "Talks are scheduled to resume on Thursday in The Hague.",
]
REWRITE = [
    "On Monday, dockworkers at Rotterdam, the biggest port in Europe, went on strike and brought container traffic to a standstill.",
    "According to the union, the walkout will continue for no less than three days unless employers agree to an eight percent pay rise.",
    "By evening, more than forty vessels were anchored outside the harbour waiting to enter, port officials estimated.",
    "Anna de Vries, the transport minister, called on the two parties to resume negotiations as quickly as possible.",
    "Union leaders described the employers' offer of a four percent wage increase as an insult to the workforce.",
    "In 2002 the port's previous big strike went on for nine days, costing shipping companies around 200 million euros.",
    "Store chains cautioned that shelves might be bare within a week should the stoppage go on.",
    "Negotiations between the two sides will restart on Thursday in The Hague.",
]
PARTIAL = [
    "Workers at the port of Antwerp began a 48-hour strike on Tuesday over the government's pension reforms.",
    "The Belgian government says the reforms are needed to keep the pension system affordable for the next generation.",
    "Some cargo was diverted to other ports in the region, shipping agents said on Tuesday afternoon.",
    "The last major strike at the port of Rotterdam, in 2002, lasted nine days and cost shippers an estimated 200 million euros.",
    "Earlier this year dock workers in Rotterdam walked off the job, halting container traffic at Europe's largest port.",
    "Union officials in Antwerp said they would decide on further action at a meeting next week.",
    "The Belgian employers' federation criticised the strike as irresponsible at a difficult time for exporters.",
    "Ferry services between Belgium and the United Kingdom were not affected by the walkout.",
    "Police said the picket lines outside the terminals had remained peaceful throughout the day.",
    "The pension reform bill is due to be voted on in parliament before the summer recess.",
]
UNRELATED = [
    "Port workers in Hamburg staged a warning strike on Friday as wage talks with terminal operators stalled.",
    "The ver.di union is demanding an inflation adjustment for around 12,000 employees in the sector.",
    "Several container ships were delayed, and the operator HHLA said it expected backlogs through the weekend.",
    "The city's economy senator appealed for a quick agreement to protect the port's competitiveness.",
    "Negotiators for both sides plan to meet again in the middle of next month.",
    "Hamburg is Germany's largest port and handles about eight million containers a year.",
]


def article(article_id: str, sentences: list[str], **meta) -> Article:
    """An article whose paragraphs are the given sentences (no analysis: reuse splits it itself)."""
    return Article(id=article_id, source=f"{article_id}.txt", text="\n\n".join(sentences), **meta)


def corpus() -> dict[str, Article]:
    return {
        "original": article("original", ORIGINAL, page_date="2024-03-04", page_date_trust="ok"),
        "copy": article("copy", [ORIGINAL[i] for i in (0, 1, 2, 4, 5, 7)]),
        "rewrite": article("rewrite", REWRITE),
        "partial": article("partial", PARTIAL),
        "unrelated": article("unrelated", UNRELATED),
    }
