"""Line rules for page chrome in already-extracted text.

Each rule is a (reason, pattern) pair; a line matching the pattern is boilerplate for that reason.
The rules are deliberately specific (whole-line shapes, not single words), so a headline, subhead or
quote that merely mentions "subscribe" or "photo" is kept.
"""

from __future__ import annotations

import re

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun"

# A line that is nothing but a date, as page chrome prints it ("Monday, March 20, 2023").
CHROME_DATE = re.compile(
    rf"^\s*(?:(?:{_WEEKDAYS})\.?,?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})"
    rf"(?:\s*(?:at\s+|[•|·,–-]\s*)?\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\s*$",
    re.IGNORECASE)

# "Read also"-style lead-ins to other stories, in the languages of the tuning pages.
_MORE_STORIES = (r"read also|read more|also read|see also|lesen sie auch|lesen sie mehr|mehr zum thema|"
                 r"siehe auch|lire aussi|à lire aussi|voir aussi|lea también|lea más|vea también|"
                 r"le puede interesar|veja também|leia também|leggi anche|czytaj (też|także|również)")

# Reporters credited at an article's foot: "Additional reporting by Steve Gorman; Editing by Nick
# Zieminski", "(Reporting by Greg Roumeliotis, with reporting by Herb Lash, editing by Martin
# Howell.)", "Alex Isenstadt contributed to this report." Names are capitalised words (case matters
# there), so prose ("Reporting by the Guardian revealed ...") is no credit.
_NAME = r"(?-i:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|al|bin))*)"
_NAMES = rf"{_NAME}(?:\s*(?:,|;|&|,?\s+and\b)\s*{_NAME})*"
_CREDIT = (rf"(?:additional\s+|with\s+)?(?:reporting|writing|editing|research|compiled|graphics|production)\s+by\s+"
           rf"{_NAMES}(?:\s+in\s+{_NAME})?")
_REPORTING_CREDIT = (rf"^\s*[(\[]?\s*{_CREDIT}(?:\s*[;,]?\s*(?:and\s+)?{_CREDIT})*\s*[.)\]]*\s*$"
                     rf"|^\s*{_NAMES}(?:\s+(?:in|from)\s+{_NAME})?\s+contributed\s+(?:reporting|to\s+this\s+"
                     rf"(?:report|story|article))(?:\s+from\s+{_NAMES})?\s*\.?\s*$")

LINE_RULES: list[tuple[str, re.Pattern]] = [(reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in [
    ("navigation", r"^\s*(skip to (main )?content|skip navigation|toggle navigation|back to top|"
                   r"main menu|menu|home|search|close|open menu)\s*$"),
    ("link to another story", rf"^\s*[\[(]?\s*({_MORE_STORIES}|related( article| story| post)?s?|"
                              r"recommended( for you)?|more from [\w .]+|you may also like|"
                              r"don'?t miss|must read|watch|mira|lea)\s*[:\-–|]\s*\S"),
    ("section heading of page chrome", rf"^\s*(({_MORE_STORIES})\s*:?|(latest|popular|trending|most read|"
                                       r"most popular|recent|related|more|top|editor'?s picks?|recommended|"
                                       r"headline|ähnliche|verwandte|weitere|neueste|aktuelle|beliebte|"
                                       r"meistgelesene)\s+(articles|news|posts|stories|videos|headlines|"
                                       r"beiträge|artikel|themen|nachrichten|meldungen)( zum thema)?:?)\s*$"),
    # "Most read in world news", "Trending on Example": a list's heading naming its section
    ("section heading of page chrome", r"^\s*(most (read|popular|viewed|shared|watched)|trending|top stories)"
                                       r"\s+(in|on|from)\s+[\w '’.&-]{1,30}:?\s*$"),
    ("link to another page", r"^\s*(\w+\s*:\s*)?(https?://|www\.)\S+\s*$"),  # a bare link ("Listen: http://po.st/x")
    ("link to another page", r"^\s*(read|find|see|get) more (news|stories|articles|coverage|reviews|updates|"
                             r"\w+ news)\b.{0,100}$"),
    ("link to another page", r"^\s*(read|see|view|continue reading) (the )?(rest|full (story|article|text)|"
                             r"original( (story|article))?)( of (the|this) (story|article))?( here| at .{1,40})?\.?\s*$"),
    ("social media embed", r"^\s*@\w+\s*$"),
    ("social media embed", r"^\s*(view this (post|photo|video) on (instagram|facebook|twitter|x|tiktok)|"
                           r"sieh dir diese[nm]? (beitrag|foto|video) auf (instagram|facebook|tiktok) an|"
                           r"voir cette publication sur instagram|ver esta publicaci[oó]n en instagram|"
                           r"(a post|ein beitrag) (shared by|geteilt von) .{1,80})\s*$"),
    ("social media buttons", r"^\s*click to (share|print|email)\b.{0,60}$"),
    ("social media buttons", r"^\s*([-•*·]\s*)?(order reprints?|reprints?( (&|and) permissions)?|"
                             r"(print|email|share|save|gift) (this )?(article|story|page))\s*$"),
    ("social media buttons", r"^\s*follow (us|@\w+) on (twitter|facebook|instagram|x|linkedin|tiktok|youtube)\b.{0,200}$"),
    ("social media buttons", r"^\s*((share|tweet|pin|email|print)( (this|on \w+))?|follow us( on \w+)?|"
                             r"like us on facebook|facebook|twitter|whatsapp|linkedin|telegram|reddit)\s*$"),
    ("comment form", r"^\s*(please enter your (comment|name|email)( address)?( here)?!?|leave a (reply|comment)|"
                     r"post a comment|comments?|\d+ comments?|your email address will not be published.*|"
                     r"save my name, email,.*|add a comment|log in to comment|required fields are marked.*)\s*$"),
    ("subscription prompt", r"^\s*(discover more from .+|subscribe( now| today)?( to .+)?|"
                            r"sign up (for|to) .+|get the latest .+ (in|to) your (inbox|email)\.?|"
                            r".*subscribe to get the latest .+|newsletter( sign[- ]?up)?|"
                            r"continue reading|type your email.*)\s*$"),
    # "Want more sports news? Sign up for the Sports Omelette ...", "Pick Six Newsletter",
    # "Get local news delivered to your inbox!"
    ("subscription prompt", r"^[^.!?]{0,80}\?\s*(sign up|subscribe|register)\b.{0,200}$"),
    ("subscription prompt", r"^\s*(?-i:(?:[A-Z][\w'’&-]*\s+){1,4})newsletter\s*$"),
    ("subscription prompt", r"^(?=.{0,120}$).*\b(delivered|sent|straight|direct(ly)?)\s+(to|in)(to)?\s+your\s+inbox\b.*"),
    ("comment form", r"^\s*(\d+|no|one)\s+(comments?|responses?|replies|kommentare?|antworten|commentaires?|"
                     r"comentarios?|reacties)(\s+(to|on|zu)\b.{0,160})?\s*$"),
    ("comment form", r".*(e-?mail[- ]?ad\w*|adresse (e-?mail|de messagerie)|dirección de correo).{0,40}"
                     r"(nicht veröffentlicht|will not be published|ne sera pas publiée|no será publicada).*"),
    ("comment form", r"^\s*(erforderliche felder|required fields|champs obligatoires|campos obligatorios)\b.{0,80}$"),
    ("comment form", r".*\b(comments are moderated|kommentare werden \w* ?moderiert|akismet|"
                     r"(log|sign) in (here )?to (leave a |post a )?comment|para comentar debes)\b.*"),
    ("subscription prompt", r"^(?=.{0,400}$)(?=.*\b(newsletter|e-?mail|blog|inbox|postfach)\w*\b)"
                            r"(?=.*\b(subscribe|sign up|abonn\w+|anmelden|inscri\w+|suscr\w+|"
                            r"verpasst du keinen|receive our|erhalten sie)\b).*"),
    ("reporting credit", _REPORTING_CREDIT),
    ("stay connected widget", r"^\s*stay connected\s*$"),
    ("advertisement", r"^\s*[-–—]*\s*(advertisement|sponsored( content)?|ad|ads by \w+|promoted)\s*[-–—]*\s*$"),
    ("site disclaimer", r"^\s*disclaimer\s*:.*"),
    ("site disclaimer", r".*(point of view of the site|does not necessarily reflect|programmatic technology|"
                        r"for your personal,? non-?commercial use only|"
                        r"all rights reserved|not from a human editor).*"),
    ("copyright line", r"^\s*[\(\[]?\s*(©|\(c\)|copyright\b).{0,300}$"),
    ("copyright line", r"^.{0,40}(©|\(c\)|copyright)\s*(copyright\s*)?(\d{4}|by\b).*$"),
    ("photo credit", r"^\s*[\(\[]?\s*(photo|image|picture|credit|photograph|file photo|foto|bild|titelbild|"
                     r"beitragsbild|crédit photo)s?\s*(:|by\b|credit\b).{0,160}$"),
    ("photo credit", r"^.{0,300}[|/(]\s*(©|foto:|photo:)\s*[^|()]{1,80}\)?\s*$"),
    # "Main image credit: Getty", "Header Image: People have lived ... Credit: ...", "installation
    # views, photos © Inexhibit, 2018"
    ("photo credit", r"^\s*([\w-]+\s+){1,2}(image|photo|picture|photograph)s?(\s+credit)?\s*:.{1,300}$"),
    ("photo credit", r"^.{0,200}\b(photos?|images?|pictures?)\s+(©|\(c\)|copyright\b)\s*[^.]{1,80}$"),
    ("photo credit", r"^.{0,160}\b(via getty images|/ ?afp|/ ?reuters|/ ?ap photo|shutterstock)\s*[\)\]]?\s*$"),
    ("photo caption code", r"^\s*(?-i:[A-Z]{2,}(-[A-Z]{2,}){1,})\s*$"),  # case matters: "On-Off-Switch" is a word
    ("weather widget", r"^\s*-?\d{1,2}(\.\d)?\s*°?\s*[CF]\s*$"),
    # a page's JavaScript an extractor passed on as text ("(function() {", "document.addEventListener(",
    # "var configuration = {};"): no words of the article
    ("script code", r"^\s*(\(?function\s*[\w$]*\s*\([^)]*\)\s*\{|(var|let|const)\s+[\w$]+\s*=.*;\s*$|"
                    r"(document|window)\.[\w$.]+\s*[(=]|(if|for|while)\s*\(.*\)\s*\{\s*$)"),
    ("server error message", r"^\s*(<b>)?(warning|notice|deprecated|strict standards|fatal error|parse error)"
                             r"(</b>)?:.{0,400}\bon line\b.{0,40}$"),  # PHP's, printed into the page
    ("cookie notice", r".*\b(we use cookies|accept (all )?cookies|cookie (policy|settings))\b.*"),
    ("cookie notice", r"^(?=.*cookie)(?=.*\b(this (web)?site|website|webseite|browser|datenschutz\w*|privacy|"
                      r"consent|zustimm\w*|einverstanden|akzeptier\w*|accept\w*|tracking|preferences|"
                      r"einstellungen|verwenden wir|wir verwenden|nous utilisons|utilizamos|unserer dienste)\b).*"),
]]

# "Published: March 3, 2021", "Posted on 3 March 2021 10:45", "Updated 2021-04-05": a page's own
# statement of when it was published (trusted) or modified (kept as evidence, never the page date).
# A section's name may come first, as a dateline box prints it: "india Updated: Apr 26, 2020 21:43 IST"
# (Hindustan Times); then the stamp is capitalised and takes a colon, as no sentence writes it.
DATED_LINE = re.compile(r"(?i)^\s*(?:(?-i:[\w&-]+\s+){1,3}(?=(?-i:Published|Posted|Updated|Modified)\s*:))?(?P<kind>(?:first\s+)?published|posted|publicado|publié|veröffentlicht|"
                        r"опубликовано|(?:last\s+)?updated|(?:last\s+)?modified|actualizado|обновлено)"
                        r"(?:\s+(?:on|at|el|le|am))?\s*:?\s*(?P<date>(?=.*\d).{6,60}?)\s*$")
MODIFIED_KINDS = re.compile(r"(?i)updated|modified|actualizado|обновлено")

AUTHOR_BIO = re.compile(
    r"^\s*(?P<first>[A-Z][a-z]+)(\s+[A-Z][a-z]+)?\s+(is|was|has been)\s+(an?|the)\s+"
    r"(award-winning\s+|senior\s+|freelance\s+|staff\s+|veteran\s+)*"
    r"(journalist|writer|reporter|editor|correspondent|columnist|contributor|author)\b")
BIO_SITE = re.compile(r"\b(?:writer|reporter|editor|correspondent|journalist|contributor|columnist)"
                      r"\s+(?:for|at|with)\s+(?:the\s+)?(?P<site>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})")
SITE_FROM_PROMPT = re.compile(r"^\s*discover more from\s+(?P<site>[^|–—\n]+?)\s*(?:[|–—].*)?$", re.I)
NAME_LINE = re.compile(r"^\s*(?:by\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2})\s*$")
# Outlets that articles credit at their foot ("ABC News", "Reuters", "Tass").
CREDIT_LINE = re.compile(
    r"^\s*(?:source\s*:\s*|via\s+|courtesy(?: of)?\s+)?(?P<outlet>(?:[A-Z][\w&.'’-]*\s+){0,3}"
    r"(?:News|Times|Post|Press|Agency|Reuters|AP|AFP|TASS|Tass|BBC|CNN|Journal|Herald|Tribune|Daily|"
    r"Telegraph|Guardian|Gazette|Wire|Network|TV|Radio|Xinhua|Bloomberg|Dispatch|Chronicle))\s*\.?\s*$")


# Reported speech: quotation marks or an attribution cue. Such a line is article prose, whatever
# chrome words it holds ("“We use cookies to track you,” the whistleblower said.").
QUOTE_MARKS = re.compile(r"[“”„«»「」『』\"]|''|``|(?:^|\s)'\w|\w[.,!?]'(?:\s|$)")
ATTRIBUTION_CUE = re.compile(r"\b(said|says|say|told|tells|according to|asked|added|stated|wrote|explained|"
                             r"argued|announced|declared|insisted|warned|claimed|noted|replied|testified)\b",
                             re.IGNORECASE)
REPORTED_SPEECH_MIN_WORDS = 6  # "Photo: Reuters" has no room for a speaker, a cue and words said


def is_reported_speech(line: str) -> bool:
    """A line that quotes or attributes words: it is prose, never chrome."""
    return (len(line.split()) >= REPORTED_SPEECH_MIN_WORDS
            and bool(QUOTE_MARKS.search(line) or ATTRIBUTION_CUE.search(line)))


def rule_reason(line: str) -> str | None:
    """The reason a single line is page chrome, judged on the line alone (never reported speech)."""
    if not any(ch.isalnum() for ch in line):
        # table borders and rules of a layout table ("|  |  |"), separators ("* * *", "----"):
        # an extractor passes them on as text, and they are not words of the article
        return "page layout (no words)"
    if CHROME_DATE.match(line):
        return "date line in page chrome"
    for reason, pattern in LINE_RULES:
        if pattern.match(line):
            return None if is_reported_speech(line) else reason
    return None


# Reader comments in plain text: the lines around each comment that a comment widget prints.
COMMENT_MARKERS: list[tuple[str, re.Pattern]] = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in [
    ("\"says:\" line", r"^\s*(?!(he|she|they|it|who|i|we|you|one)\s)\S.{0,60}?\s+(says|said|wrote|commented|replied)"
                       r"(\s+on\s+.{4,40})?\s*:\s*$"),
    ("reply button", r"^\s*(reply|report( abuse| comment)?|flag|permalink|like|dislike|edit|delete|"
                     r"load more( comments| replies)?|view (\d+ )?(more )?repl(y|ies)|show more|"
                     r"antworten|responder|répondre|ответить)"
                     r"(\s*(\(\d+\))?\s*[·|•,]?\s*(reply|report|like|dislike|flag|edit))*\s*[↓↑]?\s*$"),
    ("time-ago stamp", r"^(.{0,40}[·|•,-]\s*)?(about\s+)?(\d+|an?|one)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|"
                       r"days?|weeks?|months?|years?|[smhdwy])\s+ago(\s*[·|•]\s*\w+)?\s*$"),
    ("vote count", r"^\s*(?=.*([▲▼↑↓👍👎]|points?|votes?|likes?))([▲▼↑↓👍👎+−-]\s*)?\d+\s*(points?|votes?|likes?|"
                   r"upvotes?|downvotes?|[▲▼↑↓👍👎])?(\s*[·|•]?\s*([▲▼↑↓👍👎]\s*)?\d+\s*[▲▼↑↓👍👎]?)?\s*$"),
    ("vote count", r"^\s*(like|likes|upvote|recommend)\s*\(?\d+\)?\s*$"),
]]


def comment_marker(line: str) -> str | None:
    """What comment-widget line this is ("reply button", "time-ago stamp", ...), else None."""
    for kind, pattern in COMMENT_MARKERS:
        if pattern.match(line):
            return kind
    return None
