"""Quotes and attribution on PolNeAR (political news): source, cue and content span F1 (exact and
overlap) and speaker accuracy, for dossier's quote extractor beside a plain spaCy-rule baseline
(full pipeline with the parser: a speech verb, its nsubj subtree as source, its ccomp subtree or
the quoted span of the sentence as content), in the same run.

usage: .venv/bin/python benchmarks/quotes_polnear.py ../shared/data/polnear [--split dev] [--start N] [--limit N] [--every N]
       (--split names data/<split>/; a held-out split laid out the same way runs unchanged)

Gold: the first annotator's .ann per article; discontinuous spans are taken from first to last
piece. Dossier's quotes carry exact cue and source offsets (cue_start/cue_end,
source_start/source_end); only where they are missing does the benchmark fall back to the
occurrence of the cue word / speaker words nearest the content. Exact = same span after trimming spaces,
punctuation and quote marks; overlap = any shared character (one-to-one matching). Speaker
accuracy = among gold attributions whose content a system quote overlaps, the share whose system
source overlaps the gold source. The rules were written for the seeds and hand-made news
sentences, then tuned on PolNeAR train only (verb list, cue and source span extent, quote
continuation; later the belief and intention cues, "Name:" lines, verbs with a "that"-clause,
titles like "Mr." inside a frame, and speakers carried across sentences and paragraphs, chosen on
every 6th and 12th article of train; later still, the quote continuation over a long source
phrase, titles in quote marks, manner-of-speaking verbs and unnamed source phrases, chosen on
`--split train --start 1 --every 6`; later again, the cue lemmas from the cue table, parenthetical
"as X noted" cues, noun cues, stance adjectives and the evaluation verbs, chosen on
`--split train --start 2 --every 5`; then one attribution per word (a quote nested in another's
reported clause dropped), a quote going on after its own attribution and the nearest of two
parsed subjects (a dateline misparse), the issuer of a statement or ad as its source, a quote
paragraph going on from the sentence before, "according to" before a multi-sentence quote,
"CITY, Country -" datelines, headlines ending with a full stop and the "that"-clause of "said"
misparsed as a relative clause, the subject borrowed over an unlabelled "dep" and a source ending
in a quoted title, the opening "Asked ..., X said" (a cue; X is not its source) and "asked if",
chosen on `--split train --start 3 --every 5`; then the naming, comparing and pressing verbs, a
quote going on later in its paragraph, an interruption by a manner-of-speaking verb, the speaker
before a cue the parse left without a subject and a second report ending a reported clause, chosen
on `--split train --start 4 --every 5`; then the cue frames learned from train counts (a verb,
noun or adjective lemma with its clause, infinitive, object or preposition, src/dossier/analyse/
cue_frames.tsv, counted by benchmarks/cue_frames_polnear.py on the train articles whose index % 5
is 0-3 only), its thresholds (a gold cue in 30%+ of 3+ occurrences with a holder) chosen on the
disjoint `--split train --start 4 --every 5`; then, for speaker accuracy, the "by" agent of a bare
passive participle ("When asked by a reporter"), object control ("led Priebus to declare"), the
noun before a gerund after with/of/about/by, the subject of the verb whose object is a noun cue
owned by a possessive pronoun ("toned down his criticism"), the person before a cue over one after
it in a quote's frame, an inverted source inside the content it splits, determiner subjects of
manner-of-speaking verbs, a poll after "in" as source, an active verb borrowing a passive host's
subject, the next paragraph of an open quote with its own attribution and the subject of a
sentence that introduces a quote with a colon but has no cue word, chosen on
`--split train --start 0 --every 5` and `--start 1 --every 5` and checked on the disjoint
`--start 3 --every 5`; then a report in a relative clause ("moves that he said helped") as its own
attribution, "called for X to act" (the parse's "for" clause) as the frame "call for", the nouns
naming a stance's holder ("X is a supporter of Y"), the issuer of a thing a "that" clause reports
on ("released an ad that attacks"), subjects the parser misread (a contracted "has" as a passive,
"Will wrote" with a surname as modal, "X, said Y, does Z" with X as subject), and "find" reporting
an object only after a poll or study ("posted" never its place), chosen on `--start 0 --every 5`
and checked on `--start 3 --every 5`; then "as X put(s) it" as a cue, figures after "Name:" and a
headline's part after a dash as no quote, a "which" clause on a noun after a preposition held by
that noun, subjects the parser hung elsewhere ("than the industry says", "X supports A, opposes
B"), titles after a comma or with a numeral, the hearer of "tell" as no content, a surname read
as an adverb ("Jolly said") and "reportedly" as a sourceless cue, chosen on `--start 1 --every 5`
(the last but one on `--start 3 --every 5`) and checked on `--start 2 --every 5`; then the owner of
a noun holding the cue of a participle or gerund on it and of a noun cue before a quote ("her
statement condemning", "their strategy of attacking", "her comment that"), longer determiner
phrases before a manner verb, a participle after a quote's report ("he said, not even
suggesting"), a bare participle's question ending before the answering clause ("When asked why,
X responded:") and the parsed report whose clause is the quote, "The Latest:"/"BYLINE:" as line
labels, the "that"-clause of "said" after a gerund, the phrase before a cue starting after a
subordinator ("as his friends jeered"), a second clause's manner verb ending an interruption,
"That said," as no report, a preposition without its object as no content and a report in a
"when" clause ending the outer content, chosen on `--start 3 --every 7` (a stride no earlier
round used; every train article was already in one of the five `--every 5` slices), then a
capitalised verb opening a frame ("Said X, ...", "Stated X:") and no person after a preposition
as the frame's speaker ("took to Twitter, writing:"), chosen on `--start 3` and `--start 6
--every 7`, all checked on `--start 5 --every 7`; then "reportedly" on a reporting verb left to
the verb, any verb whose clause is a quote opened after a comma ("proclaimed at a press
conference, "...""), a clause before a semicolon not the next verb's content and one before a dash
cut to the part after it, a "with X saying" absolute clause as its own report, a standing
determiner as an inverted source ('"...," tweeted another'), a possessive pronoun on an object
noun with a participle standing for the subject ("she revised her statement explaining") and
'"...," read(s) the statement' with the text as source, chosen on `--start 1 --every 7` and
checked on `--start 4 --every 7`, then a passive's "by" agent hung on a noun of its phrase ("attacked on
the speeches by X") and a conjoined passive's own agent over the borrowed subject, and a
participle after a comma on a noun done by the clause's subject ("called for a vote, declaring"),
chosen on `--start 1 --every 7` (found on `--start 0 --every 7`), and an infinitive on a thing
after a preposition or copula done by the clause's subject ("used part of his address to call"),
chosen on `--start 2 --every 7`, then a floating "all"/"both" leaving the names before it as the
source ("X, Y and Z all calling for"), chosen on `--start 2 --every 7`, and a participle between
two quoted pieces going on with the first piece's reporter ('she stated, "A," adding, "B"'),
chosen on `--start 1 --every 7`, and a "Name:" line listing only names as no quote ("Iowa: Tim
Albrecht, Brad Anderson, ..."), and "A, said X" with the parse hanging A's subject on "said"
(X the speaker, A the content), and a quote right after an issued statement or message ('issued
a statement, "..."') as its issuer's, chosen on `--start 1 --every 7`, all checked on `--start 4
--every 7`; then a sentence's own reported clause kept when an unattributed quote after it borrows
its cue (not when a colon ends it), a place after "seem", "appear" or "show up" ("appeared on
MSNBC") and a phrase that is only a time ("on Monday") as no content, and a verb conjoined after
an adverbial clause closed off by a dash or parenthesis taking the main clause's subject, chosen
on `--start 1` and `--start 2 --every 7`, checked on `--start 4 --every 7`; then a second
"that"-clause of the same verb kept in its report ("said A, but that B"), a speech verb without a
subject conjoined to the reported clause as the reporter's second report ("said A but added,
"B""), a verb's object ending before a verb phrase conjoined to the verb, the noun a relative
clause without a pronoun modifies as its report's content ("a fact he often mentions on the
trail") and quoted words inside the next report's source phrase ('the hacker known as
"Guccifer," stated that') left to that phrase, chosen on `--start 1` and `--start 2 --every 7`,
checked on `--start 4 --every 7`; then a poll after "in" opening the sentence before a reporting
verb's subject as the source of what its respondents said ("In a CNN poll, 79 percent said ..."),
found on `--start 0 --every 7` (speaker 90.71 -> 90.85), kept on `--start 1` (content 81.95 ->
81.96, speaker 91.43 same) and `--start 2 --every 7` (81.95 / 90.86 same), checked on `--start 4
--every 7` (content 81.55 -> 81.54, speaker 90.13 -> 90.18); then the "by" agent of a passive
participle on a noun as its source ("changes proposed by the government", not the changes),
chosen on `--start 0`, `1` and `2 --every 7` (speaker 90.85 same, 91.43 -> 91.48, 90.86 -> 90.90),
checked on `--start 4 --every 7` (90.18 same), and a second report whose subject the parse
conjoined to the end of the first report's clause ("One in three said A about the community and
one in four said B": A ends before "and", "one in four" says B), chosen on `--start 1 --every 7`
(speaker 91.48 -> 91.52; 0 and 2 same), checked on `--start 4 --every 7` (same), and a quantifier
the parse read as the cue's modifier as its subject ("That attitude, many argue, could ...", "more
call themselves conservative"), chosen on `--start 1 --every 7` (91.52 -> 91.60; 0 and 2 same),
checked on `--start 4 --every 7` (same), and a quote with no cue that ends a sentence of the
writer's after another speaker's quote given to the first person that sentence names ('Bernie
Sanders ... enjoys "Modern Family."', not the last quote's speaker going on), chosen on `--start 1
--every 7` (91.60 -> 91.86; 0 and 2 same), checked on `--start 4 --every 7` (same), and the words
before an inverted report that closes its sentence as its content even when the tagger left them
no verb ('The rejection of the treaty signals "the end" for the EU, said Geert Wilders.'), chosen
on `--start 1 --every 7` (91.86 -> 91.90; 0 and 2 same), checked on `--start 4 --every 7` (same),
and an inverted report after a comma that closes its sentence but that the parser hung on the
clause before as a conjunct (", but it is under pressure from imports, said the company's chief
executive.") as reporting the words before it, chosen on `--start 2 --every 7` (content 81.95 ->
81.97; 0 and 1 same), checked on `--start 4 --every 7` (same), and a pro-form the parser read as
a second subject after the verb as what was said ("26 percent said the same"), chosen on `--start 1
--every 7` (content 81.96 -> 81.98; 0 and 2 same), checked on `--start 4 --every 7` (same), and the
clause of "said" whose subject the parser read as the verb's object and whose verb it hung on the
root ("saying Obama's strategy -- airstrikes ... -- is inadequate"; not a verb conjoined in a list
of acts, which cost on `--start 2`), chosen on `--start 1 --every 7` (content 81.98 -> 82.00,
speaker 91.90 -> 91.91; 0 and 2 same), checked on `--start 4 --every 7` (same); then (round 41, tuned on `--start 5` and `--start 6
--every 7`, strides no earlier round tuned on, checked on `--start 2 --every 7`) a name in quote
marks inside a source phrase ('the "Pose" actor said') as neither the speaker nor a quote (a user's
page; content 81.34 -> 81.38 on 5, 6 and 2 same), a reciprocal or reflexive object alone ("congratulated
each other", "dubbed himself", with at most a time after it) as no reported content (a user's page;
content 81.38 -> 81.41 on 5, 81.37 -> 81.35 on 6, 2 same; plain object pronouns too lost 0.03 on
5), and "That's according to X" reporting the sentence before, not "That's" (a user's page; 5, 6
and 2 same), and a bare participle of a naming verb on a noun ("a company called Cambridge
Analytica", "a staffer named X") as no report (content 81.41 -> 81.49 on 5, 81.35 -> 81.37 on 6,
checked on 2: 81.97 -> 81.98, speaker 90.90 -> 90.95), and a direct quote with no cue and no
introducing sentence given to the person its own sentence names right before a verb ('Robby Mook
released a memo titled "..."'; speaker 90.27 -> 90.47 on 5, 90.78 -> 90.97 on 6, checked on 2:
same); a phone call ("Obama called both candidates") as no report lowered speaker on 2 and was
dropped); then (round 42, content overlap, tuned on `--start 1` and `--start 5 --every 9`, a stride
no earlier round used, checked on `--start 8 --every 9`) a quote whose nearest cue word reports a
clause elsewhere given to the report whose clause holds it, the first cue keeping its own report
('called for Trump to drop out, calling him "a disgrace ..."'; content 82.43 -> 82.51 on 1, 82.50
-> 82.53 on 5, speaker 90.75 -> 90.71 and 91.66 -> 91.91; checked on 8: content 81.52 -> 81.58,
speaker 90.83 -> 91.00; dev aggregate read after: content 81.87 -> 81.99, speaker 88.82 -> 88.91), and a speech verb's participle after a comma that ends a
clause another verb reports as that reporter's next report, with its own content ('insisted that
he has "expanded the party," claiming that ...', 'indicated A, vowing B, and suggesting C';
content 82.51 -> 82.59 on 1, 82.53 -> 82.60 on 5, speaker 90.71 same, 91.91 -> 91.97; checked on 8:
81.58 -> 81.61, speaker 91.00 same; dev aggregate read after: 81.99 -> 82.04, speaker 88.91 same; a participle of any cue verb, with the clause's subject as
its source, lowered speaker on 1 and was dropped), and a title-case headline naming its speaker
after a comma right before the cue as reporting what comes before ("..., Trevor Noah Says.",
"Guns Are '...,' Howard Dean Tells Convention"; content 82.60 -> 82.68 on 5, 1 and 8 same; dev
aggregate read after: 82.04 -> 82.10, speaker 88.91 -> 88.92), and a title-case headline saying to
whom, where or on what its speaker spoke before the colon ("Clinton to Planned Parenthood: ...",
"Former AG Mukasey at RNC: ..."; content 82.59 -> 82.64 on 1, 82.68 -> 82.71 on 5, checked on 8:
81.61 -> 81.64; dev aggregate read after: 82.10 -> 82.17, speaker 88.92 -> 88.82), with the source phrase taking where or to whom it was said ("Former AG
Mukasey at RNC", as PolNeAR train marks it; the speaker's name stays "Former AG Mukasey"; the
tuning and check slices unchanged but source overlap 79.30 -> 79.35 on 1; dev aggregate unchanged), and "To X," opening a sentence
with a name, a personal pronoun or a word for people as X's view of the clause after the comma
("To Sharp, Trump is the man who saved her farm"; content 82.71 -> 82.82 on 5, speaker 91.99 ->
92.01; 1 and 8 same; a demonstrative "To that," cost a spurious quote on 8 and is left out; dev aggregate unchanged): report dev (or test), never train.


dropped): report dev (or test), never train.
Round 42s (speaker accuracy; tuned on `--start 2` and `--start 7 --every 9`, a stride no earlier
round used, each rule checked on `--start 4 --every 9`): a quoted piece with an attribution of its
own right after it is its own quote ('"A," she said, but ..., "B," said Kunin'), a floating "both"
after a dash aside leaves the subject before the aside the source, a conjoined verb keeps its own
subject the parser read as a conjunct ("... and NBC News will accuse you"), words fronted before a
report set off by commas open its reported clause ("After X approved Y, Hebert said, Z"), an
opening "According to X," whose clause the parser hung on X as appositions, "that, according to
X, ..." attributing the rest of the clause, and a reporting participle after a comma hung on a
reported clause as the reporter's second report. Speaker 91.12 -> 91.53 on 2 and 91.65 -> 91.76
on 7 (content overlap 82.07 -> 82.10, 82.08 -> 82.14); check slice 4: speaker 91.28 same, content
83.10 -> 83.13; dev aggregate, read after each commit only: speaker 88.82 same, content 81.87 ->
81.92. Dropped: "you" as a source (+0.23 on both tuning slices, but "you" is never a speaker by
design, commit 9f257e3), a relative clause's report ("X, which allows ...") as its own attribution
cutting the outer clause (speaker +0.17/+0.62 but content -0.19/-0.48; with speech verbs and a
clause only, content -0.10/-0.05), and a gerund after "after months of" taking the clause's
subject (speaker same on 2 and 7; the misparse it aimed at gave the wrong person).
Round speak44 (speaker accuracy; tuned on `--start 5` and `--start 8 --every 9`, checked on
`--start 3 --every 9`, with the commit before it as the baseline, 92ec222): "made clear that ..."
without "it" (the clause hangs on "made"), a parsed source phrase with quoted words in it ('"Daily
Show" host Trevor Noah', 'a "super PAC"') kept as the source, a learned frame's object that is a
noun cue owned by someone else ("slammed Trump's comments") as what the verb reports, a participle
on a noun after "to" done by that noun ("handed $25 million to an outside group backing X"), a
stance adjective tagged a participle ("are convinced that"), a conjoined verb of any kind keeping
its own subject the parser read as a conjunct ("charged the officer with murder and Emanuel fired
..., acknowledging"), a verb conjoined after a quoted aside in dashes taking the first clause's
subject ('Clinton suggested A - "B," she said - and charged that C'), a participle in -ing on people
named as an object done by them, not by the issuer ("an ad featuring Hispanics telling their stories
and criticizing X"), and a verb borrowing "it" as subject from a verb acting on a person taking that
person ("It took him a day to ..., then calling Yahoo News"). Speaker 92.01 -> 92.54 on 5 and 91.00
-> 91.49 on 8 (content overlap 82.82 -> 82.84, 81.64 -> 81.68); check slice 3: speaker 90.12
-> 90.26, content 79.88 -> 79.91; dev aggregate (read at the start, after the first seven rules, and
at the end): speaker 88.82 -> 88.83 -> 88.77, content overlap 82.17 -> 82.26 -> 82.26, so the 90
target is not met (the last two rules cost one dev item; kept, as dev chooses nothing). Dropped: the
noun a passive participle with a "by" agent is on as its content ("measures added by Republicans";
speaker +0.02/+0.08 but -0.05 on the check slice), the object before a gerund after for/from/of as
its doer ("prevented his wife from writing"; +0.06 on 8 but -0.06 on 5, where the gold nests it in a
report we miss, "knocked Cruz for not reporting"), a "who" relative clause with a speech verb and a
clause as its own report cutting the outer content (+0.23 on 5, content -0.05 on 8: PolNeAR leaves
"candidates who say ..." inside the outer report there), a quote not going on past a second sentence
of the writer's after its attribution, or past another report (content down: PolNeAR joins 'She says
B. "C."' into one), any copula adjective with a "that"-clause as a stance (speaker -0.06 on 5,
content -0.03 on 8), the last parsed report of the sentence before an unattributed quote paragraph
(wrong reporters), and three rules with no effect on the tuning slices (a pronoun subject before a
verb for a quote ending a writer's sentence, found on `--start 0`/`2`; "spent much of X doing" done
by the spender; a long third-person "Name:" paragraph as a section, not a quote), and the object of
"leave", "keep", "see" ... doing a participle after it ("left many Republicans wondering"; speaker
91.49 -> 91.28 on 8). What is left on 5 and 8 (250 wrong of 3147 scored): 94 a gold report inside
the content of our quote with another cue (13 of them with no source; mostly the nested reports
PolNeAR marks and one attribution per word drops), 94 our quote with another cue inside a gold
report we missed (17 with no source), 37 the same report with another source, 7 the same report with
no source, 18 partial overlaps.
Round quotes47 (issue 14; tuned on `--start 5` and `--start 8 --every 9`, checked on the other
seven --every 9 slices, none lower than before): "Label:" lines naming an organisation or a
publication ("Gallup Poll:") as the speaker and a place or addressee ("In Iowa:", "To Voters:") as
none, animals' names as no speaker, one or two quoted words inside the writer's sentence as a term
(after "so-called", or a title in capitals with a comma after the writer's words, unless a parsed
report holds it or a naming word comes before it), a name hyphened to a descriptor ("Washington-
based expert") as no speaker, the inch sign (5'10") as no quote mark, a pronoun never resolved to
a name first given after it, "Mr T.Clayson" as a person, a headline's speaker right after a closing
quote mark, he/she resolved only to a person of the gender the article gives (honorific, -man/-woman
title), role acronyms (CEO, CMO) as no name, and short subheadings ("He said, she said") as no
quote. Content overlap 82.84 -> 82.88 on 5 and 81.68 -> 81.79 on 8, speaker 92.54 and 91.49 same
(most of these change the speaker's name, which the benchmark does not score, or match nothing in
PolNeAR); slice 1 speaker 90.89 -> 90.95, slice 6 content 81.77 -> 81.79. Dev, read once at the
end: speaker 88.77 same, content overlap 82.26 -> 82.31; the 90 target is not met.

PolNeAR also marks beliefs and intentions ("Trump wants ...") that a quote extractor does not
aim at, so recall is bounded well below 100.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dossier.analyse import analyse_article  # noqa: E402
from dossier.config import Options  # noqa: E402
from dossier.model import Article  # noqa: E402
from dossier.resources import Resources  # noqa: E402

SPEECH_LEMMAS = {"say", "tell", "add", "state", "claim", "report", "note", "write", "argue", "announce",
                 "warn", "explain", "insist", "ask", "declare", "suggest", "believe", "think"}
_TRIM = " \t\n.,;:!?\"'“”‘’"


def read_gold(ann: Path) -> list[dict]:
    spans, out = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if not re.match(r"[TE]\d+\t", line):
            continue  # a span text with a line break goes on over the next lines (train: one .ann)
        if line.startswith("T"):
            tid, info, _ = line.split("\t", 2)
            kind, offsets = info.split(" ", 1)
            numbers = [int(x) for x in re.findall(r"\d+", offsets)]
            spans[tid] = (kind, min(numbers), max(numbers))
        elif line.startswith("E"):
            roles = dict(part.split(":") for part in line.split("\t")[1].split())
            out.append({role.lower(): spans[t][1:] for role, t in roles.items() if t in spans and role != "Attribution"})
    return [a for a in out if "content" in a]


def trim(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    s, e = span
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return (s, e) if e > s else None


def nearest(text: str, words: str | None, around: tuple[int, int], window: int = 300) -> tuple[int, int] | None:
    if not words:
        return None
    best = None
    for m in re.finditer(re.escape(words), text[max(0, around[0] - window):around[1] + window]):
        s = max(0, around[0] - window) + m.start()
        if around[0] <= s < around[1]:
            continue
        d = min(abs(s - around[1]), abs(around[0] - (s + len(words))))
        if best is None or d < best[0]:
            best = (d, (s, s + len(words)))
    return best[1] if best else None


def dossier_system(text: str, resources: Resources) -> list[dict]:
    article = analyse_article(Article(id="x", source="x", text=text), resources)
    out = []
    for q in article.quotes:
        content = (q.start, q.end)
        cue = (q.cue_start, q.cue_end) if q.cue_start is not None else nearest(text, q.cue, content)
        source = (q.source_start, q.source_end) if q.source_start is not None else nearest(text, q.speaker_text, content)
        out.append({"content": content, "cue": cue, "source": source})
    return out


def spacy_baseline(text: str, nlp) -> list[dict]:
    doc = nlp(text)
    out = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_ not in SPEECH_LEMMAS:
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        complements = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
        source = (subjects[0].left_edge.idx, subjects[0].right_edge.idx + len(subjects[0].right_edge)) if subjects else None
        if complements:
            c = complements[0]
            content = (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        else:
            sent = token.sent.text
            quoted = re.search(r"[\"“]([^\"”]+)[\"”]", sent)
            if not quoted:
                continue
            content = (token.sent.start_char + quoted.start(1), token.sent.start_char + quoted.end(1))
        out.append({"content": content, "cue": (token.idx, token.idx + len(token)), "source": source})
    return out


def match(system: list, gold: list, overlap: bool) -> int:
    used, hits = set(), 0
    for s in system:
        for i, g in enumerate(gold):
            if i in used:
                continue
            if (overlap and s[0] < g[1] and g[0] < s[1]) or (not overlap and s == g):
                used.add(i)
                hits += 1
                break
    return hits


def evaluate(pairs: list[tuple[str, list[dict], list[dict]]]) -> dict:
    result = {}
    for role in ("source", "cue", "content"):
        for mode in ("exact", "overlap"):
            tp = n_sys = n_gold = 0
            for text, system, gold in pairs:
                sys_spans = [x for x in (trim(text, a.get(role)) for a in system) if x]
                gold_spans = [x for x in (trim(text, a.get(role)) for a in gold) if x]
                tp += match(sys_spans, gold_spans, mode == "overlap")
                n_sys += len(sys_spans)
                n_gold += len(gold_spans)
            p, r = (tp / n_sys if n_sys else 0), (tp / n_gold if n_gold else 0)
            result[f"{role} {mode}"] = 2 * p * r / (p + r) if p + r else 0.0
    correct = total = 0
    for text, system, gold in pairs:
        for g in gold:
            hit = next((s for s in system if s["content"][0] < g["content"][1] and g["content"][0] < s["content"][1]), None)
            if hit is None or "source" not in g:
                continue
            total += 1
            src = hit.get("source")
            correct += int(bool(src) and src[0] < g["source"][1] and g["source"][0] < src[1])
    result["speaker acc"] = correct / total if total else 0.0
    result["speaker n"] = total
    return result


def print_misses(name: str, text: str, system: list[dict], gold: list[dict]) -> None:
    """Each error of one article on a line of its own, tagged for grep: MISS (gold content no
    system quote overlaps), SPEAKER (overlapping content, source not overlapping), SPURIOUS
    (a system quote overlapping no gold content)."""
    def show(span):
        return repr(text[span[0]:span[1]][:160]) if span else "-"

    def overlaps(a, b):
        return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]

    for g in gold:
        hit = next((s for s in system if overlaps(s["content"], g["content"])), None)
        if hit is None:
            print(f"MISS {name} cue={show(g.get('cue'))} src={show(g.get('source'))} content={show(g['content'])}")
        elif "source" in g and not overlaps(hit.get("source"), g["source"]):
            print(f"SPEAKER {name} gold={show(g['source'])} ours={show(hit.get('source'))} cue={show(g.get('cue'))}"
                  f" ourcue={show(hit.get('cue'))} content={show(g['content'])}")
    for s in system:
        if not any(overlaps(s["content"], g["content"]) for g in gold):
            print(f"SPURIOUS {name} cue={show(s.get('cue'))} src={show(s.get('source'))} content={show(s['content'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="PolNeAR folder (holds data/<split>/text and attributions)")
    parser.add_argument("--split", default="dev", help="folder under data/ to score (train, dev, test)")
    parser.add_argument("--start", type=int, default=0, help="first article (0-based, sorted by file name)")
    parser.add_argument("--limit", type=int, default=0, help="number of articles to score (0: all)")
    parser.add_argument("--every", type=int, default=1, help="score every Nth article from --start (a spread subset)")
    parser.add_argument("--misses", action="store_true",
                        help="print dossier's errors: gold content no quote overlaps, wrong speakers, spurious quotes")
    parser.add_argument("--no-baseline", action="store_true", help="skip the spaCy-rule baseline (a quicker run)")
    args = parser.parse_args()
    folder = args.data / "data" / args.split
    texts = sorted((folder / "text").glob("*.txt"))[args.start::max(args.every, 1)]
    texts = texts[:args.limit] if args.limit else texts
    if not texts:
        raise SystemExit(f"{folder / 'text'}: no .txt files to score")
    resources = Resources(Options())
    import spacy

    full = spacy.load(Options().analyse.spacy_model)
    runs = {"dossier quotes": []} if args.no_baseline else {"dossier quotes": [], "spaCy-rule baseline": []}
    seconds = {name: 0.0 for name in runs}
    for path in texts:
        anns = sorted((folder / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        gold = read_gold(anns[0])
        for name, system in (("dossier quotes", lambda t: dossier_system(t, resources)),
                             ("spaCy-rule baseline", lambda t: spacy_baseline(t, full)))[:len(runs)]:
            started = time.perf_counter()
            runs[name].append((text, system(text), gold))
            seconds[name] += time.perf_counter() - started
    scores = {name: evaluate(pairs) for name, pairs in runs.items()}
    columns = ["source exact", "source overlap", "cue exact", "cue overlap", "content exact", "content overlap", "speaker acc"]
    print(f"PolNeAR {args.split}: {len(runs['dossier quotes'])} articles, "
          f"{sum(len(g) for _, _, g in runs['dossier quotes'])} gold attributions")
    print(f"{'system':22} " + " ".join(f"{c:>15}" for c in columns) + f" {'sec':>6}")
    for name, s in scores.items():
        print(f"{name:22} " + " ".join(f"{s[c]*100:15.1f}" for c in columns) + f" {seconds[name]:6.1f}")
    if args.misses:
        for path, (text, system, gold) in zip(texts, runs["dossier quotes"]):
            print_misses(path.stem, text, system, gold)
    if args.no_baseline:
        return
    base = scores["spaCy-rule baseline"]
    ours = scores["dossier quotes"]
    print("ratio dossier / baseline: " + ", ".join(
        f"{c} {ours[c] / base[c]:.2f}" for c in columns if base[c]))
    print("anchors (other data): citron all-spans overlap F1 83.2 (PARC 3.0); GenderGapTracker quote F1 83.7, speaker acc 86.0")


if __name__ == "__main__":
    main()
