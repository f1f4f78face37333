"""Who signed, what they signed, and which cities an alliance counts as members."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import slugify
from .bodies import HEADS
from .facts import AllianceMember, ClaimedCount, Declaration, OrgMention, PlaceMention, Signatory
from .text import Segmented, capitalise, lists_parties, starting_within

_AGREEMENT_WORDS = (
    r"declarations?|agreements?|compacts?|charters?|accords?|concordats?|pacts?|pledges?|partnerships?"
    r"|memorandum\s+of\s+understanding|deals?"
)
# "to launch the partnership", "to sign a new civic charter": what bodies joined one another to do
_TO_MAKE = (
    r"to\s+(?:launch|sign|form|create|establish|set\s+up|agree|unveil|seal)\s+(?:a|an|the|this|their)\s+"
    r"(?:[\w’'-]+\s+){0,4}?"
)
_SIGN_CUE = re.compile(
    # ("welcomed it but are not signatories": no party)
    r"\b(?:(?:is|are|was|were)\s+(?:also\s+|now\s+|among\s+|one\s+of\s+)*(?:a\s+|the\s+)?(?!(?:not|never)\s)(?:[\w-]+\s+)?signator(?:y|ies)"
    # "Edinburgh College is also a party.", "is a party to the accord"
    r"|(?:is|are|was|were)\s+(?:also\s+|now\s+)*(?:a|the\s+other|another)\s+part(?:y|ies)(?=\s*[.;]|\s+to\s+(?:the|it|this)\b)"
    r"|join(?:s|ed|ing)?\s+forces"
    r"|bec(?:ome|omes|oming|ame)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+)?(?:signatory|party|partner|member)"
    # headlines: "UWE Bristol signs West of England Green Skills Charter", "Hull College and the University
    # of Hull sign skills compact", "Cardiff University joins Core Cities compact"
    rf"|\b(?<!\bto\s)(?:signs?|joins?|seals?|renews?|agrees?)\s+(?:(?:a|an|the|new|its|their)\s+)?"
    rf"(?:(?!(?:of|on|about|into|for|to)\s+(?-i:[a-z]))[\w’'-]+\s+){{0,5}}?(?:{_AGREEMENT_WORDS})\b"
    # "have formalised a ten-year partnership", "formalise innovation partnership"
    rf"|\b(?<!\bto\s)formali[sz](?:e|es|ed)\s+(?:(?:a|an|the|new|its|their)\s+)?"
    rf"(?:(?!(?:of|on|about|into|for|to)\s+(?-i:[a-z]))[\w’'-]+\s+){{0,5}}?(?:{_AGREEMENT_WORDS})\b"
    # "joined as a signatory", "has added its name to", "co-signed", "put pen to paper", "gathered to sign"
    r"|joined\s+as\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:signatory|party|partner)"
    r"|add(?:s|ed|ing)?\s+(?:its|their)\s+names?\s+to|(?:co|counter)-?signed(?!\s+by\b)|put\s+pen\s+to\s+paper"
    r"|(?:gathered|met|(?:came|come|coming)\s+together|assembled)\s+(?:[\w-]+\s+){0,3}?to\s+sign\b"
    # "have teamed up with A to launch a civic compact", "teamed up on a new compact"
    rf"|team(?:s|ed|ing)?\s+up(?=[^.;]{{0,120}}?\b(?:{_TO_MAKE}|(?:on|in|for)\s+(?:a|an|the|this|their)\s+"
    rf"(?:[\w’'-]+\s+){{0,4}}?)(?:{_AGREEMENT_WORDS})\b)"
    # "X signed on Monday", "A and B both signed.", "signed it": the object is the agreement already named
    r"|signed(?=\s+(?:it|on|in|at|last|this|yesterday|today|earlier|jointly|first|too|as\s+well)\b|\s*[,.;])"
    r"|signs(?=\s*(?:[.;]|$))"
    # "have today signed", "has this week signed": a time between the auxiliary and the verb
    r"|(?:has|have|had)\s+(?:(?:also|now|today|yesterday|formally|officially|jointly|finally"
    r"|(?:this|last)\s+(?:week|month|morning|year))\s+)*signed"
    # a joint letter's writers are its signatories: "A and B have written jointly to the Chancellor"
    r"|(?:(?:has|have|had)\s+)?(?:written|wrote)\s+(?:jointly|together|a\s+joint\s+letter)\b"
    r"|(?:(?:has|have|had)\s+)?jointly\s+(?:written|wrote)\b"
    r"|(?:has|have|had)\s+(?:also\s+|now\s+|jointly\s+)*agreed(?=\s+(?:a|an|the)\s)"
    r"|signs?\s+up\s+to|signed\s+up\s+to"
    r"|(?:is|are)\s+joining\s+(?:a|the)\s+(?:joint\s+)?(?:declaration|agreement)"
    r"|(?:both\s+)?(?:take|takes|took)\s+part\s+in\s+(?:a|the)\s+(?:joint\s+)?(?:declaration|agreement)"
    r"|among\s+its\s+(?:backers|signatories|supporters)"
    # a headline: "Leeds, York and Hull universities among nine signatories"
    r"|among\s+(?:the\s+)?(?:(?:first|new|[\w-]+)\s+)?(?:signatories|parties)\b(?!\s+(?:to|of)\s+(?:a|an|another|other)\b)"
    rf"|(?:has|have|had)\s+(?:also\s+|now\s+)*become\s+(?:a\s+)?(?:signator(?:y|ies)|part(?:y|ies)|partners?)"
    rf"|join(?:s|ed|ing)?\s+(?:the|a|an|this|that)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{_AGREEMENT_WORDS})"
    rf"|(?:is|are|was|were)\s+represented\s+(?:in|on)\s+(?:the|a|an|this)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{_AGREEMENT_WORDS})"
    rf"|put\s+(?:its|their)\s+names?\s+to"
    # "are among the organisations that have signed", "is one of the bodies to have signed up"
    # ("is one of 20 universities which, together with the cities, have signed": an aside before the verb)
    r"|(?:is|are|was|were)\s+(?:one\s+of|among)\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?(?:that|which|who|to)"
    r"(?:\s*,[^,.;]{1,80},)?\s+(?:have\s+|has\s+)?(?:signed|sign(?:ed)?\s+up|joined)"
    rf"|work(?:s|ing)?\s+together\s+(?:under|through)\s+(?:a|an|the|this)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{_AGREEMENT_WORDS})"
    # "has renewed its civic agreement with", "struck a new deal", "unveiled a joint charter"
    rf"|(?:renewed|re-signed|refreshed|extended|struck|forged|inked)\s+(?:a|an|the|its|their)\s+"
    rf"(?:(?!(?:of|on|about|into|for)\b)[\w’'-]+\s+){{0,4}}?(?:{_AGREEMENT_WORDS})"
    rf"|(?:unveiled|published|announced)\s+(?:a|an|the|its|their)\s+(?:new\s+)?joint\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_AGREEMENT_WORDS})"
    rf"|(?:is|are|was|were)\s+(?:both\s+|all\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:partners?|parties|party)\s+(?:in|to|of)\s+(?:the|a|an|this)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{_AGREEMENT_WORDS})"
    rf"|(?:(?:has|have|had)\s+)?join(?:s|ed)(?=\s[^.;]{{1,300}}?\s+in\s+(?:signing|backing|(?:a|an|the|this)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{_AGREEMENT_WORDS})\b))"
    # "has joined A and B to launch the Belfast Skills Partnership"
    rf"|(?:(?:has|have|had)\s+)?join(?:s|ed)(?=\s[^.;]{{1,300}}?\s+{_TO_MAKE}(?:{_AGREEMENT_WORDS})\b)"
    rf"|(?:is|are|were|was)\s+named\s+in\s+(?:the|a|an|this)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{_AGREEMENT_WORDS})"
    rf"|(?:latest|first|newest|last)\s+(?:[\w-]+\s+){{0,2}}to\s+(?:sign|join|back|endorse)"
    rf"|(?:has|have|had)\s+(?:also\s+|now\s+|formally\s+|jointly\s+)*(?:endorsed|launched|entered\s+into|formed|committed\s+to)\s+(?:the|a|an|this)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{_AGREEMENT_WORDS})"
    rf"|(?:signed|agreed|launched|formed|sealed|entered\s+into)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{_AGREEMENT_WORDS})"
    # "they went further, signing a civic charter with A and B"
    rf"|(?<=,\s)signing\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{_AGREEMENT_WORDS})(?=\s+with\s))\b",
    re.IGNORECASE,
)
_MAY_SIGN = re.compile(
    r"\b(?:signat|team(?:s|ed|ing)?\s+up|signs?\b|signed|signing|sign\b|join|part\s+in|among|agreed|under\b|represented|put\s+\w+\s+name|endorse"
    r"|launched|entered|formed|committed|sealed|(?:written|wrote)\s+(?:jointly|together)|jointly\s+wr|joint\s+letter|brings?\b|bringing|part(?:y|ies|ners?)\b|involved|named\s+in|put\s+together|drawn\s+up"
    r"|add(?:s|ed|ing)?\s+\w+\s+names?|pen\s+to\s+paper|between|unit(?:es?|ing)|sees|commits?|renewed|re-signed"
    r"|refreshed|extended|struck|forged|inked|(?:unveiled|published|announced)\s+\w+\s+(?:new\s+)?joint"
    r"|together\s+(?:under|through)|seals?\b|renews?\b|formali[sz]e)",
    re.IGNORECASE,
)
# "The partnership brings A and B together", "brings together A, B and C": the parties follow the verb
# "A report from X has found that 60 universities have signed": X is not who signed
_CLAUSE = re.compile(r"\b(?:that|which|who|found|finds|said|says|shows?|showed|reports?|reported)\b")
# "signed a compact with A", "agreed a partnership, the X Partnership, with A", "..., together with A";
# not "the Compact, through which it works with A"
_WITH_PART = re.compile(
    r"(?:(?!\b(?:which|through|where|who|that|when|while|whose|after|following|before|talks|discussions"
    r"|consultation|help|support|funding|input|advice)\b)[^;])*?\b(?:with|alongside)\s+",
    re.IGNORECASE,
)
# Where a list of parties starts: "was signed at City Hall by A, B and C", "The letter, signed by A",
# "Other signatories include A", "Its five signatories are A", "The colleges involved are A", "joining
# A and B in", "have joined A and B in signing"
_SIGNED_BY = re.compile(
    r"(?:[,(]\s*|\s[-–—]\s*|\band\s+|\b(?:was|were|is|are|been|be|being)\s+(?:(?:also|jointly|formally|now|first|originally|[a-z]+ly)\s+)*"
    # "the charter signed by A": unless it is another agreement ("a similar deal signed by B")
    rf"|\b(?<!similar\s)(?<!another\s)(?<!earlier\s)(?<!previous\s)(?<!separate\s)(?:{_AGREEMENT_WORDS})\s+)"
    # "signed at City Hall by", "signed at the University's Centre for Enterprise and Innovation on
    # Friday by", not "signed at a ceremony attended by" nor "signed in 2019 and is run by": the agent
    # is the signer's where no other verb comes between
    r"(?:(?:(?:co-?)?signed|agreed|drawn\s+up|put\s+together)"
    # ("on Wednesday (March 11) by", "on Friday, 3 May, by": a date in brackets or commas)
    r"(?:\s+(?!(?:by|is|are|was|were|has|have|had|will|would|which|who|that|but)\b)(?![\w-]+ed\b)\(?[\w’'-]+\)?,?){0,12}?\s+by\s"
    # "formalised by A and B", "sealed on Monday by A": bodies named at once (not "sealed by a handshake")
    r"|(?:sealed|formali[sz]ed)(?:\s+(?:on|at|in|last|this)\s+[\w’'-]+){0,2}\s+by\s+(?=(?:the\s+)?(?-i:[A-Z])))",
    re.IGNORECASE,
)
# the words without which no sentence has such a passive: a cheap test before the costly pattern
_SIGNED_WORD = re.compile(
    r"signed|drawn\s+up|put\s+together|(?:agreed|sealed|formali[sz]ed)(?=[^.;]{0,100}?\sby\s)", re.IGNORECASE
)
_PARTIES_FOLLOW = re.compile(
    # "who signed on behalf of A"
    r"\bsign(?:s|ed|ing)?\s+(?:(?:it|the\s+[\w-]+)\s+)?on\s+behalf\s+of\s"
    # "Signing the accord were A and B", "Among those signing the charter were A"
    rf"|\bsigning\s+(?:it|(?:the|this)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{_AGREEMENT_WORDS}))\s+(?:were|are|was|is|included?)\s"
    # "Partners in the agreement are A", "The signatories of the accord, A and B,"
    rf"|\b(?:signator(?:y|ies)|parties|partners)\s+(?:in|to|of)\s+(?:the|this)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{_AGREEMENT_WORDS})"
    # (", joining A and B" after it names the earlier signatories, from where "joining" starts them)
    r"\s*(?:(?:also\s+)?(?:include|includes|included|are|were|comprise|comprises)\s|,\s(?!(?-i:[a-z]+ing)\b))"
    r"|\bsignator(?:y|ies),\s(?!\s*(?:among|including|such)\b)(?=[^.;]*?,)|\bsignator(?:y|ies)\s[-–—]\s"
    # "Also signing were A and B", "Joining them are A", "Joining the University as signatories are B"
    r"|^\s*joining\s(?=[^.;,]{1,80}?\s+as\s+signator)"
    r"|^\s*(?:also\s+)?(?:signing|joining)\s+(?:(?:it|them|us|the\s+[\w-]+)\s+)?(?:are|were|is|was)\s"
    # "In signing the accord, A and B pledged", "By signing the charter, X commits"
    r"|^\s*(?:in|by|on|after)\s+(?:signing|joining)\s+(?:the|this|it)\b[^,;]{0,80},\s"
    # "They are joined by A in signing", "was joined by B as a signatory"
    rf"|\b(?:is|are|was|were|been)\s+(?:also\s+|now\s+)?joined\s+by\s(?=[^.;]*\b(?:sign|signing|signed|signator|{_AGREEMENT_WORDS})\b)"
    r"|\bsignator(?:y|ies)\s*,?\s+(?:among\s+them|including|such\s+as)\s"
    r"|\b(?:signator(?:y|ies)|parties|partners)(?:\s+(?:so\s+far|to\s+date))?\s+(?:also\s+|now\s+)?"
    r"(?:include|includes|included|are|were|comprise|comprises)\s"
    r"|\b(?:universities|colleges|councils|organisations|bodies|institutions|partners)\s+"
    r"(?:involved|taking\s+part|named\s+in\s+the\s+(?:[\w’'-]+\s+){0,4}?[\w-]+|that\s+(?:have|had)\s+signed(?:\s+up)?)\s+"
    r"(?:also\s+)?(?:include|includes|included|are|were)\b:?\s*"
    r"|,\s*joining\s"
    r"|\bjoin(?:s|ed)?\s(?=[^.;]{1,300}?\s+in\s+(?:signing|backing|putting\s+(?:its|their)\s+names?\s+to"
    rf"|(?:a|an|the|this)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{_AGREEMENT_WORDS}))\b)"
    rf"|\bjoin(?:s|ed)?\s(?=[^.;]{{1,300}}?\s+{_TO_MAKE}(?:{_AGREEMENT_WORDS})\b)",
    re.IGNORECASE,
)
# Where such a list ends: the clause's own verb, or a new clause
_LIST_ENDS = re.compile(
    r";|\bin\s+(?:a|an|this)\s|(?<!mayors\s)(?<!leaders\s)(?<!chancellors\s)(?<!principals\s)\bin\s+the\s"
    r"|\bto\s+(?:launch|sign|form|create|establish|set\s+up|agree|unveil|seal)\b"
    # "signed by A at a meeting of the B": where it was signed
    r"|\bat\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}?(?:meeting|ceremony|event|summit|launch|reception|conference|signing)\b|\b(?:which|who|whose|where|while|but|because|after|before|when|said|says|asks?|asked|calls?|called"
    r"|promises?|promised|is|are|was|were|has|have|had|will|would|can|could|launched|commits?|committed"
    r"|aims?|sets?\s+out|in\s+signing|as\s+(?:signator(?:y|ies)|partners?|part(?:y|ies))|in\s+backing|in\s+putting|(?:set|expected|due|yet|poised|about)\s+to"
    # "signed by A and supported by B": other bodies' part in it is not signing
    # (lower-case only: "Cardiff Met" is a name)
    r"|(?-i:supported|welcomed|backed|endorsed|funded|hosted|attended|chaired|opposed|praised|met))\b"
    # "The signatories, A and B, met": an aside ends at a comma before a lower-case word
    # ("signed by Cllr Amy Ross, leader of Leeds City Council, and ..." goes on past the post)
    r"|,\s*(?!(?:and|the|along\s+with|as\s+well\s+as|together\s+with|alongside|plus|including|among\s+them|such\s+as"
    r"|notably)\b)(?=(?-i:[a-z]))(?!(?-i:[a-z-]+(?:\s+[a-z-]+){0,2}?\s+(?:of|at|for)\s))"
    r"|(?P<dash>\s[-–—]\s)",
    re.IGNORECASE,
)
# After a dash inside a list: an aside closed by a second dash, then the list's last name
_ASIDE_GOES_ON = re.compile(r"[^-–—.;:]{1,80}?\s[-–—]\s*,?\s*(?:and|&)\s")
# what names several bodies, or one not named: "the city's two universities", "the county council"
_GROUP = (
    r"(?:universit(?:y|ies)|colleges?|councils?|partners|institutions|organisations|bodies|authorit(?:y|ies)"
    r"|trusts|members|employers)"
)
# "by A and the capital's four universities - B, C and D": a dash after such a group opens its names
_GROUP_BEFORE = re.compile(rf"\b(?:the|its|their|our|[\w-]+[’']s)\s+(?:[\w’'-]+\s+){{0,3}}?{_GROUP}\s*$")
# "The universities are", "The partners include", "They are joined by": the names of a group just said
# to have signed
_THEN_NAMED = re.compile(
    rf"\s*(?:(?:The|These|Those)\s+(?:[\w-]+\s+){{0,2}}?{_GROUP}|They|These|Those)\s+"
    r"(?:(?:are|were)\s+(?:also\s+)?(?:joined\s+by\s+)?|(?:also\s+)?(?:include|included|comprise))\s*:?\s*"
)
# a group counted or named as the subject of a signing: "Seven universities and four colleges have"
_GROUP_SUBJECT = re.compile(
    r"^[^.;]{0,120}?(?:\b(?:universities|colleges|councils|partners|institutions|organisations|bodies"
    r"|authorities|trusts|members|employers)|^\s*(?:Universities|Colleges|Councils|Partners|Organisations))\b"
)
# "signed by five organisations", "signed by the region's universities": a group as the agent
_GROUP_AGENT = re.compile(
    r"\b(?:(?:be|been|being)\s+)?(?:signed|agreed)\s+(?:[\w-]+\s+)?by\s+(?:[\w’'-]+\s+){0,3}?(?:universities|colleges|councils|partners"
    r"|institutions|organisations|bodies|authorities|trusts|members|employers)\b"
)
# Before the first organisation of a list: articles, or names the text does not know as bodies
# ("include Coventry, Hull and Plymouth, along with A")
_LIST_OPENS = re.compile(
    r"(?:\s|:|,|\b(?:the|both|all|also|and|along\s+with|as\s+well\s+as|together\s+with|[Uu]niversities\s+of)\b|\b[A-Z][\w’'-]*)*"
)
# "Signatories", "The signatories to the charter": a heading over one party a line, with no colon
_HEADING = re.compile(
    r"(?:(?:the\s+)?(?:[\w-]+\s+)?(?:signator(?:y|ies)|partners|parties)(?:\s+(?:to|of|in)\s+the\s+[\w\s’'-]{1,60})?"
    # "Who has signed?", "Who is signing"
    r"|who\s+(?:has|have)\s+signed(?:\s+up)?|who\s+(?:is|are)\s+signing)\s*[:?]?\s*",
    re.IGNORECASE,
)
# "University of Hull - Professor Dan Ruiz", "Hull City Council, represented by Cllr Mo Patel": the
# party, then who signed for it
_LINE_TAIL = re.compile(
    r"\s+[-–—]\s+|:\s+|\s+\((?!joint\b)"
    r"|,\s+(?=(?:represented|signed|led)\s+by\b|(?:Professor|Prof|Dr|Cllr|Councillor|Sir|Dame|Mayor)\b)"
    # "Hull City Council, which chairs the board": what the party does in it
    r"|,\s+(?=(?:which|who|whose)\s)"
)
_RELATIVE = re.compile(
    r"\s*,?\s*(?:which|who)\s+(?:(?:has|have|had|also|both|all|jointly|first|originally)\s+)*"
)
_TEAMED_UP = re.compile(r"\bteam(?:s|ed|ing)?\s+up(?=\s+with\s)")
_NAMES_AGREEMENT = re.compile(
    r"\s*The\s+(?:[A-Z][\w’'-]*\s+){1,6}(?:Compact|Agreement|Charter|Accord|Partnership|Declaration|Pact|Concordat)\b"
)
_FOLLOWED = re.compile(
    r"\bfollowed\s+(?:[a-z]+ly\s+)?by\s"
    r"|,\s*as\s+(?:did|do|does|have|has|had|is|are|was|were)\s+(?:also\s+)?"
)
# the words that say a paragraph's last sentence announces the parties below it
_SIGN_WORD = re.compile(r"\b(?:sign(?:s|ed|ing)?|signator(?:y|ies)|join(?:s|ed)?)\b", re.IGNORECASE)
# an agreement that gathers the bodies listed after it: "The accord brings together:", "The charter
# is between:", "The partners in the compact are:"
_GATHERS = re.compile(
    r"\b(?:brings?\s+together|unites|is\s+(?:made\s+)?between|(?:partners|parties)\b[^:]{0,60}?\b(?:are|include))\s*:$",
    re.IGNORECASE,
)
_AHEAD = re.compile(
    r"\b(?:below|the\s+following(?:\s+[\w-]+){0,3})\s*[.:]?\s*$|\b(?:listed|named|shown|set\s+out)\s+below\b",
    re.IGNORECASE,
)
# the heading of a table's column of parties
_PARTY_COLUMN = re.compile(
    r"\b(?:organi[sz]ations?|institutions?|bodies|body|signator(?:y|ies)|partners?|parties|party)\b",
    re.IGNORECASE,
)
_JOINED = re.compile(
    r"\s*(?:,|and|&|,\s*and)?\s*"
    # "with the city council and B", "with A and the city's two largest universities, B and C"
    rf"(?:(?:the|its|their|our)\s+(?:[\w’'-]+\s+){{0,4}}?{_GROUP}\s*(?:,\s*and|,|[-–—]|and|&)\s*)?"
    r"(?:[Tt]he\s+)?"
)
# "The charter unites A, B and C", "the agreement sees A and B commit to", "commits A and B to",
# "the compact between A and B": the agreement is the subject, and its parties its object
_BRINGS = re.compile(
    r"\b(?:bring(?:s|ing)?\s+(?:together\s+)?|unit(?:es|ing)\s+|sees\s+|commits\s+|binds\s+)", re.IGNORECASE
)
_BETWEEN = re.compile(
    rf"\b(?:{_AGREEMENT_WORDS}),?\s+(?:(?!(?:gap|divide|difference|distance|balance|choice)\b)[\w-]+\s+){{0,3}}?between\s+",
    re.IGNORECASE,
)
# "with A, B and C also signing": the bodies that signed beside the one the sentence is about
_ALSO_SIGNING = re.compile(
    r"\bwith\s+(?P<list>[^.;:]{1,300}?)\s+(?:also|all|both|too)\s+(?:signing|signing\s+up|putting\s+(?:its|their)\s+names?\s+to\s+it)\b"
)
# where the parties named after such a verb end: "together", or what they are to do
_BRINGS_STOP = re.compile(r"\b(?:together|to|commit|work|join|share|deliver|develop|cooperate|collaborate)\b")
_BRINGS_CONTEXT = re.compile(rf"\b(?:{_AGREEMENT_WORDS})\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|never|yet\s+to|pledg\w*\s+to|plan\w*\s+to|intend\w*\s+to|will|would|shall|could|may|might|should"
    r"|(?:due|set|expected|hoped|likely|invited|asked|urged|able|poised|about)\s+to)\s*$",
    re.IGNORECASE,
)
# where a clause of a sentence opens, and what its parties will do
_CLAUSE_OPENS = re.compile(r"^\s*|,\s*(?:and|while|whilst)\s+|;\s*(?:and\s+)?")
_WILL_DO = re.compile(r"\s+(?:will|are\s+to|is\s+to)\s+(?:also\s+|each\s+|jointly\s+)?(?-i:[a-z])")
_UNDER = re.compile(
    r"^\s*Under\s+the\s+[^,]*?(?:Agreement|Declaration|Charter|Accord|Compact)s?\s*,", re.IGNORECASE
)
# an agreement a cue names with capitals: "partners in the City Deal"
_CUE_NAMES = re.compile(
    r"(?:[A-Z][\w’'-]*\s+){1,6}(?:Deal|Compact|Charter|Accord|Agreement|Declaration|Partnership|Pact|Pledge"
    r"|Concordat)s?$"
)
_ANY_KIND = re.compile(
    r"\b(declaration|agreement|charter|accord|compact|concordat|pact|deal|partnership|pledge|memorandum)s?\b"
)
# the kind of agreement a described one is: "Joint compact (Hull City Council)", "Core Cities UK declaration"
_DESCRIBED_KIND = re.compile(
    r"\b(declaration|agreement|charter|accord|compact|concordat|pact|deal|partnership|pledge)s?\b"
)
# A sentence that opens with an agreement's name: what it says is about that agreement
_SUBJECT_AGREEMENT = re.compile(
    r"\s*(?P<name>(?:The\s+)?(?:[A-Z][\w’'-]*\s+(?:(?:for|of|and)\s+)?){1,7}"
    r"(?:Declaration|Agreements?|Charter|Accord|Compact|Concordat|Pact|Deal|Partnership|Pledge))\b"
)
_NAMED = re.compile(
    r"(?P<name>(?:[A-Z][\w’'-]*\s+(?:(?:for|of|and)\s+)?){1,7}(?P<kind>Declaration|Agreements?|Charter|Accord|Compact|Concordat|Pact))\b"
)
# "... have agreed a five-year Health Innovation Partnership": an agreement named by what it sets up
_AGREED = re.compile(
    r"\b(?:has|have|had)\s+(?:also\s+|now\s+|jointly\s+)*(?:signed|agreed)\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,3}"
    r"(?P<name>(?:[A-Z][\w’'-]*\s+){0,5}(?:Partnership|Compact|Charter|Accord|Deal|Concordat|Memorandum\s+of\s+Understanding))\b"
)
_GENERIC = re.compile(
    r"(?:(?:New|Joint|Civic|Strategic|Formal)\s+)*(?:Partnership|Compact|Charter|Accord|Deal|Concordat"
    r"|Memorandum\s+of\s+Understanding|Agreement)"
)
_DESCRIBED = re.compile(
    r"\b(?:the|a|an|this|that|its|their|our|new)\s+"
    r"(?P<what>(?:(?!(?:the|a|an|and|of|with|for|to|in)\b)[\w’'-]+\s+){0,3}?"
    rf"(?P<kind>{_AGREEMENT_WORDS}))\b",
    re.IGNORECASE,
)
# Words that describe an agreement's form, not which one it is: "ten-year", "new", "joint"
_PLAIN_KIND = re.compile(
    r"^(?:(?:new|joint|formal|landmark|historic|[\w]+-year|first|\w+-wide)\s+)+", re.IGNORECASE
)
_UNNAMED = re.compile(r"\b(?:joint[\s-])?(?P<kind>declaration|agreement)s?\b", re.IGNORECASE)
_ALLIANCE = re.compile(
    r"\b(?:is|are)\s+(?:an?\s+)?(?:alliance|partnership|network|group)\s+of\b|\bbrings\s+together\b|\bcomprises\b|\bis\s+made\s+up\s+of\b",
    re.IGNORECASE,
)


def find_declaration(seg: Segmented, orgs: list[OrgMention]) -> Declaration | None:
    """The declaration or agreement a document is about; its key is stable across documents."""
    text = seg.text
    named: list[tuple[int, int, str, str]] = []
    for sentence in seg.sentences:
        for match in _NAMED.finditer(text, sentence.start, sentence.end):
            name = re.sub(r"^(?:The|A|An|As|In|Our)\s+", "", match.group("name"))
            named.append(
                (
                    match.start("name") + len(match.group("name")) - len(name),
                    match.end(),
                    name,
                    match.group("kind"),
                )
            )
    alliances = [o for o in orgs if o.type == "alliance" and not o.members]
    for start, end, name, kind in named:
        inside = [o for o in orgs if start <= o.evidence.span.start and o.evidence.span.end <= end]
        if inside:
            convener = inside[0].name
            name = text[inside[0].evidence.span.start : end]
            kind_word = "agreement" if kind.lower().startswith("agreement") else "declaration"
            return Declaration(
                f"{slugify(convener)}-{kind_word}", name, kind_word, True, seg.evidence(start, end)
            )
    own_name = _declaration_named(seg, named)
    if own_name is not None:
        return own_name
    for sentence in seg.sentences:
        unnamed = _UNNAMED.search(text, sentence.start, sentence.end)
        if unnamed and unnamed.group("kind").lower() == "declaration" and alliances:
            convener = alliances[0].name
            return Declaration(
                f"{slugify(convener)}-declaration", f"{convener} declaration", "declaration", False,
                seg.evidence(unnamed.start(), unnamed.end()),
            )  # fmt: skip
    for sentence in seg.sentences:
        agreed = _AGREED.search(text, sentence.start, sentence.end)
        if agreed:
            name = agreed.group("name")
            key = slugify(name)
            if _GENERIC.fullmatch(name):
                # "a Memorandum of Understanding" names no one: its first party tells it apart
                party = starting_within(orgs, sentence.start, agreed.start())
                key = f"{slugify(party[0].name)}-{key}" if party else key
            return Declaration(key, name, "agreement", True, seg.evidence(agreed.start("name"), agreed.end()))
    if named:
        start, end, name, kind = named[0]
        kind_word = "agreement" if kind.lower().startswith("agreement") else "declaration"
        return Declaration(slugify(name), name, kind_word, True, seg.evidence(start, end))
    return _described(seg, orgs, alliances) or _described_bare(seg, orgs, alliances)


# the verbs by which bodies make an agreement, in every tense a headline or a sentence uses
_MAKES = (
    r"(?:signs?|signed|agrees?|agreed|enters?(?:\s+into)?|entered(?:\s+into)?|forms?|formed|launch(?:es|ed)?"
    r"|seals?|sealed|strikes?|struck|forges?|forged|unveils?|unveiled|renews?|renewed|formali[sz](?:es|ed|e)"
    r"|commits?\s+to|committed\s+to)"
)
# "University of Leeds and Leeds City Council enter into civic agreement", "University of Hull forms civic
# partnership with Hull City Council": a verb of making, then (an article or none, as headlines drop
# them) at most five words and an agreement noun; not "to launch a compact" (what is asked or planned)
_MAKES_AGREEMENT = re.compile(
    rf"(?<!\bto\s)\b{_MAKES}\s+(?:(?:a|an|the|new|its|their)\s+)?"
    rf"(?:(?!(?:of|on|about|into|for|to|with|by|and)\s)[\w’'-]+\s+){{0,5}}?(?:{_AGREEMENT_WORDS})\b",
    re.IGNORECASE,
)
# the same with no article: lower-case words before the noun describe the agreement it names
_MAKES_BARE = re.compile(
    rf"(?<!\bto\s)\b{_MAKES}\s+(?P<what>(?:new\s+)?(?:(?!(?:the|a|an|of|on|about|into|for|to|with|by|and)\s)"
    rf"(?-i:[a-z])[\w’'-]*\s+){{0,3}}?(?P<kind>{_AGREEMENT_WORDS}))\b",
    re.IGNORECASE,
)
# "The civic agreement was launched on Monday by A and B": an agreement as the subject of a passive of
# making, its makers after "by"
_MADE_BY = re.compile(
    rf"\b(?:{_AGREEMENT_WORDS})\b(?:\s*,[^,;]{{1,80}}?,)?\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
    r"(?:(?:jointly|formally|officially|now)\s+)*(?:launched|formed|forged|struck|entered\s+into|renewed)\s+"
    # ("launched at an event hosted by A": another verb's agent)
    r"(?:(?!(?:by|and|but|which|who)\b|[\w-]+ed\b)[\w’'-]+,?\s+){0,4}?by\s+",
    re.IGNORECASE,
)
# the participles of the passive of making, for the cheap test before the pattern
_MADE_VERBS = ("launched", "formed", "forged", "struck", "entered", "renewed")
_KIND_WORDS = (
    # ("pact" is also in "compact")
    "agreement", "charter", "accord", "partnership", "declaration", "pact", "pledge", "concordat", "deal",
    "memorandum",
)  # fmt: skip
# the stems of the verbs of making, for the cheap test before the pattern
_MAKE_STEMS = (
    "sign", "agree", "enter", "form", "launch", "seal", "stri", "struck", "forg", "unveil", "renew", "commit",
)  # fmt: skip


def _names_a_kind(low: str) -> bool:
    """The cheap test before the patterns of making: whether a lowered sentence holds an agreement noun."""
    return any(word in low for word in _KIND_WORDS)


def _described_bare(
    seg: Segmented, orgs: list[OrgMention], alliances: list[OrgMention]
) -> Declaration | None:
    """'... enter into civic agreement', 'forms civic partnership with': an agreement a headline describes
    with no article, after the verb that makes it."""
    text = seg.text
    for sentence in seg.sentences:
        if not _names_a_kind(sentence.text.lower()):
            continue
        match = _MAKES_BARE.search(text, sentence.start, sentence.end)
        if match is None:
            continue
        parties = [o for o in starting_within(orgs, sentence.start, sentence.end) if not o.members]
        conveners = alliances or parties or orgs
        if not conveners:
            return None
        convener = conveners[0]
        what = re.sub(r"\s+", " ", match.group("what"))
        kind_word = "declaration" if match.group("kind").lower().startswith("declaration") else "agreement"
        return Declaration(
            f"{slugify(convener.name)}-{slugify(_PLAIN_KIND.sub('', what) or kind_word)}",
            f"{capitalise(what)} ({convener.name})", kind_word, False,
            seg.evidence(match.start("what"), match.end("what")),
        )  # fmt: skip
    return None


def _declaration_named(seg: Segmented, named: list[tuple[int, int, str, str]]) -> Declaration | None:
    """A declaration the text names as the subject of a sentence ('The Northern Civic Universities
    Declaration, published on 16 January, is backed by ...'): the text's own, before any alliance's
    unnamed 'joint declaration' elsewhere in it."""
    for start, end, name, kind in named:
        if kind != "Declaration":
            continue
        sentence = next((s for s in seg.sentences if s.start <= start < s.end), None)
        if sentence is not None and _SUBJECT_AGREEMENT.match(seg.text, sentence.start, sentence.end):
            opening = _SUBJECT_AGREEMENT.match(seg.text, sentence.start, sentence.end)
            if opening is not None and opening.end("name") == end:
                return Declaration(slugify(name), name, "declaration", True, seg.evidence(start, end))
    return None


def _described(seg: Segmented, orgs: list[OrgMention], alliances: list[OrgMention]) -> Declaration | None:
    """'signed a ten-year civic partnership', 'the compact': an agreement the text describes but does not name."""
    text = seg.text
    for sentence in seg.sentences:
        for match in _DESCRIBED.finditer(text, sentence.start, sentence.end):
            kind = match.group("kind").lower()
            body = text[sentence.start : sentence.end]
            if kind.startswith("partnership") and not _SIGN_CUE.search(body) and not _BRINGS.search(body):
                continue  # "in partnership with" is how work is done, not a thing signed
            parties = [o for o in starting_within(orgs, sentence.start, sentence.end) if not o.members]
            conveners = alliances or parties or orgs
            if not conveners:
                return None
            convener = conveners[0]
            what = re.sub(r"\s+", " ", match.group("what"))
            kind_word = "declaration" if kind.startswith("declaration") else "agreement"
            return Declaration(
                f"{slugify(convener.name)}-{slugify(_PLAIN_KIND.sub('', what) or kind_word)}",
                f"{capitalise(what)} ({convener.name})", kind_word, False,
                seg.evidence(match.start("what"), match.end("what")),
            )  # fmt: skip
    return None


# "The compact is backed by A and B", "The Declaration, published on Monday, was endorsed by institutions
# including A and B": an agreement as the subject of a passive of backing, its agents named after "by"
# (read only where the sentence says nothing of signing: "endorsed by A and signed by B" tells them apart)
_BACKED_BY = re.compile(
    rf"\b(?:{_AGREEMENT_WORDS})\b(?:\s*,[^,;]{{1,80}}?,)?\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
    r"(?:(?:now|jointly|formally|publicly|already)\s+)*(?:backed|endorsed)\s+by\s+"
    rf"(?:(?:[\w’'-]+\s+){{0,3}}?{_GROUP}\s*,?\s+(?:including|such\s+as|among\s+them)\s+)?"
    # ("has also been endorsed by": a supporter beside parties named before; "endorsed by A and backed
    # by B": supporters of one sort and another, not the parties)
    r"(?![^.;]*?\b(?:and|,)\s+(?:(?:also|was|were|is|are)\s+)?(?-i:[a-z]+ed)\s+by\b)",
    re.IGNORECASE,
)
# "A and B back the new civic compact", "Northumbria University endorsed the declaration": backing an
# agreement said actively, its subject the party (not "backed by", a passive read above)
_BACKS = re.compile(
    rf"\b(?:backs?|backed|endorses?|endorsed)\s+(?!by\b)(?:(?:the|a|an|this|its|their|our|new)\s+)+"
    rf"(?:(?!(?:of|on|about|into|for|to|by)\b)[\w’'-]+\s+){{0,5}}?(?:{_AGREEMENT_WORDS})\b",
    re.IGNORECASE,
)
# "A has formalised its relationship with B by signing a civic agreement": a clause whose means is
# signing; its subject, and the bodies it names on the way, are the parties
_BY_SIGNING = re.compile(
    r"\b(?:by|through)\s+(?:signing|co-signing|joining|entering\s+into|putting\s+(?:its|their)\s+names?\s+to)\s+"
    rf"(?:the|a|an|this|its|their|our)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{_AGREEMENT_WORDS})\b",
    re.IGNORECASE,
)
# "Professor A, Vice-Chancellor of B and one of the signatories, said": a signer's apposition, and the
# body named last before it the one they signed for; "B, a signatory to the charter,"
_ONE_OF_SIGNERS = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:one|each)\s+of\s+(?:the|its|their|our)\s+(?:[\w’'-]+\s+)?signatories"
    r"|(?:a\s+|the\s+(?:[\w-]+\s+)?)signatory)\b(?!\s+(?:to|of)\s+(?:a|an|another|other)\b)",
    re.IGNORECASE,
)


# a modal or a plan before a means clause: what is to be done, not done
_NOT_YET = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|(?:hopes?|plans?|intends?|aims?|wants?|is|are)\s+to)\s",
    re.IGNORECASE,
)


def _backs_an_agreement(body: str) -> bool:
    """Whether a sentence backs an agreement, actively or in a passive: the one cue the cheap test
    before the costly patterns does not look for, since 'back' is a common word."""
    return bool(_BACKS.search(body) or _BACKED_BY.search(body))


def _other_cues(body: str, signing: bool) -> list[re.Match[str]]:
    """The signing cues said by backing, by a verb of making or by a means clause, each read after a
    cheap word test: backing counts only where the sentence says nothing of signing, which would tell
    the two apart; a verb of making is looked for only where no other signing cue was found."""
    low = body.lower()
    cues: list[re.Match[str]] = []
    if ("back" in low or "endorse" in low) and not _SIGN_WORD.search(body):
        cues.extend(_BACKS.finditer(body))
    if not signing and _names_a_kind(low) and any(stem in low for stem in _MAKE_STEMS):
        cues.extend(m for m in _MAKES_AGREEMENT.finditer(body) if not _NOT_YET.search(body, 0, m.start()))
    if " signing " in low or " joining " in low or "entering into" in low or " putting " in low:
        # ("will mark the day by signing the charter": not signed yet)
        cues.extend(m for m in _BY_SIGNING.finditer(body) if not _NOT_YET.search(body, 0, m.start()))
    return cues


def _signers_for(text: str, lo: int, hi: int, orgs: Sequence[OrgMention]) -> list[OrgMention]:
    """The bodies an apposition says a signer signed for: 'Vice-Chancellor of B and one of the
    signatories' names B; 'B, a signatory to the charter, said' names B."""
    if "signator" not in text[lo:hi].lower():
        return []  # the cheap test first
    found = []
    for org in orgs:
        end = org.evidence.span.end
        if lo <= org.evidence.span.start and end <= hi and _ONE_OF_SIGNERS.match(text, end, hi):
            found.append(org)
    return found


def _together_with(text: str, at: int, hi: int, orgs: Sequence[OrgMention]) -> list[OrgMention]:
    """'The accord brings A and B together with C and D': the bodies joined on after 'together with'."""
    opens = re.match(r"\s*together\s+with\s+", text[at:hi])
    if opens is None:
        return []
    at += opens.end()
    found = []
    for org in orgs:
        if org.evidence.span.start < at:
            continue
        if not _JOINED.fullmatch(text, at, org.evidence.span.start):
            break
        found.append(org)
        at = org.evidence.span.end
    return found


def find_signatories(
    seg: Segmented, orgs: list[OrgMention], declaration: Declaration | None
) -> list[Signatory]:
    """Parties named in a 'signed by:' list or in a sentence that says they signed or joined."""
    if declaration is None:
        return []
    text = seg.text
    found: dict[str, Signatory] = {}
    decl_span = declaration.evidence.span if declaration.evidence else None

    last = len(text.rstrip())

    def add(org: OrgMention) -> None:
        if org.evidence.span.end >= last and _cut_head(org.surface):
            return  # "Glasgow Caledonian Univer": a list cut off in the middle of its last name
        found.setdefault(org.name, Signatory(org.name, org.evidence))

    def add_short_forms(lo: int, hi: int, listed: Sequence[OrgMention]) -> None:
        # "..., Strathclyde, Glasgow Caledonian University": a body named in full elsewhere
        for org, at, to in _short_forms(text, lo, hi, listed, orgs):
            found.setdefault(org.name, Signatory(org.name, seg.evidence(at, to)))

    in_list = False
    column = width = 0
    for paragraph in seg.paragraphs:
        if paragraph.noise:
            continue
        if lists_parties(paragraph.text) or _HEADING.fullmatch(paragraph.text) or _leads_list(paragraph.text):
            in_list, column, width = True, 0, 0
            continue
        if not in_list:
            continue
        line_orgs = starting_within(orgs, paragraph.start, paragraph.end)
        if len(line_orgs) > 1 and _only_names(text, paragraph.start, paragraph.end, line_orgs):
            # "Hull College, the University of Hull, Hull City Council": the list on one line
            for org in line_orgs:
                add(org)
            continue
        cells = paragraph.text.split(" | ")
        party = _line_party(
            paragraph.start, paragraph.text, cells[column] if column < len(cells) else "", orgs
        )
        if party is not None:
            add(party)
            continue
        if len(cells) > 1 and not line_orgs and not any(c.isdigit() for c in paragraph.text):
            # "Name | Organisation": a table's heading row names none, and says which cell is the party
            column = next((i for i, c in enumerate(cells) if _PARTY_COLUMN.search(c)), column)
            width = len(cells)
            continue
        if width > 1 and len(cells) == width:
            continue  # a row of the table whose party is not known as a body: the table goes on
        in_list = False
    named_after: set[int] = set()  # the sentences that named the bodies of a group said to have signed
    under_at: set[int] = set()  # the sentences that named parties "Under the accord"
    for index, sentence in enumerate(seg.sentences):
        named_here = starting_within(orgs, sentence.start, sentence.end)
        if not named_here:
            continue  # no organisation named here: no party to find
        body = text[sentence.start : sentence.end]
        then = _THEN_NAMED.match(body) if index else None
        if then and (index - 1 in named_after or _group_signed(seg.sentences[index - 1].text)):
            # "Seven universities have signed the compact. The universities are A, B and C. They are
            # joined by D and E.": the group's names, in the sentences after it
            start = sentence.start + then.end()
            end = _list_end(text, start, sentence.end, list(named_here))
            listed = [o for o in named_here if start <= o.evidence.span.start < end]
            if listed and _LIST_OPENS.fullmatch(text, start, listed[0].evidence.span.start):
                named_after.add(index)
                for org in listed:
                    add(org)
        if index - 1 in under_at and " will " in body:
            # "Under the accord, A and B will build ... . C and D will fast-track planning, and E will
            # coordinate the work.": what each party will do, one clause after another
            for clause in _CLAUSE_OPENS.finditer(body):
                at = sentence.start + clause.end()
                subjects = []
                for org in named_here:
                    if org.evidence.span.start < at:
                        continue
                    if not _JOINED.fullmatch(text, at, org.evidence.span.start):
                        break
                    subjects.append(org)
                    at = org.evidence.span.end
                if subjects and _WILL_DO.match(text, at):
                    for org in subjects:
                        add(org)
        if (
            not _MAY_SIGN.search(body)
            and not (" back" in body and _backs_an_agreement(body))
            and not (
                any(stem in body for stem in _MAKE_STEMS)
                and _names_a_kind(body.lower())
                and _MAKES_AGREEMENT.search(body)
            )
        ):
            continue  # neither a signing cue nor "Under the Agreement": nothing to read here
        in_sentence = [o for o in named_here if not _inside_name(o, seg, sentence.start, sentence.end)]
        if not in_sentence:
            continue  # no organisation named here: no party to find
        for org in _signers_for(text, sentence.start, sentence.end, in_sentence):
            add(org)
        cues = list(_SIGN_CUE.finditer(body))
        cues += _other_cues(body, bool(cues))
        if not cues and " up with " in body and index + 1 < len(seg.sentences):
            # "A has teamed up with B to ... . The Heat Networks Compact, sealed this week, ...": the
            # agreement is named in the sentence after
            following = seg.sentences[index + 1]
            if _NAMES_AGREEMENT.match(text, following.start, following.end):
                cues = list(_TEAMED_UP.finditer(body))
        under = _UNDER.match(body)
        if under:
            verb = re.search(r"\s(?:are|is|have|has|will)\s", body[under.end() :])
            stop = sentence.start + under.end() + (verb.start() if verb else len(body))
            for org in in_sentence:
                if sentence.start + under.end() <= org.evidence.span.start < stop:
                    add(org)
                    under_at.add(index)
        colon = body.find(":")
        if (
            colon > 0
            and not re.match(r"\s*[“\"‘']", body[colon + 1 :])
            and (lists_parties(body[: colon + 1]) or any(c.end() <= colon for c in cues))
        ):
            # "The universities that have signed include: A, B and C." / "... with its four universities: A, B"
            after = [o for o in in_sentence if o.evidence.span.start > sentence.start + colon]
            for org in after:
                add(org)
            if after:
                add_short_forms(sentence.start + colon + 1, sentence.end, after)
        leads = list(_PARTIES_FOLLOW.finditer(body))
        if _SIGNED_WORD.search(body):
            leads = sorted([*_SIGNED_BY.finditer(body), *leads], key=lambda m: m.start())
        elif "ed by" in body and not _SIGN_WORD.search(body):
            leads = sorted([*_BACKED_BY.finditer(body), *leads], key=lambda m: m.start())
        if " by " in body and any(verb in body for verb in _MADE_VERBS):
            leads = sorted([*_MADE_BY.finditer(body), *leads], key=lambda m: m.start())
        for lead in leads:
            if "agreed" in lead.group() and not _BRINGS_CONTEXT.search(body, 0, lead.start()):
                continue  # "a budget agreed by the council": only an agreement's agents are its parties
            # "X will join A in signing": A signed, whatever X does
            if not lead.group().lower().startswith("join") and _NEGATION.search(
                body[max(0, lead.start() - 60) : lead.start()]
            ):
                continue
            start = sentence.start + lead.end()
            end = _list_end(text, start, sentence.end, in_sentence)
            listed = [o for o in in_sentence if start <= o.evidence.span.start < end]
            # "signed by the Mayor and the vice-chancellors of A": the agents may come after their
            # posts; "The partners are calling on A": after any other lead, the list starts at once
            if listed and (lead.group().lower().rstrip().endswith("by")
                           or _LIST_OPENS.fullmatch(text, start, listed[0].evidence.span.start)):  # fmt: skip
                for org in _for_whom(text, start, listed) if lead.group().rstrip().endswith("by") else listed:
                    add(org)
                add_short_forms(start, end, listed)
        also = _ALSO_SIGNING.search(body) if "signing" in body else None
        if also and not _NEGATION.search(body[max(0, also.start() - 60) : also.start()]):
            # "launched by the Lord Mayor, with A, B and C also signing"
            lo, hi = sentence.start + also.start("list"), sentence.start + also.end("list")
            listed = [o for o in in_sentence if lo <= o.evidence.span.start < hi]
            if listed and _LIST_OPENS.fullmatch(text, lo, listed[0].evidence.span.start):
                for org in listed:
                    add(org)
                add_short_forms(lo, hi, listed)
        brings = _BRINGS.search(body) or (_BETWEEN.search(body) if "between" in body else None)
        other = next((m for m in _NAMED.finditer(body[: brings.start()] if brings else "")), None)
        if (
            other is not None and declaration.name.lower() not in other.group("name").lower()
        ) or another_agreement_speaks(body, declaration):
            brings = None  # "The Belfast Region City Deal brings together ...": another agreement's parties
        if brings and _BRINGS_CONTEXT.search(body[: brings.end()]):
            together = _BRINGS_STOP.search(body, brings.end())
            at = sentence.start + brings.end()
            stop = _list_end(
                text, at, sentence.start + (together.start() if together else len(body)), in_sentence
            )
            for org in in_sentence:
                if sentence.start + brings.end() <= org.evidence.span.start < stop:
                    add(org)
            if together is not None and together.group() == "together":
                for org in _together_with(text, sentence.start + together.start(), sentence.end, in_sentence):
                    add(org)
        for cue in cues:
            if _NEGATION.search(body[max(0, cue.start() - 60) : cue.start()]) or _names_another(
                cue.group(), declaration
            ):
                continue
            cue_at = sentence.start + cue.start()
            floor = sentence.start
            if cue.group().lower().startswith("among"):
                # "... now has X among its backers": the party sits between the verb and the cue
                verbs = list(re.finditer(r"\b(?:has|have|had)\b", body[: cue.start()]))
                floor = sentence.start + verbs[-1].end() if verbs else floor
            for org in in_sentence:
                between = text[org.evidence.span.end : cue_at]
                if (
                    floor <= org.evidence.span.start
                    and org.evidence.span.end <= cue_at
                    and (not _CLAUSE.search(between) or _relative_subject(text, org, cue_at, in_sentence))
                ):
                    add(org)
            followed = _FOLLOWED.search(body, cue.end())
            if followed:
                # "A signed the declaration last week, followed by B": B signed after A
                at = sentence.start + followed.end()
                stop = _list_end(text, at, sentence.end, in_sentence)
                listed = [o for o in in_sentence if at <= o.evidence.span.start < stop]
                if listed and _LIST_OPENS.fullmatch(text, at, listed[0].evidence.span.start):
                    for org in listed:
                        add(org)
            with_part = _WITH_PART.match(body, cue.end())
            if with_part:
                # "with A", "alongside A, B and the C": the parties joined on, one after another
                at = sentence.start + with_part.end()
                for org in in_sentence:
                    if org.evidence.span.start < at:
                        continue
                    if not _JOINED.fullmatch(text, at, org.evidence.span.start):
                        break
                    add(org)
                    at = org.evidence.span.end
    del decl_span
    return list(found.values())


# a person who signs: the bodies named in their posts follow
_SIGNER = re.compile(r"\b(?:Professor|Prof|Dr|Cllr|Councillor|Sir|Dame|Mr|Mrs|Ms)\s+(?-i:[A-Z])")
# "..., Chair of A and Vice-Chancellor of B": a second post, in another body
_SECOND_POST = re.compile(r"\band\s+(?:the\s+)?(?:[A-Z][\w()-]*\s+){1,4}(?:of|at)\s+(?:the\s+)?$")


def _for_whom(text: str, start: int, listed: list[OrgMention]) -> list[OrgMention]:
    """The bodies a list of signers signed for: 'signed by Professor A, Chair of X and Vice-Chancellor
    of Y' signs for X, the body named first; Y is only another post the person holds."""
    if not _SIGNER.search(text, start, listed[-1].evidence.span.start):
        return listed  # the cheap test first: a list of bodies, not of people
    kept: list[OrgMention] = []
    signer_at = start
    for org in listed:
        signers = list(_SIGNER.finditer(text, signer_at, org.evidence.span.start))
        if signers:
            signer_at = signers[-1].end()
            kept.append(org)  # the first body after a person: the one they signed for
            continue
        lo = max(start, org.evidence.span.start - 60)
        earlier = kept and kept[-1].evidence.span.start >= signer_at
        if earlier and signer_at > start and _SECOND_POST.search(text, lo, org.evidence.span.start):
            continue
        kept.append(org)
    return kept


def _cut_head(surface: str) -> bool:
    """Whether a name's last word is the start of a head word and no more: 'Univer', 'Coun'."""
    word = surface.split()[-1] if surface.split() else ""
    return len(surface.split()) > 1 and any(h != word and h.startswith(word) for h in HEADS)


def _only_names(text: str, lo: int, hi: int, orgs: Sequence[OrgMention]) -> bool:
    """Whether a line holds nothing but names joined by commas and 'and', as a list cut off may end."""
    at = lo
    for i, org in enumerate(orgs):
        gap = _LINE_OPENS if i == 0 else _JOINED
        if not gap.fullmatch(text, at, org.evidence.span.start):
            return False
        at = org.evidence.span.end
    return bool(_LINE_CLOSES.fullmatch(text, at, hi))


_LINE_OPENS = re.compile(r"[\s•*·–-]*(?:[Tt]he\s+)?")
_LINE_CLOSES = re.compile(r"[\s.,;]*(?:(?:and|&)\s*)?")


def _names_another(cue: str, declaration: Declaration) -> bool:
    """Whether a signing cue names an agreement other than the text's own: 'is one of six councils that
    are partners in the City Deal' in a text about a memorandum says nothing of the memorandum."""
    named = _CUE_NAMES.search(cue)
    if named is None:
        return False
    name = named.group().lower()
    own = declaration.name.lower()
    if declaration.named:
        words = name.split()
        if " ".join(words[-2:]) in own or own in name:
            return False
        # "the Leeds Charter" for the Leeds Anchor Charter: a shorter name of one of its own kind
        same_kind = bool(_ANY_KIND.findall(own)) and _ANY_KIND.findall(own)[-1].rstrip("s") == words[
            -1
        ].rstrip("s")
        return not (same_kind and any(w in own.split() for w in words[:-1] if w not in {"the", "city"}))
    kinds = _ANY_KIND.findall(own)
    return bool(kinds) and kinds[0].rstrip("s") != name.split()[-1].rstrip("s")


def _group_signed(sentence: str) -> bool:
    """Whether a sentence says that bodies it counts or names as a group signed: 'Seven universities
    and four colleges have become signatories to the compact', 'Four organisations have signed'."""
    agent = _GROUP_AGENT.search(sentence)
    if agent and not _NEGATION.search(sentence[max(0, agent.start() - 60) : agent.start()]):
        return True  # "The compact has been signed by five organisations."
    group = _GROUP_SUBJECT.search(sentence)
    if group is None:
        return False
    for cue in _SIGN_CUE.finditer(sentence, group.end()):
        if not _NEGATION.search(sentence[max(0, cue.start() - 60) : cue.start()]):
            return True
    return False


def _leads_list(paragraph: str) -> bool:
    """Whether a paragraph's last sentence says the parties follow: 'was signed by the nine partners
    below.', 'has been signed by the following organisations.', or a signing sentence ending in a colon
    however long ('... and by the following universities:')."""
    body = paragraph.rstrip()
    if not (body.endswith(":") or "below" in body or "following" in body):
        return False  # a cheap test first: most paragraphs announce nothing
    last = body[max(body.rfind(".", 0, len(body) - 1), body.rfind("!"), body.rfind("?")) + 1 :]
    if last.endswith(":") and _GATHERS.search(last) and _BRINGS_CONTEXT.search(last):
        return True  # "The Leeds Civic Accord brings together:", "The compact's partners are:"
    if not _SIGN_WORD.search(last):
        return False
    return bool(_AHEAD.search(last) or last.endswith(":"))


# the pieces of a list between its names, and a piece that is one proper word ("Strathclyde")
_LIST_PIECES = re.compile(r"\s*(?:,|;|&|\band\b|\bthe\b|\s)+\s*")
_ONE_WORD = re.compile(r"[A-Z][\w’'-]+")
_NAME_FILLER = {"of", "the", "and"}


def _short_forms(
    text: str, lo: int, hi: int, listed: Sequence[OrgMention], orgs: Sequence[OrgMention]
) -> list[tuple[OrgMention, int, int]]:
    """Parties a list names by one word of a body the text names in full: 'signed by Glasgow City
    Council, Strathclyde and Glasgow Caledonian University' names the University of Strathclyde.
    The word must be all of the name but its head words, and not the place the body is named after
    ('Glasgow' is the city, not the University of Glasgow)."""
    found = []
    at = lo
    gaps = []
    for org in sorted(listed, key=lambda o: o.evidence.span.start):
        gaps.append((at, org.evidence.span.start))
        at = max(at, org.evidence.span.end)
    last = max((o.evidence.span.end for o in listed), default=lo)
    # after the last name, only a piece joined on by "and" or a comma belongs to the list
    tail = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)([A-Z][\w’'-]+)(?=\s*(?:[.;,]|$|\s+and\b))", text[last:hi])
    if tail:
        gaps.append((last + tail.start(1), last + tail.end(1)))
    for a, b in gaps:
        if b <= a:
            continue
        pos = a
        for piece in _LIST_PIECES.split(text[a:b]):
            if not piece:
                continue
            start = text.index(piece, pos, b)
            pos = start + len(piece)
            if not _ONE_WORD.fullmatch(piece):
                continue
            for org in orgs:
                words = org.name.split()
                if (
                    piece in words
                    and org.city != piece
                    and all(w == piece or w in HEADS or w in _NAME_FILLER for w in words)
                    and len(words) > 1
                ):
                    found.append((org, start, pos))
                    break
    return found


def _line_party(start: int, line: str, cell: str, orgs: Sequence[OrgMention]) -> OrgMention | None:
    """The party a line of a list of signatories names, if it names one.

    "University of Glasgow | Higher education | Principal": the table's party cell; "University of Hull
    - Professor Dan Ruiz": the party before who signed for it; "Professor Dan Ruiz, Vice-Chancellor,
    University of Hull": the party after.
    """
    at = start + line.find(cell) if cell else start
    tail = _LINE_TAIL.search(cell)
    # "LIPA (Liverpool Institute for Performing Arts)": the name may be the part in brackets;
    # "Coleg Caerdydd a'r Fro / Cardiff and Vale College": a name in two languages, either side
    sides = [(0, len(cell))]
    slash = cell.find(" / ")
    if slash > 0:
        sides += [(0, slash), (slash + 3, len(cell))]
    for lo, hi in dict.fromkeys([(0, tail.start()) if tail else (0, len(cell)), *sides]):
        head = cell[lo:hi]
        found = starting_within(orgs, at + lo, at + hi)
        covered = sum(o.evidence.span.end - o.evidence.span.start for o in found)
        if found and (found[0].members or covered >= 0.6 * len(head.rstrip(" .;")) - 4):
            return found[0]
    last = cell.rstrip(" .;").rsplit(", ", 1)
    if len(last) == 2 and len(line) <= 120 and ". " not in line:
        lo = at + len(last[0]) + 2
        found = starting_within(orgs, lo, at + len(cell))
        covered = sum(o.evidence.span.end - o.evidence.span.start for o in found)
        if found and covered >= 0.6 * len(last[1]) - 4:
            return found[-1]
    return None


def another_agreement_speaks(sentence: str, declaration: Declaration | None) -> bool:
    """Whether a sentence is about another named agreement: 'The Belfast Region City Deal brings together
    six councils and the two universities' says nothing of the parties to the one the text is about."""
    subject = _SUBJECT_AGREEMENT.match(sentence)
    if subject is None:
        return False
    name = re.sub(r"^The\s+", "", subject.group("name")).lower()
    own = declaration.name.lower() if declaration is not None else ""
    if declaration is not None and not declaration.named:
        # "a joint declaration with Core Cities UK ... The Net Zero Declaration was signed by": the
        # agreement described before is the one named now, where both are of one kind
        kinds = _DESCRIBED_KIND.findall(own)
        if kinds and name.split()[-1].rstrip("s") == kinds[-1].lower().rstrip("s"):
            return False
    return bool(own) and name not in own and own not in name


def _relative_subject(text: str, org: OrgMention, cue_at: int, orgs: Sequence[OrgMention]) -> bool:
    """'A and B, which signed the compact in 2021': the bodies a relative clause's verb is said of."""
    at = org.evidence.span.end
    for other in orgs:
        if other.evidence.span.start < at:
            continue
        if not _JOINED.fullmatch(text, at, other.evidence.span.start) or other.evidence.span.start >= cue_at:
            break
        at = other.evidence.span.end
    return bool(_RELATIVE.fullmatch(text, at, cue_at))


def _list_end(text: str, start: int, end: int, orgs: list[OrgMention]) -> int:
    """Where a list of parties that starts at `start` ends: the first clause word outside a name."""
    aside_ends = start
    for stop in _LIST_ENDS.finditer(text, start, end):
        if stop.start() < aside_ends:
            continue
        if stop.group("dash") and (
            not any(start <= o.evidence.span.start < stop.start() for o in orgs)
            or _GROUP_BEFORE.search(text, start, stop.start())
        ):
            continue  # "by the city's four universities - A, B and C -": the dash opens the names
        aside = _ASIDE_GOES_ON.match(text, stop.end(), end) if stop.group("dash") else None
        if aside:
            aside_ends = aside.end()  # "A, B - the city's oldest partners - and C": an aside in the list
            continue
        if stop.group() == ";" and _PERSON_NEXT.match(text, stop.end(), end):
            continue  # "signed by Professor A, Vice-Chancellor of X; Dr B, Principal of Y": one more signer
        if not any(o.evidence.span.start <= stop.start() < o.evidence.span.end for o in orgs):
            return stop.start()
    return end


# after a semicolon, a further signer named by title, or by the post they hold at a body
_PERSON_NEXT = re.compile(
    r"\s*(?:and\s+)?(?:(?-i:(?:Professor|Prof\.?|Dr\.?|Cllr\.?|Councillor|Sir|Dame|Mr|Mrs|Ms)\s+[A-Z])"
    r"|(?:the\s+)?(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*)){0,6}['’]s\s+"
    r"(?:vice-chancellor|principal|leader|chief\s+executive|president|chair|provost|director)\b)",
    re.IGNORECASE,
)


def _inside_name(org: OrgMention, seg: Segmented, lo: int, hi: int) -> bool:
    """An organisation named inside a declaration's title is not a party by that mention."""
    for match in _NAMED.finditer(seg.text, lo, hi):
        if match.start() <= org.evidence.span.start and org.evidence.span.end <= match.end():
            return True
    return False


def find_alliance_members(
    seg: Segmented, orgs: list[OrgMention], places: list[PlaceMention]
) -> list[AllianceMember]:
    """'Core Cities UK is an alliance of 11 cities - Belfast, ...': the member cities."""
    members: list[AllianceMember] = []
    for sentence in seg.sentences:
        body = seg.text[sentence.start : sentence.end]
        cue = _ALLIANCE.search(body)
        if not cue:
            continue
        cue_at = sentence.start + cue.start()
        alliance = [
            o for o in orgs if sentence.start <= o.evidence.span.start < cue_at and o.type == "alliance"
        ]
        if not alliance:
            continue
        for place in places:
            if place.kind == "city" and cue_at < place.evidence.span.start < sentence.end:
                members.append(AllianceMember(alliance[-1].name, place.name, place.evidence))
    return members


# "Wales's nine universities", "the UK's 140 universities": a nation's whole, not the parties
_NATION_OWNS = re.compile(
    r"\b(?:Wales|Scotland|England|Britain|Northern\s+Ireland|(?:the\s+)?(?:UK|country|nation)|Ireland)[’']s?\s+$"
)


def wider_group(count: ClaimedCount, text: str) -> bool:
    """Whether a count is of a nation's bodies, a wider group than those that signed: not where the
    sentence says they signed ('Nineteen universities have joined the councils of the UK's 11 Core
    Cities in signing')."""
    at = count.evidence.span.start
    return bool(_NATION_OWNS.search(text, max(0, at - 30), at)) and not _SIGN_WORD.search(
        count.evidence.sentence.text
    )
