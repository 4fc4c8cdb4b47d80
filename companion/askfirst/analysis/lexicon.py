"""Every word list and pattern the analysis uses, in one place, each with why it is here.

A *cue* is a family of phrases that says one thing about a draft ("the sender is
promoting an offer", "the sender asks for a call"). Each cue has a weight: how much one
hit pushes the pitchiness score, and a cap: how much the whole family can add, so one
long list of buzzwords cannot outweigh everything else. Negative weights pull the score
down (congratulations, thanks, offers of help).

Patterns are written in lower case and matched against the draft with ASCII letters
lower-cased and curly apostrophes folded to straight ones, which changes no offset. Keep them readable: one idea per
line, plain alternations, no look-behind tricks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    name: str
    weight: float  # score points per hit (pitchiness), negative for relationship cues
    cap: float  # the most this family adds (or removes) in total
    patterns: tuple[str, ...]
    why: str

    def compile(self, flags: int = 0) -> re.Pattern[str]:
        """One pattern for the family. Without flags it expects lower-cased text."""
        return re.compile("|".join(f"(?:{p})" for p in self.patterns), flags)


# Plural nouns for "who the sender sells to": used inside several offer patterns.
_CLIENTS = (
    r"(?:companies|businesses|brands|teams|firms|startups|start-ups|agencies|clients|customers|"
    r"founders|leaders|executives|ceos|ctos|cfos|professionals|organi[sz]ations|b2b|saas|"
    r"e-?commerce|retailers|manufacturers|coaches|consultants|creators|entrepreneurs|"
    r"practices|clinics|schools|investors|families|homeowners|people)"
)
_METRIC = (
    r"(?:revenue|sales|leads|pipeline|roi|costs?|conversions?|conversion rates?|traffic|growth|"
    r"profits?|margins?|bookings|appointments|meetings|engagement|visibility|reach|retention|"
    r"efficiency|productivity|income|followers|deal flow|close rates?|output|throughput|savings|"
    r"footprint|spend|churn|downtime|returns|performance|rankings?|signups|sign-ups)"
)
_BOOKING_HOSTS = (
    r"calendly\.com|cal\.com|savvycal\.com|chilipiper\.com|meetings\.hubspot\.com|"
    r"hubspot\.com/meetings|zcal\.co|tidycal\.com|youcanbook\.me|acuityscheduling\.com|"
    r"calendar\.app\.google|koalendar\.com|doodle\.com|oncehub\.com|meetfox\.com"
)

# Titles before a name ("Dr. Lee"): their full stop ends no sentence (text.SENTENCE_END), a
# request may follow "Dear Mr. Chen," and a letter that opens with one is formal.
TITLES = ("mr", "mrs", "ms", "dr", "prof")
_TITLE = "(?:" + "|".join(TITLES) + ")"

# "I'm gonna try it out" is the sender's own plan, not "try it out!" asked of the reader.
_NOT_MY_OWN = r"(?:(?<=you like to )|(?<=you want to )|(?<=you love to )|(?<!to ))(?<!ll )(?<!gonna )(?<!will )"

# --- What makes a draft a pitch -------------------------------------------------------

OFFER = Cue(
    "offer",
    weight=2.0,
    cap=6.0,
    why="The sender promotes a product, a service or a company.",
    patterns=(
        r"\b(?:we|i)\s+(?:can\s+)?(?:help|helped|assist|enable|empower|partner with|specialize in|"
        r"specialise in|offer|provide|deliver)\s+(?:\w+\s+){0,3}?" + _CLIENTS,
        r"\bwe\s+(?:help|offer|provide|specialize|specialise|deliver|work with|partner with|"
        r"build|develop|design|create|handle|manage|run|support|supply|source|recycle|ship)\b",
        r"\b(?:our|my)\s+(?:(?:new|innovative|proprietary|unique|flagship|ai[- ]powered|"
        r"award[- ]winning|powerful|simple|all[- ]in[- ]one|free)\s+)?(?:platform|solutions?|"
        r"products?|services|software|tool|app|agency|firm|startup|program|programme|course|"
        r"coaching|offering|package|system|framework|technology|saas|consultancy|portfolio of|"
        r"clients|customers|masterclass|webinar|bootcamp|membership|newsletter|community)\b",
        _CLIENTS + r"\s+like\s+(?:yours|you|your\s+\w+)\b",
        r"\b(?:helps?|helping|helped)\s+(?:\w+\s+){0,3}?" + _CLIENTS + r"\s+(?:to\s+)?"
        r"(?:\w+\s+){0,2}?(?:grow|scale|increase|boost|cut|reduce|save|generate|get|close|land|"
        r"automate|streamline|improve|hire|find|win|double|triple)\b",
        r"\b(?:increase|increasing|boost|boosting|grow|growing|double|doubling|triple|tripling|"
        r"scale|scaling|generate|generating|cut|cutting|reduce|reducing|slash|save|saving|"
        r"maximi[sz]e|improve|improving|drive|driving|skyrocket|10x)\s+(?:your\s+|their\s+)?"
        r"(?:\w+\s+)?" + _METRIC + r"\b",
        r"\b(?:up to|over|more than|by|at least)\s+\d+(?:\.\d+)?\s*(?:%|x\b|percent\b)",
        r"\b(?:first|1st|intro) (?:session|call|consultation|month|lesson|class|audit) (?:is )?free\b",
        r"\bfree\s+(?:\d+[- ](?:day|week|month)\s+)?(?:trial|audit|consultation|consult|strategy(?:\s+(?:call|session))?|"
        r"demo|assessment|quote|analysis|review|session|discovery call|evaluation|sample|"
        r"guide|e-?book|webinar|masterclass|report|proposal|mockup|pilot)\b",
        r"\b(?:no[- ]obligation|risk[- ]free|limited[- ](?:time|spots|seats|offer)|special offer|"
        r"exclusive offer|discount(?:ed)?|\d+% off|pricing|our (?:rates|prices)|packages? start|"
        r"starting (?:at|from) \$|affordable|cost[- ]effective|money[- ]back|guaranteed?|"
        r"case stud(?:y|ies)|white[- ]label|turnkey|done[- ]for[- ]you|commission[- ]free)\b",
        r"\b(?:lead generation|lead gen|qualified leads|appointment setting|outsourcing|offshore "
        r"(?:team|developers)|staff augmentation|seo services|ppc|digital marketing services|"
        r"web development services|app development|social media management|bookkeeping services|"
        r"recruitment services|wealth management|financial planning|life insurance|"
        r"retirement planning|business coaching|executive coaching|mindset coaching|"
        r"recycling (?:services|solutions|program)|waste management|freight (?:solutions|services)|"
        r"logistics solutions|it services|managed services|dedicated developers)\b",
        r"\b(?:trusted by|our clients include|clients include|we(?:'ve| have)\s+(?:already\s+)?"
        r"(?:helped|worked with|partnered with|served|saved))\b",
        r"\b(?:i|we)(?:'ve| have)\s+(?:helped|worked with|coached|trained|placed|served)\s+"
        r"(?:over\s+|more than\s+)?\d[\d,]*\+?",
        r"\b(?:i|we)\s+(?:help|work with)\s+(?:\w+\s+){0,2}?" + _CLIENTS + r"\b",
        r"\b(?:i|we) (?:mostly |mainly |only )?work with (?:[\w-]+ ){0,2}?[\w-]+s\b",
        r"\b(?:firm|company|agency|team|studio|platform|startup|practice|fund|group) (?:that|which) (?:helps|acquires|"
        r"builds|provides|offers|makes|does|runs|connects|matches|buys|sells|invests|specializes|specialises)\b",
        r"\b(?:provides|offers|specializes in|specialises in) (?:[\w-]+ ){0,2}?(?:\d[\d,]*\+?|services|solutions|"
        r"a (?:free|full|complete|fixed))",
        r"\bwe(?:'re| are) (?:actively )?(?:buying|acquiring|investing in|looking to (?:acquire|buy|invest))\b|\bpay cash\b",
        r"\bour (?:company|firm|team|agency|studio|factory) (?:offers?|provides?|is offering|specializes|specialises|does|makes)\b",
        r"\bwe have (?:[\w,.²³/-]+ ){0,4}?(?:available|free|in stock|spare|open|left)\b",
        r"\bprice (?:is )?(?:from|only|starting)\b|\bper (?:word|page|piece|unit|kg|sq ?ft|m²)\b",
        r"\bno (?:credit )?card (?:needed|required)\b|\bat no cost to you\b|\bzero upfront\b",
        r"\bi (?:match|place|connect) [\w-]+s with\b",
        r"\bi(?:'m| am) (?:building|launching|offering|selling|running|starting)\s+(?:a|an|my)\b",
        # Introducing yourself as the seller: "I'm a mortgage broker", "fractional CFO here".
        r"\bi(?:'m| am) (?:a|an) (?:[\w&/-]+,? ){0,4}?(?:coach|consultant|broker|realtor|agent|advis[eo]r|"
        r"planner|copywriter|photographer|videographer|recruiter|headhunter|trader|bookkeeper|"
        r"accountant|strategist|freelancer|trainer|provider|supplier|manufacturer|specialist|"
        r"expert)\b",
        r"\b(?:coach|consultant|cfo|cmo|cto|recruiter|bookkeeper|copywriter|designer|developer|"
        r"realtor|broker|adviser|advisor|photographer|editor|marketer) here\b",
        r"\bwe(?:'re| are) (?:a|an) (?:[\w&/-]+,? ){0,4}?(?:agency|firm|company|factory|manufacturer|"
        r"supplier|studio|startup|provider|consultancy|platform|marketplace|distributor|brokerage|"
        r"vendor|partner|team of)\b",
        r"\bi (?:run|own|founded|started) (?:a|an|my) (?:[\w&/-]+ ){0,3}?(?:agency|studio|firm|company|"
        r"business|practice|consultancy|shop|brand)\b",
        r"\b(?:available|open) for (?:new |freelance |contract |consulting )+(?:projects|work|clients|gigs|engagements)\b",
        r"\bwe (?:make|manufacture|produce|sell|install|print|supply|distribute|import|export|source)\b",
        r"\bi (?:do|offer|write|design|build|edit|shoot|create|make|manage|handle|teach|train) "
        r"(?:[\w&/-]+,? ){0,4}?for " + _CLIENTS.replace("(?:", "(?:[\\w-]+ ){0,2}?(?:", 1) + r"\b",
        # "We do X for Y", "I shoot brand photos for restaurants": what the sender sells, to whom.
        r"\b(?:i|we) (?:also |now |currently |mainly |mostly |specifically |just )?(?:do|make|build|run|shoot|"
        r"write|produce|edit|design|develop|create|install|supply|source|buy|sell|fix|rescue|match|"
        r"represent|ghostwrite|manage|host|organi[sz]e|plan|print|clean|ship|migrate|recruit|train|teach|"
        r"coach|audit|insure|finance|translate|film|record|deliver|automate|handle|place|provide|offer)"
        r"(?: [\w&/'-]+,?){0,6}? (?:for|to) (?:[\w-]+ ){0,2}?[\w-]+s\b",
        r"\b(?:i|we) (?:also |now |currently |just )?(?:write|make|build|do) (?:[\w&/'-]+ ){0,4}?for (?:you|them)\b",
        r"\b(?:i|we) (?:also |now |currently |just )?(?:do|make|build|run|shoot|write|produce|edit|design|"
        r"supply|source|buy|sell|fix|rescue|represent|ghostwrite|host|print|clean|ship|install|recruit|"
        r"translate|film)(?: [\w&/'-]+,?){0,3}? [\w-]+s\b(?! (?:ago|of mine|together))",
        r"\bthat's (?:exactly |actually )?(?:what|where) (?:we|i) (?:do|come in|help)\b",
        r"\b(?:i|we) help (?:you|people|folks|women|men|moms|parents|[\w-]+s) (?:to )?(?:\w+ )?"
        r"(?:break|get|grow|land|find|build|scale|hit|make|achieve|reach|unlock|double|save|keep|"
        r"stop|become|create|launch|go|turn|earn|lose|sell|close|win|protect|retire)\b",
        # Recruiting pitches: the role is the product.
        r"\b(?:i(?:'m| am)|we(?:'re| are)) (?:currently )?(?:recruiting|hiring) (?:for|a|an)\b",
        r"\b(?:working with|partnered with|retained by) (?:a|an) [\w$() -]{0,60}?(?:company|startup|client|firm|"
        r"manufacturer|scale-?up|unicorn|bank|insurtech|fintech|healthtech)\b",
        r"\b(?:open roles|roles? that match|competitive salary|compensation package|base salary|signing bonus|"
        r"relocation package|(?:would|could) be a (?:great|perfect|good|strong) fit|new opportunit(?:y|ies))\b",
        # Get-rich schemes: money for the reader, the sender's "opportunity".
        r"\b(?:great|amazing|exciting|unique|incredible|life[- ]changing|business|income|investment) opportunity\b",
        r"\b(?:passive income|financial freedom|be your own boss|side hustle|extra income|work from home|"
        r"win rate|minimum deposit|presale|pre-sale|whitelist|airdrop|guaranteed returns|cash[- ]on[- ]cash)\b",
        r"\b(?:made|earned|making|earning) [$€£]?\d[\d,.]*k? (?:in|within|a|per) ",
        # Recruiters: the role is the product, the salary its price.
        r"\b(?:i'?m|we'?re|i am|we are) (?:currently )?(?:hiring|recruiting|recruitng|headhunting)\b|"
        r"\b(?:role|position|opening)s? (?:i'?m|i am|we'?re|we are) (?:working on|hiring for|recruiting for|filling)\b|"
        r"\b(?:urgent|immediate) (?:requirement|opening|hiring)\b|\byour profile (?:has been|was) shortlisted\b|"
        r"\bexecutive search\b|\b(?:hotlist|on our bench|available consultants)\b|\btax[- ]free\b|"
        r"\b\d{2,3}(?:[-–]\d{2,3})?k(?: \+| base| plus|\b)|\bopen to (?:a|an) [\w -]{2,30}role\b|\b/careers\b",
        # Launches and social proof: the sender's product, by its numbers.
        r"\b(?:just )?(?:dropped|launched|released|published|opened|started) (?:my|our) (?:new |first |latest )?"
        r"(?:ebook|e-book|book|course|cohort|app|podcast|newsletter|community|masterclass|program|club|template|"
        r"templates|guide|toolkit|shop|store|channel)\b",
        r"\b(?:pleased|excited|thrilled|happy|proud) to (?:introduce|announce|share|present|offer|invite you to) (?:my|our)\b",
        r"\b(?:open(?:ed)?|opening) (?:enrol?ment|registration|the doors|applications)\b|"
        r"\b(?:next|new|upcoming|\d+-week|spring|summer|fall|autumn|winter) cohort\b|\bcohort (?:starts|opens|begins)\b",
        r"\b(?:read|used|trusted|loved) by (?:over |more than )?\d[\d,.]*k?\+? |"
        r"\b\d[\d,.]*k?\+? (?:subscribers|readers|members|followers|downloads|users|customers|students)\b",
        r"\b\d+(?:\.\d+)?% (?:accuracy|uptime|success rate|satisfaction|open rate|response rate|reply rate|win rate)\b",
        r"\b\d+x (?:your|more|faster|the)\b|\bor you don'?t pay\b|\bor (?:your )?money back\b",
        r"\b(?:this week|today|tonight) only\b|\b(?:early access|waitlist|wait list)\b|\bit'?s free\b|\bits free\b",
        r"\b(?:we are|we're) (?:a )?leading (?:manufacturer|supplier|exporter|provider|company|agency)\b|"
        r"\b(?:manufacturer|exporter|supplier|wholesaler) (?:and|&) (?:exporter|supplier|manufacturer|distributor)\b",
        r"\b(?:i am|i'm|im) (?:doing|in) (?:business|real estate|sales|insurance|trading|network marketing)\b|"
        r"\bpartnering (?:w|with) (?:them|this brand|a brand)\b",
        r"\blooking for (?:a few|some|\d+|more) (?:more )?(?:motivated|ambitious|driven|like-minded|hungry|"
        r"serious) (?:people|individuals|women|men|partners|entrepreneurs|leaders)\b",
        r"\b(?:we|i)(?:'ve)? (?:just )?(?:launched|released|built|created|developed) (?:a|an|our|my) (?:new )?"
        r"(?:[\w-]+ ){0,3}?(?:app|platform|tool|product|service|course|book|software|solution|program|package|"
        r"offering|feature|edition|collection|line)\b",
        r"\bjust (?:launched|released|shipped|opened|rolled out) (?:a|an|our|my) (?:new|brand[- ]new)\b",
        r"\bthat's where (?:we|i) come in\b|\byou(?:'ll| will) need (?:a|an|the right)\b",
        r"\b(?:our|my) (?:rates|prices|fees)\b|\b(?:fast|quick|48h|24h) turnaround\b|\blow moq\b",
        r"\bi have (?:\d+|a few|several|some) (?:open )?(?:roles|positions|openings|opportunities)\b",
        # Consumer promotions: prizes, claims and opt-outs.
        r"\b(?:you(?:'ve| have) (?:been selected|won)|winner|claim (?:your|a|now)|cash prize|prize|"
        r"urgent[!:]|act now|unsubscribe|opt[- ]out|text stop|reply stop|free (?:entry|gift|msg|ringtone|voucher))\b",
    ),
)

CREDENTIALS = Cue(
    "credentials",
    weight=1.5,
    cap=4.5,
    why="The sender lists their own experience and titles instead of talking about the reader.",
    patterns=(
        r"\b\d+\+?\s*(?:years|yrs)\s+(?:of\s+)?(?:experience|expertise|in the (?:industry|field|business)|"
        r"in (?:sales|marketing|tech|finance|recruiting|hr|software|engineering|business))\b",
        r"\b(?:certified|accredited|licensed|award[- ]winning|best[- ]?selling|featured (?:in|on)|"
        r"as seen (?:in|on)|forbes|inc\.? 5000|fortune 500|ivy league|top \d+%|top-rated|"
        r"internationally recogni[sz]ed|renowned)\b",
        r"\b(?:doing this|in this (?:business|industry|game)|in the business) (?:for )?\d+\+? (?:years|yrs)\b",
        r"\b\d+\+? (?:years|yrs) of (?:[\w-]+ ){1,3}?(?:experience|expertise)\b",
        r"\b\d[\d,]*\+ (?:[\w-]+ )?(?:audiences|clients|companies|customers|students|founders|brands|businesses|homes|"
        r"deals|events|projects|teams|agencies|practices|creators|leaders|people|hires|placements|reviews)\b",
        r"\b(?:results[- ]driven|detail[- ]oriented|self[- ]starter|highly motivated|go-getter|"
        r"proven track record|track record of|skill ?set|extensive experience|strong background|"
        r"seasoned|dynamic professional|passionate (?:and|about)|team player|hard[- ]working)\b",
        # (Not "my CV": asking someone to read it is a request, judged as one.)
        r"\bmy (?:background|experience|skills|expertise|qualifications|achievements|accomplishments|"
        r"credentials|track record)\b",
        r"\bi (?:have|hold|earned|bring) (?:an? |my )?(?:mba|phd|master'?s|degree|certification|"
        r"\d+\+? years)\b",
        r"\bi(?:'m| am) an? (?:(?:senior|lead|professional|experienced|freelance) )+(?:[\w-]+ )?(?:developer|engineer|"
        r"designer|promoter|marketer)\b|\bi(?:'m| am) an? (?:full[- ]?stack|front[- ]?end|back[- ]?end) (?:developer|engineer)\b|"
        r"\bi have been working as an? (?:[\w-]+ ){0,2}?(?:developer|engineer|designer)\b",
        r"\b(?:i (?:recently |just )?graduated|gpa|internships? (?:at|with)|i have completed|i am skilled in|"
        r"proficient in|hands-on experience|i(?:'m| am) (?:a )?(?:quick learner|fast learner))\b",
    ),
)

CALL_TO_ACTION = Cue(
    "call_to_action",
    weight=2.5,
    cap=5.0,
    why="A sales call to action: a booking link, 'book a demo', 'reply YES'.",
    patterns=(
        r"(?:https?://)?(?:www\.)?(?:" + _BOOKING_HOSTS + r")\S*",
        r"\b(?:book|schedule|set up|setup|grab|lock in|reserve|claim)\s+(?:a\s+|some\s+|your\s+)?"
        r"(?:quick\s+|short\s+|brief\s+|free\s+|\d+[- ]?min(?:ute)?s?\s+)?(?:time|call|demo|"
        r"meeting|slot|spot|seat|session|consultation|discovery call|strategy call)\b",
        r"\b(?:click|tap)\s+(?:here|the link|below|on the link)\b",
        r"\b(?:sign up|register now|subscribe now|enroll|enrol|join (?:my|our) (?:webinar|"
        r"masterclass|program|course|community|waitlist|newsletter|free))\b",
        r"\b(?:check out|visit|see)\s+(?:our|my)\s+(?:website|site|landing page|product|offer|"
        r"deck|pricing|services|shop|store|course)\b",
        r"\b(?:reply|respond|comment|dm me)\s+(?:with\s+)?[\"'“]?(?:yes|interested|info|y)\b",
        r"\b(?:open to|interested in)\s+(?:a\s+)?(?:quick\s+|short\s+|brief\s+|free\s+)?"
        r"(?:demo|partnership|collaboration|learning more|hearing more|a (?:quick )?look)\b",
        r"\bworth\s+a\s+(?:quick\s+)?(?:\d+[- ]?min(?:ute)?\s+)?(?:call|chat|conversation|look)\b",
        r"\bwould (?:you|it) (?:be )?(?:opposed|against) to\b",
        r"\blink in (?:my )?(?:bio|profile)\b|\blink (?:below|in (?:the )?comments)\b|\blast chance\b|\bhmu\b",
        r"\b(?:need|want) (?:one|it|a free sample|a sample|a demo|a quote|in|early access)\?",
        r"\b(?:subscribe|sign up|join|enrol|enroll|register) (?:here|at|now|for free|free)\b|\bfree to (?:subscribe|join)\b",
        r"\b(?:download|install|" + _NOT_MY_OWN + r"try) (?:it|my app|our app|the app)\b",
        r"\b(?:opening|only|just) \d+ (?:spots|seats|places|slots)\b|\bdoors close\b|\bpre-?order\b",
        r"\bbook (?:online|now|today|yours|your (?:spot|seat|place|ticket)|here)\b",
        r"\b(?:only )?\d+ (?:tickets?|spots?|seats?|places?|stands?|slots?) (?:still )?(?:left|available|remaining)\b|"
        r"\b(?:tickets?|spots?|seats?|places?) (?:are )?(?:still )?(?:available|left|going fast)\b|\blast call\b",
        r"\b(?:rates|pricing|prices|details) (?:on|upon) request\b|\bavailable (?:now|immediately|from)\b",
        r"\bcheck (?:out )?(?:our|my) (?:new )?(?:reel|portfolio|work|site|website|page|samples|catalog(?:ue)?|menu|"
        r"podcast|channel|app|book|ebook|newsletter|course|profile|store|shop)\b",
        r"\b(?:want|shall|can|should) (?:me to|i) send (?:you |over )?(?:a few|some|you|over|the|our|my)\b|"
        r"\b(?:connect|reply|dm me) and i(?:'ll| will) send\b",
        r"\bdm me\b|\b(?:whatsapp|telegram|text) me (?:at|on)\b",
        r"\bjoin (?:the|our|my) (?:telegram|discord|whatsapp|group|team|community|waitlist|webinar|"
        r"masterclass|challenge|free)\b",
        r"\b(?:let me|i can|i'd be happy to|happy to|can i) (?:send|share|show) you (?:our|my|a|the) "
        r"(?:deck|portfolio|case stud(?:y|ies)|pricing|rates|brochure|catalog(?:ue)?|proposal|samples?|"
        r"price list|one-pager|details|invite|link)\b",
        r"\b(?:check|" + _NOT_MY_OWN + r"try) (?:it|us|them) out\b",
        r"\b(?:call|text|txt|reply|sms)\s+(?:now\s+)?(?:on\s+|to\s+)?\+?\d[\d -]{5,}\d\b",
        r"\b(?:let me know|tell me) (?:what|which) (?:time|day|slot)s? (?:works|suit)",
        r"\b(?:are you|is your team) free (?:on|this|next|tomorrow)\b",
    ),
)

PAIN_QUESTION = Cue(
    "pain_question",
    weight=2.0,
    cap=4.0,
    why="A rhetorical question about the reader's pain, the opener of a sales script.",
    patterns=(
        r"\bare you (?:still\s+)?(?:struggling|tired|spending|losing|having trouble|frustrated|"
        r"currently using|happy with your current|satisfied with your|looking to (?:grow|scale|"
        r"increase|boost|hire|cut|reduce|save|improve|outsource))\b",
        r"\b(?:what|how) (?:if|would it feel if) you could\b",
        r"\bdid you know (?:that )?(?:\d|most|many|over|companies|businesses)\b",
        r"\btired of\b",
        r"\bstruggling (?:to|with)\s+(?:\w+\s+)?(?:" + _METRIC[3:-1] + r"|hiring|scaling|growth|finding)",
        r"\b(?:want|ready) to (?:grow|scale|increase|boost|double|triple|generate|get more|close more|"
        r"land more|cut|reduce|save|10x|skyrocket)\b",
        r"\bimagine (?:if you|having|being able|what)\b",
        r"\bhow much (?:time|money|revenue) (?:are|is|do|does) (?:you|your)\b",
        r"\bwhat(?:'s| is) stopping you from\b",
        r"\bwho (?:handles|manages|is in charge of|is responsible for) (?:your|the)\b",
        # Qualifying questions: they sort the reader into "buyer or not".
        r"\b(?:do|does|would) (?:you|your (?:team|company|firm|business)) (?:currently )?(?:need|have a need|"
        r"use|work with|outsource)\b",
        r"\b(?:are|is) (?:you|your (?:team|company|firm|business)) (?:currently )?(?:looking for|in need of|"
        r"in the market for|thinking about (?:buying|selling|switching|outsourcing))\b",
        r"\bare you open to (?:new |other )?(?:opportunities|roles|offers|a (?:new )?(?:role|move|change))\b",
        r"\b(?:are|would) you (?:be )?open to (?:use|using|working with|outsourcing|trying|switching|"
        r"(?:an? )?(?:external|outside|new) (?:partners?|vendors?|suppliers?|agenc(?:y|ies)|providers?))\b",
        r"\b(?:is that|would that be|is this) something (?:you(?:'d| would)|your team would) (?:consider|be interested)",
        r"\bhave you (?:ever )?(?:considered|thought about) (?:outsourcing|switching|hiring|investing|using|working with)\b",
        r"\b(?:interested|sound interesting|want in)\?",
        r"\b(?:thinking about|planning on|planning to) (?:buying|selling|refinancing|investing|relocating)\b",
        # ... at the start of a sentence: "Need warehouse space in Rotterdam?"
        r"(?<![\w,;:'\"])(?<![\w,;:'\"] )(?:need|looking for|in need of|searching for) (?:a |an |some |more |extra |reliable |affordable )?"
        r"(?:[\w-]+ ){0,3}?[\w-]+(?: in [\w -]{2,20})?\?",
        r"\b(?:r u|are you|are u) into\b",
        # "Do you currently have…?", "Are you the right person…?", "Are you looking to grow…?"
        r"\b(?:do|does) (?:you|your (?:team|company|firm|business)) (?:currently|already|still) (?:have|use|"
        r"work with|own|offer|run|rely on|handle)\b",
        r"\b(?:are|would) you (?:be )?(?:the (?:right|best|correct) (?:person|contact|one)|in charge of|"
        r"responsible for|the decision[- ]maker)\b|\b(?:who|whom) (?:would be|is) the (?:right|best) "
        r"(?:person|contact)\b",
        r"\bare you (?:currently |still )?looking (?:to|for)\b|\bare you (?:currently|still) (?:using|working "
        r"with|with|happy|satisfied|handling|managing|doing)\b",
        r"\b(?:is|are) (?:\w+ ){0,3}?(?:a (?:priority|focus|challenge)|on your radar) (?:for you|for your|"
        r"this|right now|at the moment)\b",
    ),
)

# The sender as the subject of an offer: "our company launched…", "I specialize in…", "we can
# put your site…". Whatever the trade, a pitch says what the sender's business does or can do
# for the reader; a genuine note is about the reader.
SENDER_OFFER = Cue(
    "sender_offer",
    weight=2.0,
    cap=4.0,
    why="The sender (or their company) is the subject of an offer to the reader.",
    patterns=(
        r"\b(?:our|my) (?:company|firm|team|agency|startup|studio|business|platform|product|app|tool|"
        r"software|solution|service|practice|group|brand)s? (?:has |have |just |recently |now |also )*"
        r"(?:launched|built|developed|created|released|rolled out|helps?|helped|offers?|provides?|can|"
        r"enables?|automates?|specializ(?:es|ed)|specialis(?:es|ed)|delivers?|works? with|is (?:a|an|the))\b",
        r"\bi (?:specialize|specialise|focus) (?:in|on)\b|\b(?:i|we) specialize\b|\bspeciali[sz]ing in\b",
        r"\b(?:we|i) (?:can|could) (?:easily |quickly |also )?(?:put|get|help|make|build|design|"
        r"deliver|provide|offer|handle|boost|increase|grow|save|bring|rank|drive|cut|reduce|double|"
        r"triple|automate|fix|redesign|optimi[sz]e|supply|source|create|develop|manage|run|turn|write) "
        r"(?:you|your)\b",
        r"\b(?:we|i)(?:'ve| have) been (?:working on|building|developing|creating) (?:a |an |our |my )?"
        r"(?:new |unique |different )?(?:approach|way|tool|product|platform|method|system|program|"
        r"programme|framework|solution|service|app)\b",
        r"\b(?:that|which)(?:'s| has| have) (?:already )?helped (?:over |more than )?(?:dozens|hundreds|"
        r"thousands|\d[\d,]*\+?|many|countless)\b",
        r"\b(?:love|like|happy|glad|keen) to (?:tell|show) you (?:more|how|what|about)\b|"
        r"\btell you more about (?:it|this|what (?:we|i))\b",
        r"\b(?:might|could|would|may) be (?:relevant|useful|valuable|of interest|a (?:good |great )?fit|"
        r"helpful|a game[- ]changer) (?:for|to) (?:you|your)\b",
        r"\byou(?:'d| would) find (?:it |this )?(?:valuable|useful|helpful|interesting|worthwhile)\b|"
        r"\bthought (?:it|this) (?:might|could|would) (?:be of interest|interest you|help you)\b",
        r"\bi(?:'m| am) (?:a|an) (?:[\w&/-]+ ){0,3}?(?:financial advis[eo]r|insurance agent|"
        r"real estate agent|mortgage advis[eo]r|wealth manager|business coach|life coach|sales rep)\b",
        r"\b(?:offering|we offer|i offer|offers?) (?:a |an )?(?:free|complimentary|no-cost)\b",
        r"\b(?:a|an) (?:free|complimentary|no-cost) (?:[\w-]+ ){0,2}?(?:review|audit|assessment|"
        r"consultation|session|analysis|trial|quote|estimate|check-?up|valuation)\b",
        # Events and newsletters sent to a list: the sender's programme is the offer.
        r"\b(?:is|are|am) (?:pleased|proud|excited|delighted|happy) to (?:announce|invite you|present|offer|"
        r"send you|introduce)\b|\bjoin (?:us|me) at (?:our|the|an?) (?:[\w-]+ ){0,3}?(?:seminar|webinar|"
        r"conference|workshop|course|summit|luncheon|breakfast|forum|event)\b",
        r"\b(?:register|registration|reservations?|sign[- ]up) (?:now|today|is open|deadline|early)\b|"
        r"\bearly[- ]bird\b|\b(?:upcoming|next) (?:[\w-]+ ){0,2}?(?:seminar|webinar|conference|workshop|"
        r"course|training event|summit)s?\b",
        r"\b(?:inaugural|latest|new|first) (?:issue|edition) of\b|\b(?:our|the) (?:latest|new|monthly|weekly|"
        r"quarterly|fall|spring|winter|summer) (?:\d{4} )?(?:newsletter|e-newsletter|bulletin)\b",
        r"\bsponsorship (?:opportunit(?:y|ies)|packages?)\b|\bare you interested in (?:investing|attending|"
        r"joining|sponsoring|partnering|learning more)\b",
        # Job seekers selling themselves.
        r"\b(?:forwarding|attaching|enclosing|attached is|enclosed is|here is) my (?:resume|résumé|cv)\b|"
        r"\bi (?:am|'m) (?:seeking|looking for|interested in) (?:a |an )?(?:new |senior )?(?:position|role|"
        r"board (?:position|seat)|opportunity|employment)\b",
        r"\bwe(?:'re| are) (?:actively )?(?:engaged|working) with (?:[\w-]+ ){0,4}?(?:executives|companies|"
        r"firms|clients|leaders|utilities|banks)\b",
        # Recruiting the reader: the job on offer is the sender's.
        r"\b(?:we(?:'re| are)|i(?:'m| am)) (?:currently |rapidly )?(?:growing|expanding|building out) (?:our|my) team\b"
        r"(?=[^.!?]*\b(?:looking for|hiring|join|you|your)\b)|"
        r"\blooking for (?:rockstar|talented|experienced|top|great|senior) (?:[\w-]+ )?(?:engineers|developers|designers|"
        r"candidates|talent|people|professionals)\b|\bbe on the job market\b|"
        r"\b(?:positions?|roles?|openings?|internships?) (?:we have|we're hiring for|at (?:our|my) (?:company|firm|startup))\b",
        # Selling for someone else: an agent's client, a recruiter's candidates, a buyer in hand.
        r"\b(?:on behalf of|representing) (?:our|my|a|an) (?:[\w-]+ ){0,2}?(?:clients?|customers?|brand)\b|"
        r"\b(?:we|i) (?:have|represent) (?:a |an |several |some |a few |many )?(?:clients?|buyers?|"
        r"investors?|candidates?|brands?)(?: for your \w+)? (?:(?:who|that) (?:are |is |would be )?(?:looking|"
        r"interested|keen)|looking|interested|for your)\b",
        # Web marketing offers: ranking, promoting or listing the reader's site, trading links.
        r"\b(?:promote|rank|optimi[sz]e|market|feature|list) your (?:website|site|blog|business|page|brand|platform|"
        r"project|app|product|channel)\b|"
        r"\b(?:trade|exchange|swap) links\b|\blink exchange\b|\b(?:backlinks?|guest posts?|sponsored posts?)\b|"
        r"\b(?:isn't|is not|not) ranking\b|\b(?:1st|first) page (?:of|on) (?:google|bing|yahoo|search)|"
        r"\b(?:1st|first)[- ]page (?:listings?|rankings?)\b",
        r"\byour (?:readers|audience|followers|listeners|subscribers|visitors|users) (?:might|would|will|may|could) "
        r"(?:be interested in (?:reading|seeing|hearing about|learning about) (?:this|it|about (?:my|our))|"
        r"(?:also )?(?:find|enjoy|love) (?:this|it) (?:useful|helpful|interesting|valuable)?)\b",
        r"\byour (?:readers|audience|followers|listeners|subscribers|visitors) (?:might|would|will|may|could) "
        r"(?:enjoy|love|like|find|benefit from|appreciate) (?:my|our|this|these|some|an? (?:article|post|piece|"
        r"infographic|guide|resource|tool|reasons?))\b",
        r"\byou(?:'d|'ll| would| will) (?:love|enjoy) our (?:new|latest)\b",
        # Introducing oneself and one's business to a stranger, then the proposal.
        r"\b(?:allow me to|let me|i'd like to|i would like to|wanted to|want to|love to|like to) introduce (?:myself|ourselves|my (?:company|firm|"
        r"agency|business|services|team)|our (?:company|firm|agency|business|services|team))\b|"
        r"\bmy name is [\w'-]+(?: [\w'-]+)?[,.!]? (?:and )?i(?:'m| am) (?:a|an|the)\b",
        r"\b(?:form|explore|discuss) (?:a |the )?(?:(?:potential|possible) (?:for )?(?:a )?)?(?:collaborative )?(?:partnership|"
        r"collaboration)\b|\bway (?:that )?we (?:could|can|might) work together\b|"
        r"\b(?:would you be|are you) interested in (?:learning|hearing) more\b|\bintrigued\?",
        # Buyers and acquirers: the sender wants to buy the reader's house or company.
        r"\b(?:buy(?:ing)?|purchas(?:e|ing)|acquir(?:e|ing))\W{0,2} your (?:[\w-]+ ){0,2}?(?:house|home|property|company|business|"
        r"firm|practice|land|domain|extension|app|website|repo|repository|codebase|users|analytics)\b|"
        r"\b(?:i|we)(?:'d| would)? (?:like to |want to |love to )?buy your (?:car|truck|boat|lot)\b|"
        r"\b(?:i|we)(?:'m| am|'re| are) (?:[\w-]+ ){0,2}?(?:looking|wanting|interested) (?:to|in) (?:buy(?:ing)?|purchas(?:e|ing)) "
        r"(?:[\w-]+ ){0,2}?(?:properties|homes|houses|extensions|apps|websites|domains)\b|"
        r"\b(?:would you|are you|you) (?:like to|interested in|open to|thinking (?:of|about)) sell(?:ing)? (?:your |the |this )(?:[\w-]+ ){0,2}?"
        r"(?:house|home|property|company|business|domain|domain name|extension|app|website|land)\b|\bsell if the price is right\b|\b(?:looking to|interested in) acquir(?:e|ing) (?:a|an) (?:[\w-]+ ){0,2}?(?:company|business|"
        r"firm|practice)\b|"
        r"\b(?:open(?:-minded)? (?:about|to)|consider(?:ed|ing)?) selling (?:it|your (?:home|house|property|company|"
        r"business|firm|practice))\b|"
        r"\bdiscuss purchasing (?:it|your)\b|\bcash buyer\b|\binterest(?:ed)? in (?:buying |purchasing )?your property\b",
        # Paying the reader for a spot: sponsoring their project, a paid or bartered collaboration.
        r"\b(?:(?:love|like|want|happy|keen|looking) to sponsor|interested in sponsoring) (?:your|this) (?:repo|repository|project|"
        r"newsletter|channel|podcast|blog|library|tool|app)\b|"
        r"\b(?:paid|barter|sponsored) (?:collaboration|partnership|integration)\b|\bcollaborate with your (?:channel|blog|page|brand|podcast)\b",
        # Listings sold to projects and sites: token listings, link insertions, vanity directories.
        r"\blist(?:ing)? (?:of )?(?:your|our) (?:token|coin)\b|\blink insertions?\b|\bguest posting\b|"
        r"\b(?:selected|accepted|chosen|approved) for inclusion in\b",
        # Price lists and contact lists for sale.
        r"\bsend you (?:our|my) (?:(?:seo|service|marketing|advertising) packages|(?:[\w-]+ )?(?:price ?list|rate card|media kit))\b|"
        r"\b(?:buy(?:ing)?|purchas(?:e|ing)|acquir(?:e|ing)) (?:the |our |a |this )?(?:(?:[\w-]+ )?(?:e-?mail|contacts?|attendees?|leads?) "
        r"(?:list|database)|(?:database|list) of (?:[\w-]+ ){0,3}?(?:users|contacts|attendees|buyers|decision[- ]makers|leads|prospects))\b",
        # Writing to announce one's own offer: "I'm reaching out to introduce our agency", "I want to
        # tell you about our new product", "we're building a platform for clinics", "I've built a
        # tool that gets you leads". The object must be a business's: news of a flight or a new
        # policy is not an offer.
        r"\b(?:reaching out|getting in touch|writing|contacting you|emailing you|messaging you) to (?:introduce (?:myself|ourselves|"
        r"(?:you to )?(?:our|my))|(?:let you know|tell you) about (?:our|my)|share (?:with you )?(?:our|my)) "
        r"(?:[\w-]+ ){0,4}?(?:company|firm|agency|business|startup|product|service|services|platform|app|tool|solution|offer|program|"
        r"programme|course|brand)\b|"
        r"\b(?:want|wanted|like|love) to (?:tell you|share with you|let you know) about (?:our|my|a|an) (?:[\w-]+ ){0,2}?"
        r"(?:product|service|services|platform|app|tool|solution|offer|program|programme|course|brand|business|company|agency)\b",
        r"\b(?:we|i) (?:represent|work with) (?:a |an )?clients? (?:who|that|whose)\b|"
        r"\b(?:interested in|consider(?:ing)?|you(?:'ll| will)? want to) (?:featuring|feature|mentioning|covering|writing about|"
        r"reviewing|promoting|sharing) (?:the below|our|this (?:product|brand|app|book|single|album|campaign|collection))\b",
        r"\b(?:i|we)(?:'m| am|'re| are) building (?:an? |the )?(?:[\w-]+ ){0,3}?(?:platform|tool|app|product|startup|service|"
        r"solution|marketplace|saas) (?:for|that|which|to help)\b|\b(?:i|we) (?:have )?(?:developed|created|built|designed) (?:a|an) "
        r"(?:[\w-]+ ){0,3}?(?:method|system|platform|tool|app|product|solution|program|service|course) (?:that|which) "
        r"(?:gives|gets|helps|lets|allows|saves|makes) (?:you|your|businesses|companies|teams|brands|agencies|creators|developers|"
        r"founders|sellers|coaches)\b",
        # Announcing what one has just made, to someone who did not ask: "we just launched our
        # app", "I built a free AI tool", "please find attached our brochure".
        r"\b(?:we|i)(?:'ve| have)? (?:just |recently )?(?:launched|released|built|created|developed) (?:a|an|our|my|this) (?:new )?"
        r"(?:free )?(?:(?:and )?open[- ]source )?(?:[\w-]+ ){0,2}?(?:tool|app|library|platform|product|service|extension|plugin|"
        r"course|saas|api)\b(?! (?:for|with) (?:you|your|our|my)\b)|"
        r"\b(?:please find (?:attached |enclosed )?|here is |attached is |attaching |enclosed is )our (?:[\w-]+ )?(?:brochure|catalog(?:ue)?|"
        r"price ?list|rate card|media kit|company profile|capabilities statement)\b|"
        # "I am willing to redesign your website": a service offered, not a favour.
        r"\b(?:(?:i|we) (?:am|are)|i'm|we're) willing to (?:build|design|redesign|develop|modify|improve|optimi[sz]e|rebuild|"
        r"market|promote) your (?:[\w-]+ )?(?:website|site|app|store|shop|brand)\b",
        # Pitches to writers and editors: the sender's expert, client or report ("I thought you
        # might be interested in our new report"), or a stake in their start-up.
        r"\bi thought you (?:might|may|would) (?:be interested in|have (?:an? |some )?interest in) (?:(?:a|an) (?:series of )?"
        r"(?:expert|experts|interview|guest|source|speaker|expert tips)|(?:our|my) (?:new |latest )?(?:[\w-]+ )?(?:report|study|"
        r"survey|book|app|product|service|tool|platform|release|client|expert|ceo|founder))\b|"
        r"\binterest in (?:investing|sponsoring|partnering) (?:in|with) (?:an?|our|my) (?:[\w-]+ ){0,2}?(?:start-?up|company|"
        r"business|venture)\b",
        # "I also offer professional editing": the sender's own paid service.
        r"\b(?:i|we) (?:also )?offer (?:professional|paid|my|our) (?:[\w-]+ ){0,2}?(?:services?|editing|proofreading|reviews?|"
        r"writing|consulting|coaching|design|translation|mentoring)\b",
        # Service providers asking for work: their services, new features, the people they coach.
        r"\b(?:could use|need|needs|might need) (?:my|our) services\b|\breferrals add to\b|"
        r"\b(?:new )?features to show you\b|\bi(?:'ve| have) (?:decided|started|trained) to become an? (?:[\w-]+ )?"
        r"(?:coach|distributor|consultant|rep|representative|ambassador|presenter)\b",
    ),
)

BUZZWORDS = Cue(
    "buzzwords",
    weight=0.7,
    cap=2.1,
    why="Marketing language that reads like a brochure, not a person.",
    patterns=(
        r"\bleverag(?:e|ing)\b",
        r"\bsynerg(?:y|ies)\b",
        r"\bgame[- ]?changer\b",
        r"\bcutting[- ]edge\b",
        r"\bbest[- ]in[- ]class\b",
        r"\bindustry[- ]leading\b",
        r"\bworld[- ]class\b",
        r"\bseamless(?:ly)?\b",
        r"\bstreamlin(?:e|ed|ing)\b",
        r"\brevolutionary\b",
        r"\bnext[- ]level\b",
        r"\bunlock\b",
        r"\bsupercharge\b",
        r"\bend[- ]to[- ]end\b",
        r"\bscalable\b",
        r"\bholistic\b",
        r"\bvalue proposition\b",
        r"\bwin[- ]win\b",
        r"\bgrowth hacking\b",
        r"\bdisrupt(?:ive|ing)?\b",
        r"\btransform your\b",
        r"\bmutually beneficial\b",
        r"\bvalue[- ]add(?:ed)?\b",
        r"\bstate[- ]of[- ]the[- ]art\b",
        r"\bone[- ]stop[- ]shop\b",
        r"\bhassle[- ]free\b",
        r"\bpain points?\b",
        r"\bresults\b(?= (?:guaranteed|in \d|within))",
    ),
)

TEMPLATED_OPENER = Cue(
    "templated_opener",
    weight=1.2,
    cap=2.4,
    why="An opener that could be pasted to anyone; readers stop reading there.",
    patterns=(
        r"\bi (?:came across|stumbled (?:up)?on|found|was (?:going through|browsing|looking at|"
        r"checking out|viewing)) your (?:profile|page|linkedin)\b",
        r"\bhope (?:this|my) (?:message|note|email|dm|finds you)\b",
        r"\bi noticed (?:that )?we (?:have|share) (?:\w+ )?(?:mutual|common|similar)\b",
        r"\byour (?:profile|background) (?:caught my (?:eye|attention)|stood out|impressed me|is impressive)\b",
        r"\bi(?:'m| am) reaching out (?:because|to|as|since|regarding)\b",
        r"\bi wanted to (?:reach out|touch base|introduce myself)\b",
        r"\bquick question\b",
        r"\bi(?:'m| am) (?:always )?looking to (?:connect|expand my (?:professional )?network) with\b",
        r"\b(?:allow|let) me to introduce (?:myself|my)\b",
        r"\bmy name is \w+ (?:and|from)\b",
        r"\bjust (?:following up|circling back|bumping this|checking in)\b",
        r"\bas per my (?:last|previous)\b",
    ),
)

FLATTERY = Cue(
    "flattery",
    weight=0.0,  # harmless alone; it matters when a pitch follows (see rules.flattery_then_pitch)
    cap=0.0,
    why="Praise of the reader's profile that serves as a run-up to a pitch.",
    patterns=(
        r"\b(?:impressive|amazing|incredible|great|excellent|outstanding|inspiring) "
        r"(?:profile|background|career|journey|experience)\b",
        r"\bi(?:'m| am| was) (?:really |truly |very )?impressed\b",
        r"\blove what you(?:'re| are) (?:doing|building)\b",
        r"\byou(?:'re| are) (?:clearly )?(?:a|an) (?:true |real )?(?:leader|expert|visionary|rockstar)\b",
    ),
)

# --- What makes a draft a request ------------------------------------------------------
# A request asks the reader to give something: their time, a contact, a job, a vote.
# Each family names the thing asked for, so the message can say "you ask for 15 minutes".
# A group named `q` marks the part to highlight when the pattern needs context around it.

ASKS: tuple[tuple[str, str], ...] = (
    # (what is asked for, pattern)
    # "15 minutes" is a request when someone is asked to give them, not "running 5 min late".
    ("a call", r"\b(?:spare|have|got|give me|take|need|borrow|grab|find|for|just|only|quick|love|like|want) "
     r"(?:a |your |the )?(?P<q>(?:few|couple of|\d+|five|ten|fifteen|twenty|thirty)[- ]?min(?:ute)?s?)\b(?! ago| late)"),
    ("a call", r"\b(?:few|\d+|five|ten|fifteen|twenty|thirty)[- ]?min(?:ute)?s? (?:of your time|to (?:chat|talk|connect)|call|chat)\b"),
    ("a call", r"\b(?:quick|short|brief|virtual|phone|zoom|video|intro|introductory|discovery|"
     r"exploratory|informational|15[- ]min(?:ute)?|30[- ]min(?:ute)?)\s+(?:call|chat|meeting|"
     r"conversation|catch-?up|sync|interview)\b(?! away)"),
    ("a call", r"\b(?:hop|jump|get) on a(?:\s+quick)?\s+(?:call|zoom|meet)\b"),
    ("a call", r"\bpick your brain\b"),
    ("a meeting", r"\b(?:grab|get|have|buy you) (?:a )?(?:virtual )?(?:coffee|lunch|a drink|drinks)\b"),
    ("a meeting", r"\b(?:meet|connect) (?:up|for (?:coffee|lunch|a chat))\b"),
    ("a meeting", r"\b(?:set up|arrange|schedule|find) (?:a |some )?(?:time|call|meeting|chat)\b"),
    ("a demo", r"\b(?:a|quick|short|live|product|free|personal(?:ised|ized)?|\d+[- ]min(?:ute)?) demo\b|"
     r"\bdemo (?:call|session)\b|\b(?:show|walk) you (?:a demo|how (?:it|we|our))\b"),
    ("a favour", r"\b(?:quick|small|big|huge|little) favou?r\b"),
    ("an introduction", r"\b(?:(?<!for )introduc(?:e|ing) me|intro me|an? (?:warm )?intro(?:duction)? to|connect me (?:with|to)|"
     r"put me in touch|point me (?:to|towards) (?:the right|someone)|who (?:should i|would be the "
     r"best person to) (?:talk|speak|reach out) to)\b"),
    ("a referral", r"\b(?:refer(?:ring)? me|a referral|referral for|recommend me for|put in a (?:good )?word|"
     r"pass (?:my|along my) (?:cv|resume|résumé|profile)|forward my (?:cv|resume|résumé|profile))\b"),
    ("a job", r"\b(?:any (?:open )?(?:roles|positions|openings|vacancies)|job (?:openings?|opportunit(?:y|ies))|"
     r"consider(?:ed)? me for|hire me|looking for (?:a |my next |new |any )?(?:job|role|position|work)\b|"
     r"help me (?:get|find|land) (?:a |my )?(?:job|role|position|internship)|"
     r"open to work|(?:role|position|opening) (?:at|on) your (?:team|company))\b"),
    ("an endorsement", r"\b(?:endors(?:e|ing) (?:me|(?:all )?(?:of )?my)|endorsement|writ(?:e|ing) (?:me )?a (?:short |quick )?(?:linkedin )?recommendation|"
     r"a recommendation on linkedin|leave (?:me )?a (?:review|testimonial))\b"),
    ("a survey", r"\bfilling (?:out|in) (?:my|our) (?:short |quick |brief |\d+[- ]min(?:ute)? )?(?:survey|questionnaire|form|poll)\b|"
     r"\b(?:fill (?:out|in)|complete|take) (?:a |my |our |this |the )?(?:short |quick |brief |\d+[- ]min(?:ute)? )?"
     r"(?:survey|questionnaire|form|poll)\b"),
    ("a share", r"\b(?:like and share|(?:please|can you|could you|would you|help (?:me|us)|mind) (?:re)?shar(?:e|ing) (?:my|our|this) "
     r"(?:post|article|video|page|launch|project|campaign|job post|listing)|"
     r"(?:like|comment on|repost|boost|upvote|vote for) (?:my|our) (?:post|article|video|product|launch|"
     r"project|entry|app)|vote for (?:me|us)|follow (?:my|our) (?:page|newsletter|channel)|"
     r"subscribe to (?:my|our)|support (?:my|our) (?:campaign|kickstarter|launch|fundraiser)|"
     r"sign (?:my|our|the) petition|donate to (?:my|our))\b"),
    ("a review", r"\b(?:review(?:ing)?|look(?:ing)? (?:at|over)|take a look at|give (?:me )?feedback on|feedback on|"
     r"critique|proofread|looking at|tell me what you think of) (?:my|our) (?:new |latest |first |updated )?(?:landing page|site|repo|code|video|podcast|article|essay|idea|resume|résumé|cv|profile|deck|pitch|website|app|book|"
     r"portfolio|startup|product|draft|proposal|business plan|application)\b"),
    ("a purchase", r"\b(?:(?:buy|purchase|order) (?:it |one |some )?(?:from (?:me|us)|(?:my|our) )|" + _NOT_MY_OWN + r"try (?:it|our|my) (?:out|for free|free)|"
     r"start (?:a|your) free trial|sign up for (?:my|our|the)|invest in (?:my|our))\b"),
    ("a call", r"\b(?:(?:have|spare|for|give me|grab) half an hour|an hour of your time|a (?:moment|minute) of your time)\b"),
    ("a meeting", r"\b(?:coffee chat|virtual coffee|coffee (?:sometime|next week|this week|soon)|"
     r"for (?:a )?coffee|meet (?:in person|up sometime|for lunch))\b"),
    ("an introduction", r"\b(?:do you know (?:anyone|someone|somebody)|know (?:anyone|someone) (?:at|who|in)|"
     r"appreciate an? (?:intro|introduction)|make an? (?:intro|introduction)|an? (?:intro|introduction) if)\b"),
    ("a referral", r"\b(?:send (?:them|anyone|people|clients|folks|work) my way|appreciate (?:the |any )?referrals?)\b"),
    ("a job", r"\b(?:(?:is|are) (?:your (?:company|team|firm)|you) (?:still |currently )?(?:hiring|looking for (?:a|an|someone))|"
     r"(?:any|some) (?:freelance|contract|part-time) (?:work|projects|gigs)|looking for (?:anything|work|a role|"
     r"a position|opportunities) in)\b"),
    ("a donation", r"\b(?:consider donating|donat(?:e|ing|ion) to|sponsor me|chip in)\b"),
    ("a share", r"\b(?:upvote|repost|retweet|signal boost|share (?:it|this|the (?:job )?post|my post) with your network)\b"),
    ("a review", r"\b(?:give (?:me )?(?:some |your )?(?:honest )?feedback|try it (?:out )?and (?:tell|let) me|"
     r"read it and|test (?:it|my app)|be a beta tester|beta testers?)\b"),
    ("a reply", r"\b(?:hear back|get back to me|any (?:update|news) on|did you (?:get|have) a chance to|"
     r"bumping this|following up on my (?:last |previous )?(?:message|note|email))\b|"
     r"\b(?:did you|hope you) (?:get|got|receive|received) my (?:previous|last|earlier) (?:e-?mail|message|note)\b"),
    ("a review", r"\bgive me (?:a |some |your )?(?:quick |short |honest )?(?:feedback|review|opinion)\b|"
     r"\bappreciate (?:your|any) (?:feedback|review|input|thoughts) on my\b"),
    ("a favour", r"\b(?:i|we) would like (?:it|this|them) (?:to be )?removed\b|\bfile a dmca\b|\bplease make (?:it|this|the app) free\b"),
    ("a reply", r"\b(?:any (?:thoughts|update|updates|news|feedback)(?: (?:on|about|from|regarding)[^.?!\n]{0,40})?\?|"
     r"circling back|circle back|did (?:you|u) (?:see|get|read) my (?:msg|message|note|email)|gentle reminder|"
     r"(?:kindly|please|pls) (?:revert|reply|respond|get back)|awaiting your (?:kind )?(?:response|reply)|"
     r"(?:appreciate|love) (?:a|an|your) (?:reply|response|answer)|didn'?t get (?:buried|lost)|"
     r"(?:pinging|nudging|bumping) (?:you|this)|had (?:time|a chance) to (?:look|read|check|review)|"
     r"(?:u|you) there\?|reply when (?:u|you) can|any news (?:from|on)\b)"),
    ("a favour", r"\b(?:kindly|pls|plz|please) (?:give|guide|share|help|call me|check|accept and|send me|forward|"
     r"approve|refer|recommend|do the needful|provide|look into|consider)\b|\bneed a (?:favou?r|reference)\b|"
     r"\bgive (?:me |us )?business\b|\bsend (?:me |us )?(?:business|orders|inquiries|enquiries)\b|"
     r"\bcall me (?:at|on|asap|urgent|urgently|back|when (?:free|you(?:'re| are) free|u r free|you get a (?:chance|minute)))\b|"
     r"\bcan i put your name\b"),
    ("a recommendation", r"\bletter of (?:recommendation|reference)\b|\b(?:be|act as) (?:a|my) referee\b"),
    ("a recommendation", r"\b(?:write (?:me )?a (?:short )?(?:linkedin )?(?:recommendation|reference|testimonial)|"
     r"(?:be|act as) (?:a|my) reference|need (?:two |a few )?references)\b"),
    ("an internship", r"\b(?:take|takes|taking|hire|hires|hiring|have|has|offer|offers) (?:summer |any |on )?"
     r"interns\b|\binternship (?:opportunit(?:y|ies)|positions?|openings?|programs?)\b|\bany internships?\b"),
    ("a guest spot", r"\b(?:come|be|appear) on (?:my|our) (?:podcast|show|channel|livestream|panel|stream)\b|"
     r"\bbe a guest on\b|\b(?:speak|be a speaker) at (?:my|our)\b|\bhave you on (?:the|our|my) (?:show|podcast|channel|stream)\b|"
     r"\b(?:get|be) featured (?:on|in) (?:the|your) (?:podcast|show|blog|newsletter|site|channel)\b|"
     r"\b(?:publish|write|submit) (?:a )?guest (?:post|article|blog)\b"),
    ("a vote", r"\bvot(?:e|ing) for (?:me|us|my|our)\b|\b(?:like|comment on|share|repost) (?:and comment on )?(?:my|our) "
     r"(?:latest |new |last |recent )?(?:post|article|video|reel)\b"),
    ("a job", r"\b(?:keep me in mind|think of me (?:for|if|when)|if you (?:ever )?need (?:a|an) [\w -]{2,30}?"
     r"(?:editor|designer|developer|writer|photographer|freelancer|assistant|consultant|va)\b)"),
    ("a sponsorship", r"\b(?:looking for sponsors|sponsor (?:us|our|my)|(?:be able|willing|like) to (?:contribute|sponsor|donate)|"
     r"contribut(?:e|ion) to (?:our|my))\b"),
    ("mentorship", r"\b(?:career advice|your advice on|some advice on|(?:pick|borrow) your brain)\b"),
    ("mentorship", r"\b(?:be my mentor|mentor me|your mentorship|some (?:advice|guidance) on (?:my|how i))\b"),
    # Cold asks in plain words: to talk, to meet, for work, for a slot on their show or blog.
    ("a call", r"\b(?:would (?:very much )?(?:like|love)|i'd (?:like|love)|hoping|like) to (?:speak|talk|chat|meet) "
     r"(?:with|to) you\b|\bspare (?:a|one) (?:minute|moment|sec)\b"),
    ("a meeting", r"\b(?:why don'?t we|we should|love to|like to|let'?s) get together\b"),
    ("a job", r"\b(?:in search of|(?:currently |actively )?(?:seeking|looking for|searching for)) (?:a |an |new |any )?(?:summer |paid |"
     r"unpaid |new )?(?:internship|opportunities|position|role|job|rotation)s?\b|\bwork as an? intern\b|"
     r"\btake me (?:in|on) (?:in )?your\b|\bsend you my (?:resume|cv|résumé)\b"),
    ("a guest spot", r"\b(?:as a guest on|a guest on (?:my|our)|contribute to your (?:blog|site|publication|"
     r"newsletter)|(?:write|submit) a guest post)\b"),
    ("a partnership", r"\bexplore (?:a |an )?(?:partnership|collaboration)\b"),
    # Asks that name the reader's effort: reviewing my book, speaking at our event, a nudge for a reply.
    ("a review", r"\b(?:want|would like|'d like|would love|'d love|hoping) (?:for )?you to (?:review|read|look at|"
     r"check out|try|feature|cover|write about|promote|link to)\b"),
    ("a guest spot", r"\binvit(?:e|ing) you to (?:speak|present|give a talk|be a speaker|participate|contribute)\b"),
    ("a reply", r"\b(?:gotten|got|had) a chance to (?:look at|read|review|check out|go over|take a look at) "
     r"(?:my|our|the (?:proposal|deck|email|message|note|offer|quote|demo|info|information|materials?|link))\b|"
     r"\bto see if you (?:received|got|saw|read|opened) (?:my|our)\b"),
    ("a favour", r"\b(?:suggested|recommended) (?:that )?i (?:contact|reach out to|get in touch with|email|write to)\b|"
     r"\b(?:would|'d) (?:really )?(?:like|love|appreciate) your (?:participation|support|help)\b"),
    ("a favour", r"\blet me know if you can (?:take|help|do)\b|\binterested in reviewing\b"),
    # Prospecting: the sender's own unanswered attempts, and asking who buys at their company.
    ("a reply", r"\bfollow(?:ing)? up on (?:the|my) (?:e-?mail|voicemail|letter) i (?:sent|left)\b|"
     r"\b(?:tried|been trying|have tried) (?:to (?:contact|reach|get hold of) you|contacting you|reaching you) "
     r"(?:a few|several|multiple|many|a couple of|\d+) times\b"),
    ("an introduction", r"\bwho (?:is|'s) (?:responsible|in charge) (?:for|of)\b[^.?!\n]{0,40}?\bat your "
     r"(?:company|organi[sz]ation|firm|school|business)\b"),
    ("a favour", r"\b(?:(?:could|can|would) you (?:please )?(?:do me a favou?r|help me (?:out|with|get|find|land)|"
     r"spare|give me|send me (?:a|some) (?:leads|referrals|clients)))\b"),
    # Cold asks of strangers: advice, a word with the right person, their time or their contacts.
    ("mentorship", r"\b(?:(?:could|can|would) you (?:please )?(?:give|offer|share) (?:me )?(?:some |any )?"
     r"(?:advice|tips|guidance|suggestions?)|give me (?:some |any )?(?:advice|guidance|suggestions?)|"
     r"what advice (?:you|would you|could you))\b"),
    ("a reply", r"\bif you could (?:respond|reply) to my (?:e-?mail|message|note|letter)\b"),
    ("an introduction", r"\bwho(?:'s| is) the (?:best|right) person (?:on your team|at your company|in your "
     r"(?:team|company|organi[sz]ation)) to (?:talk|speak)|"
     r"\b(?:can|could|may) i (?:speak|talk) (?:with|to) someone (?:from|in|on|at) your\b"),
    ("a favour", r"\b(?:request|ask) (?:that )?you (?:to )?remove\b|\bremove (?:every |all |the |our |any )?links? (?:to|from)\b|"
     r"\badd (?:me|my profile) to your (?:linkedin )?(?:contacts|network|connections)\b"),
    ("an internship", r"\b(?:shadow(?:ing)? you|work (?:experience )?placement|pursu(?:e|ing) (?:my |an? )?(?:summer )?internship)\b"),
    ("a review", r"\bread my (?:bio|novel|book|manuscript|script|story|screenplay|poems?)\b|"
     r"\b(?:give|pass|show) (?:it|this|my \w+) to your (?:agent|editor|publisher)\b"),
    ("a referral", r"\bforward my (?:detailed |updated |attached )?(?:cv|resume|résumé)\b"),
    ("a donation", r"\bdonate (?:just )?[$€£]\d"),
    # Rewards for unasked-for bug reports, blurbs, stars and follows, a place on their list or team.
    ("a reward", r"\b(?:rewards?|bount(?:y|ies)) for (?:these |this |the |my |a |any )?(?:bugs?|vulnerabilit(?:y|ies)|"
     r"security (?:issues?|bugs?)|findings|reports?)\b|\b(?:running |any )?bug bounty program\b|"
     r"\breward (?:security )?researchers?\b"),
    ("an endorsement", r"\b(?:write|give|provide|jot down) (?:me )?an? (?:short |quick |brief )?blurb\b|\ba blurb from you\b"),
    ("a share", r"\b(?:star|fork) (?:this|my|our) (?:repo|repository|project)\b|\bfollow me back\b|\b(?:please|pls|plz) (?:do )?follow me\b|"
     r"\b(?:please|pls|plz) (?:share|promote) my (?:channel|videos?|links?)\b"),
    ("a listing", r"\b(?:add|adding|include|including|list|listing) (?:my|our) (?:[\w-]+ ){0,2}?(?:tool|project|app|site|website|repo|"
     r"library|product|extension|channel|book|course|article|resource|blog) (?:on ?)?(?:to|in|on) (?:your (?:[\w-]+ ){0,2}?"
     r"(?:list|directory|readme|newsletter)|the list of resources)\b"),
    # More cold asks in plain words: their contact details, advice, money, their code, work with them.
    ("your contact details", r"\b(?:please )?(?:tell|give|send) me your (?:e-?mail address|email id|whatsapp|skype|telegram|"
     r"contact details)\b|\bis there (?:a|any) way (?:to|i can|i could) contact you\b|\bhow (?:can|could|do) (?:i|we) contact you\b|"
     r"\b(?:send|give|tell) me (?:an? |your )?e-?mail(?: address)? to contact\b|\bhow (?:can|could|do) i (?:get|find) your (?:e-?mail|contact)|"
     r"\bis there (?:a|any) way to (?:privately )?(?:message|reach|email|dm) you\b|\byou have (?:an? )?e-?mail (?:i|we) can\b"),
    ("mentorship", r"\badvice for (?:a )?beginners? (?:like me|in)\b"),
    ("money", r"\b(?:please|pls|plz|can you|could you) pay me\b(?! back)|\bdonate me\b"),
    ("access to their code", r"\b(?:give|grant) (?:me |us )?access to (?:the |your )?(?:private )?(?:code|repo|repository|source)\b|"
     r"\bshare (?:the|your) source code\b|\b(?:give|send) (?:me|us) the (?:source )?code\b"),
    ("permission to use their work", r"\bpermission to use (?:your|this) (?:project|code|library|software|work|photos?|images?)\b|"
     r"\buse (?:some of )?(?:this|your) code in a commercial\b"),
    ("a job", r"\bi want to cooperate with you\b|\b(?:are|would) you (?:be )?interested in hiring (?:me|an? (?:[\w-]+ )?"
     r"(?:developer|designer|engineer|freelancer|writer|marketer|consultant))\b"),
    ("a favour", r"\b(?:(?:can|could|would|will) you|please|if you) (?:please )?(?:make|create|record) an? (?:[\w-]+ ){0,2}?"
     r"(?:video|tutorial) (?:on|about|explaining|showing|for)\b"),
    ("a call", r"\bspare (?:us|me) (?:a few|some|an?|\d+) (?:hours?|minutes?)\b"),
    ("a job", r"\b(?:hope|love|like|want|wish) to join your (?:team|company|project|organi[sz]ation)\b|\bare you (?:available|open) for "
     r"(?:a |any )?(?:[\w-]+ )?(?:freelance|contract|part-time|remote) (?:job|work|project|gig)\b|"
     r"\bput you (?:down )?as (?:a|my) (?:ref|reference)\b"),
    ("a donation", r"\b(?:help (?:me |us )?by|consider|you (?:could |can |would )?) (?:make|making) a (?:small |quick )?donation\b"),
    ("a call", r"\b(?:appreciate it|be great) if we could (?:chat|talk|speak|meet) about (?:the|your|a|an) (?:[\w-]+ ){0,2}?"
     r"(?:role|opening|position|opportunity|job|internship|company|team)\b"),
    # Strangers' asks of maintainers and firms: their project, paid work, a build, money, a takedown.
    ("their project", r"\b(?:take|taking) (?:over )?ownership of (?:this|the|your) (?:project|repo|repository|package|library)\b|"
     r"\btake over (?:maintenance of )?(?:this|the|your) (?:project|repo|repository|package|library)\b"),
    ("paid work", r"\b(?:want|like|love|wish|interested) (?:to|in) hir(?:e|ing) you\b|\bhire you for (?:a |some |this )?(?:work|job|project|gig)\b"),
    ("a favour", r"\b(?:can|could|would|will) you (?:please )?(?:build|code|develop|program) (?:an? |me an? |this )(?:[\w-]+ ){0,3}?"
     r"(?:app|website|site|program|software|tool|bot|script|plugin|extension|game|dashboard|\w*display|system|api)\b"
     r"[^.?!]{0,40}?\bfor me\b"),
    ("money", r"\bi (?:really )?(?:need|want) (?:a (?:personal )?loan|\d+ (?:btc|bitcoin|eth)|approval for a (?:personal )?loan)\b"),
    ("a favour", r"\b(?:appreciate|ask that|request that|ask) you (?:to )?(?:take|taking) (?:it|this|that|them|the (?:repo|repository|"
     r"video|post|page|article|site|content|copy|fork|project|listing|extension|app|code|photos?|images?)) down\b"),
    ("a job", r"\b(?:want|wana|wanna|need|looking for) (?:a )?job (?:in |at |with )?(?:this|your) (?:company|firm|team|organi[sz]ation)\b|"
     r"\bi(?:'m| am) (?:currently )?looking for (?:a |an )?(?:[\w-]+ ){0,4}?(?:job|internship)\b|\b(?:please )?add me (?:in)?to (?:the|your) team\b(?! (?:calendar|channel|chat|list|thread|meeting|drive|folder|group|call|email))"),
)

# A draft that answers the reader's own message: it opens by thanking them for their note,
# declines what they asked, or tells them to stop writing. An answer may talk about links,
# guest posts or fees because they raised them; it is judged as a reply, not as a pitch.
# Only its first two sentences count, and never in a draft with a sales call to action or
# a self-introduction: "Thanks for your email! Our agency…" is still a pitch.
ANSWERS = (  # compiled on first use, case-insensitive, only for an opening with one of ANSWER_WORDS
    r"\bi(?:'m| am) not interested in (?:your|this|that|the|working|being)\b|\bi(?:'ll| will) pass\b(?! (?:on|along|it|this|that))|"
    r"\b(?:must|have to|will have to) (?:politely |respectfully )?decline\b|\b(?:i|we) have decided not to\b|"
    r"\bstop (?:messaging|emailing|contacting|calling) me\b|\bdon'?t (?:message|email|contact|call) me (?:again|ever)\b|"
    r"\bi (?:cannot|can't|won't|will not) (?:be )?(?:adding|accept(?:ing)?|draw(?:ing)?|writ(?:e|ing)|do(?:ing)? (?:this|that|it)|"
    r"work(?:ing)? for free)\b|"
    r"\b(?:thank you|thanks) (?:so much |very much )?for (?:your|the) (?:email|e-mail|message|note|"
    r"interest in (?:contributing|writing for|working with|joining) (?:my|our|us))\b|"
    r"\bthe (?:email|message) (?:that )?you (?:reference|mention|sent)\b|"
    r"\bsorry,? but (?:i|we)(?:'m| am|'re| are) not (?:interested|hiring|able|looking|available)\b|\bsorry,? but (?:i|we) (?:can'?t|cannot)\b|"
    r"\b(?:thank you|thanks)(?: so much| a lot| very much)? for (?:reaching out|(?:your|the) (?:interest|idea|offer|proposal|"
    r"inquiry|enquiry|suggestion|kind offer)(?! to connect))\b|"
    r"\b(?:isn't|is not|aren't|are not|won't|will not) (?:going to )?(?:work|be a (?:good )?fit) for (?:us|me)\b|"
    r"\b(?:doesn't|does not|don't|do not) (?:work|fit) for (?:us|me)\b|\bisn't a direction\b|"
    r"\b(?:we|i)(?:'re| are| am|'m) (?:currently )?not (?:accepting|taking|doing) (?:any |new |more )?(?:guest|sponsored|paid|"
    r"unsolicited|freelance|outside|custom|contract|submissions|pitches|requests|work)\b|"
    r"\b(?:we|i)(?:'re| are| am|'m) not interested(?:,|\.| at (?:this|the moment)| in (?:this|your|the offer|it))|"
    r"\bi appreciate (?:your|the) (?:offer|e-?mail|interest|proposal|message|note|outreach|invitation)[^.?!]{0,40}\bbut\b"
)
# Every answer above has one of these words: most drafts have none, and are spared compiling it.
ANSWER_WORDS = re.compile(r"not|n't|pass|declin|stop|thank|referenc|mention|sent|appreciat", re.IGNORECASE)

# A sender who introduces themselves is writing to a stranger, so a long message is a cold
# ask, not a working note: "my name is", "I am a student at", "we haven't met", "sorry for
# the cold email".
COLD_INTRODUCTION = re.compile(
    r"\bmy name is (?-i:[A-Z])|\b(?:allow me to|let me) introduce myself\b|"
    r"\bi(?:'m| am) (?:currently )?(?:a|an) (?:[\w-]+ ){0,3}?(?:student|graduate|undergrad(?:uate)?) (?:at|in|of|from)\b|"
    r"\bwe (?:haven'?t|have not) (?:yet )?met\b|\byou don'?t know me\b|"
    r"\b(?:came across|found) your (?:website|blog|site|profile|tutorial|page|channel)\b|"
    r"\b(?:sorry|apologies) for (?:the|this|my) (?:cold|unsolicited|random|surprise) (?:e-?mail|message|msg|note|dm|outreach)\b|"
    r"\bi hope you (?:don'?t|do not) mind (?:me |my )?(?:reaching out|contacting you|emailing you|messaging you|getting in touch)\b|"
    r"\bi found your (?:name|e-?mail|e-?mail address|address|contact|contact details|details) (?:in|on|at|through|via) (?:the |a |an |your )?"
    r"(?:[\w.-]+ ){0,2}?(?:credits|readme|licen[cs]e|licens\.txt|license\.txt|commit|profile|website|site|repo|repository|app|game|files?|"
    r"code|source|linkedin|github|google|internet|web)\b",
    re.IGNORECASE,
)

# Question openings that make a question a request, not curiosity: "do you have 15
# minutes?" asks for the reader's time; "how did you start?" asks about the reader.
REQUEST_QUESTION = re.compile(
    r"^\W*(?:(?:" + _TITLE + r"\.|[^.?!,—–]){0,30}[,—–]\s*)?(?:(?:so|and|also|but)\s+)?(?:(?:can|could|would|will|may) (?:you|i|we)\b|"
    r"do you have (?:a |any |some )?(?:few |\d+ )?(?:minutes?|mins?|time)|"
    r"are you (?:free|available|open|around|up for)\b|would (?:it be possible|you mind|you be)\b|"
    r"(?:is there )?any chance\b|(?:mind if|how about|what about) (?:we|i)\b|"
    r"(?:are|would) you (?:be )?(?:interested|open|willing)\b|when (?:are you|is a good time|works)\b)",
    re.IGNORECASE,
)

# Requests said as statements, not questions: "I would appreciate it if you…", "I was
# wondering if you could…", "please email me". Like a request question, the thing asked is
# vague, so between people who know each other it is an everyday ask (see STATED_COLD_OBJECTS).
REQUEST_STATEMENTS = (
    r"\b(?:i|we)(?:'d| would) (?:really |greatly |very much |truly |so )?(?:appreciate|be (?:very |so |really |most |extremely )?"
    r"(?:grateful|greatful|thankful|honou?red|obliged)) (?:it )?if you\b",
    r"\b(?:i|we)(?:'m| am|'re| are| was| were) (?:just )?wondering (?:if|whether) you(?:'d| would| could| might| can| will)\b",
    r"\b(?:i|we)(?:'m| am|'re| are| was| were) (?:writing|reaching out|contacting you|emailing you|messaging you) "
    r"(?:to (?:ask|request|see (?:if|whether)|inquire|enquire|check (?:if|whether)))\b",
    r"\b(?:i|we)(?:'m| am|'re| are| was| were) hoping (?:that )?you(?:'d| would| could| might| can| will)?\b",
    r"\bit(?: would|'d) be (?:great|wonderful|amazing|lovely|fantastic|awesome|a (?:great|huge|big) help|(?:very |really )?helpful) "
    r"if you (?:could|would|can)\b",
    r"\b(?:please|kindly|pls|plz) (?:e-?mail|contact|call|write to|text|message|dm|get back to|reach out to) me\b",
    r"\b(?:i|we) (?:really )?need your (?:help|support|assistance)\b",
    r"\bwould you be (?:so )?kind enough to\b|\bcould you kindly\b",
    r"\b(?:i )?hope (?:that )?you (?:can|could|will be able to) help\b|\bhopefully you can (?:help|point)\b|"
    r"\b(?:need|want) (?:some )?help from (?:you|developers like you|someone like you|an expert)\b",
    # Plainer forms: "I wonder if anyone has…", "is it possible to…", "could you please send…",
    # "I would like to ask…", "we need a developer", "how can I contact you".
    r"\b(?:i|we)(?:'m| am|'re| are| was| were)? (?:just )?wonder(?:ing)? (?:if|whether) (?:you|anyone|anybody|someone|somebody)\b",
    r"\b(?:is it|it is|would it be|will it be) possible (?:to|for (?:you|me|us)|that you)\b",
    r"\b(?:could|can|would|will) you (?:please |kindly )?(?:send|give|tell|email|e-mail|share|help|contact|call|drop|flick|"
    r"leave|provide|forward|teach|explain|transfer|add|remove|make|update|publish|upload|sign)\b",
    r"\b(?:i|we)(?:'d| would) (?:like|love) to (?:ask|request|know (?:if|whether|how much)|inquire|enquire|invite you|"
    r"use (?:your|this|one of)|publish|report|contact you|get in touch)\b",
    r"\b(?:i|we) (?:want|wanna|need) to (?:ask (?:you|if|whether|for)|contact you|get in touch|"
    r"know (?:if|whether|how much))\b",
    r"\b(?:i|we)(?: need| require| are looking for| am looking for|'re looking for|'m looking for) (?:someone|somebody|"
    r"an? (?:[\w-]+ ){0,2}?(?:developer|designer|photographer|freelancer|programmer|writer|translator|partner|sponsor|"
    r"band|group|volunteers?|speaker))\b",
    r"\b(?:can|could|would) (?:anyone|anybody|someone|somebody) (?:here )?(?:please )?(?:help|tell|give|point|share|send|recommend)\b|"
    r"\b(?:anyone|anybody) (?:here )?(?:who|that) (?:can|could|would|is willing|wants)\b",
    r"\bhow (?:can|could|do|should|would|may) (?:i|we) (?:contact|reach|get in touch with|email|hire|buy|order|list|join|"
    r"apply|submit|get (?:a|an|the|your|in touch|hold))\b|\bhow (?:i|we) (?:can|could|should) (?:contact|reach|get in touch with) you\b",
    r"\bsee (?:if|whether) you (?:could|can|would|might)\b|"
    r"\b(?:like|love|want|wanted|hoping) to discuss (?:a|an|my|our) (?:[\w-]+ ){0,3}?(?:project|opportunity|proposal|"
    r"collaboration|partnership|idea|offer)\b",
    r"\b(?:please|pls|plz|kindly) (?:leave|drop|give|send|flick|share|tell) (?:me |us )?(?:your|a|an) (?:contact|e-?mail|"
    r"phone|number|whatsapp|telegram|skype)\b",
)

# Offers of help: "happy to introduce you", "let me know if I can help". A sentence with
# one of these is the sender giving, not taking, so it is never a request.
OFFER_OF_HELP = re.compile(
    r"\b(?:happy|glad|more than happy|keen) to (?:help|share|intro|introduce|connect you|send|"
    r"chat|jump|hop|talk|answer|make|pass|review|give|lend|walk you|meet)|"
    r"\blet me know if (?:i|we|there(?:'s| is)) |\bif (?:i|we) can (?:ever )?(?:help|be of)|"
    r"\bif you(?:'d| would)? (?:ever )?(?:like|want|need)\b|\bwould you like (?:me|us|an? (?:intro|copy|link))|"
    r"\bwant me to\b|\bi can (?:intro|introduce|send|share|connect you|put you)|"
    r"\bfeel free to (?:reach out|ping|ask|grab|book|call|drop|text)|\bno need to (?:reply|respond)\b|"
    r"\b(?:no|zero) (?:pitch|strings|agenda|ask)\b|\bmy door is (?:always )?open\b|"
    # "Call me if you have any questions": help offered with the work just sent.
    r"\b(?:if you have|(?:call|contact|email|e-mail|reach|ping|text) (?:me|us) with) (?:any )?(?:further |more |other |additional )?"
    r"(?:questions|comments|concerns|problems)\b|"
    r"\bif (?:you need|there(?:'s| is)) anything (?:else)?\b",
    re.IGNORECASE,
)

# In a connection note, asking them to accept is what the note is for, not a favour:
# "I'd like to invite you to join my network", "kindly consider my invitation".
CONNECTION_ASK = re.compile(
    r"\b(?:join|be (?:a )?part of|add you to|welcome you (?:in)?to) my (?:professional |linkedin )?network\b|"
    r"\b(?:accept|consider) (?:my|this|the) (?:linkedin )?(?:invitation|invite|(?:connection )?request)\b|"
    r"\b(?:connect|be connected|stay connected|link up) (?:with you|here|on linkedin)\b|\bmind connecting\b",
    re.IGNORECASE,
)

# "How are you?" is a greeting, not curiosity about the reader's work.
PHATIC_QUESTION = re.compile(
    r"^\W*(?:(?:hi|hey|hello|dear)\W+)?(?:\w+\W+)?(?:how (?:are|r) (?:you|u)|how(?:'s| is) it going|"
    r"how have you been|hope (?:you(?:'re| are)|all is) (?:well|good))(?: doing)?(?: today| lately)?\W*$",
    re.IGNORECASE,
)

# "Would you like one?" offers something; it is not a request even in request form.
OFFER_QUESTION = re.compile(r"\b(?:would you like|do you want|want one|shall i|should i send)\b", re.IGNORECASE)

# --- What shows interest in the reader -------------------------------------------------

REFERENCE_TO_THEM = Cue(
    "reference_to_them",
    weight=-1.0,
    cap=-3.0,
    why="The draft refers to something the reader did or said.",
    patterns=(
        r"\byour (?:recent |latest |last |new |great |excellent |fascinating |insightful |"
        r"thoughtful |brilliant |inspiring |amazing )?(?:post|article|talk|keynote|presentation|"
        r"panel|podcast|episode|interview|book|paper|research|thread|comment|newsletter|essay|"
        r"video|webinar|session|workshop|demo|project|launch|announcement|promotion|"
        r"new (?:role|job|position|venture)|role as|move to|journey|story|piece|writing|take on|"
        r"perspective|point (?:about|on)|thoughts on|insights? (?:on|about|into)|work (?:on|at|with)|"
        r"team'?s|company'?s|talk at|book on|analysis|thesis|startup's|portfolio|garden|trip|"
        r"daughter|son|kids?|family|dog)\b",
        r"\b(?:i|we) (?:just |really |recently )?(?:saw|read|watched|heard|listened to|enjoyed|"
        r"loved|liked|noticed|caught|attended|followed|appreciated)\b[^.!?\n]{0,60}\byour\b",
        r"\b(?:you|you've|you have) (?:just )?(?:wrote|written|posted|shared|said|mentioned|"
        r"launched|published|spoke|built|started|joined|moved|won|finished|shipped|raised)\b",
        r"\b(?:great|good|lovely|nice) (?:meeting|to meet|chatting|talking|seeing|catching up)\b",
        r"\bat (?:the |your )?(?!our\b|my\b)[\w&'-]+(?: [\w&'-]+){0,3} (?:conference|summit|meetup|mixer|"
        r"event|panel|workshop|expo|fair)\b",
    ),
)

# Questions about the reader: curiosity words that start a question about them.
CURIOUS_QUESTION = re.compile(
    r"\b(?:how|what|why|which|where|when|who)\b[^?]*\b(?:you|your|yours|you're|you've|you'd|"
    r"y'all|u|ur)\b|^\W*(?:[\w'-]+(?: [\w'-]+){0,2},\s*)?(?:(?:so|and|also)\s+)?(?:how(?:'s| is| are| was| were| did| do| does| has| have| come)|what(?:'s| is| was| are)|"
    r"any (?:tips|advice|thoughts|plans)|did (?:the|it)|is (?:the|it)|are (?:the|they))\b|"
    r"\bcurious (?:how|what|why|whether|if|about)\b|\b(?:tell me|share) (?:a bit |more |a little )*"
    r"(?:about|how|what|why) (?:you|your)\b|\bwould love to (?:hear|know|learn) "
    r"(?:more )?(?:about )?(?:how|what|why|your)\b|\b(?:do|did|have|are|were|will) you\b",
    re.IGNORECASE,
)

# Asking for the reader's time for a call or a meeting is a request even when it opens
# like curiosity ("do you have time for a quick call?"), not a question about them.
# Between friends, "are you free Saturday?" stays a question like any other.
TIME_QUESTION = re.compile(
    r"\b(?:(?:do|would|will) you have (?:a |any |some )?(?:few |\d+ |a couple of )?(?:minutes?|mins?|time)|"
    r"are you (?:free|available|around))\b[^?]*\b(?:call|chat|demo|meeting|conversation|discuss|connect|learn more)\b",
    re.IGNORECASE,
)

# Asking whether the reader sells or does a service, or for their private contact, is a
# request too, though it opens like curiosity: "do you take on freelance work?", "are you
# open to working with us?", "do you have a bug bounty?".
SERVICE_QUESTION = (  # compiled on first use, case-insensitive
    r"\b(?:do|would|will|are|can|could) you (?:by any chance |happen to |still |currently |ever |be )?(?:do|take|take on|"
    r"accept|offer|provide|sell|have time for|have room for|open (?:to|for)|interested in|willing to|available (?:for|to))\b"
    r"[^?]*\b(?:freelanc\w*|contract work|consult\w*|custom work|paid|commission\w*|part-time|sponsor\w*|"
    r"bount(?:y|ies)|work(?:ing)? (?:with|for) (?:us|me|our)|collaborat\w*|partnership|partnering|licen[cs]\w*)\b|"
    r"\bdo you have (?:an? |any |some )?(?:e-?mail|telegram|skype|whatsapp|discord|"
    r"bug bounty|bounty program)\b"
)

# --- What makes a draft relationship-building ------------------------------------------

RELATIONSHIP = Cue(
    "relationship",
    weight=-1.5,
    cap=-4.5,
    why="Congratulations, thanks, condolences, replies and no-strings offers of help.",
    patterns=(
        r"\bcongrat\w*|\bmazel tov\b|\bwell[- ]deserved\b|\bhappy (?:work )?anniversary\b|"
        r"\bhappy birthday\b|\bbravo\b|\bkudos\b|\bhuge win\b|\bso happy for you\b|\bproud of you\b",
        # "I'd be grateful if you…", "I'd appreciate it if you…" ask; they are not thanks.
        r"\bthank(?:s| you)\b|\bthx\b|\bty\b(?!pe)|\bappreciate (?:it(?! if)|you|that|your)\b|\bgrateful\b(?! if)",
        r"\bsorry (?:for|to hear|about) your\b|\bcondolences\b|\bthinking of you\b|\bsympathy\b|"
        r"\bget well\b|\btake (?:good )?care\b|\bhope you(?:'re| are) (?:feeling )?(?:ok|okay|well|better)\b",
        r"\bsounds (?:good|great|perfect)\b|\bworks for me\b|\bsee you (?:then|there|soon|tomorrow|"
        r"next)\b|\btalk soon\b|\bwill do\b|\bgot it\b|\bno worries\b|\bno problem\b|\bnp\b|"
        r"\bgood luck\b|\bbest of luck\b|\bfingers crossed\b|\bhave a (?:great|good|lovely|nice)\b|"
        r"\blooking forward to (?:it|seeing|catching|hearing|reading|the)\b|\bagreed\b|\bhaha\b|\blol\b",
        OFFER_OF_HELP.pattern,
    ),
)

# Commercial vocabulary. Any one of these words is innocent ("congrats on the launch");
# many different ones in one short message are the texture of a sales pitch, whatever
# the exact phrasing. Counted once per distinct word (see engine._commerce_points).
COMMERCE_WORDS = frozenset("""
    client clients customer customers pricing price prices priced quote quotes service services
    solution solutions platform product products software saas roi revenue sales leads pipeline
    marketing agency offer offers offering deal deals discount discounts trial demo features results
    guarantee guaranteed specialize specialise specializing specialising specialized specialised
    expertise certified packages package subscription rates fee fees cost costs savings affordable
    premium delivery wholesale bulk supplier suppliers manufacturer manufacturing vendor partnership
    brands b2b b2c conversion conversions campaign campaigns funnel automation automate automates
    optimize optimise streamline onboarding implementation integrates integration dashboard analytics
    consulting consultancy consultation outsourcing outsource turnaround investors investment invest
    returns profit profits income opportunity opportunities salary compensation equity bonus
    candidates recruiting webinar course masterclass coaching workshop booking calendar exclusive
    limited launching beta waitlist signup upgrade install proven results-driven scalable tailored
    bespoke custom leverage efficiency productivity compliance footprint quota deposit commission
    listings listing mortgage refinance insurance policy portfolio cashflow financing special tasting
    exhibitor sponsorship sponsors tickets appointments hotlist retainer packages stands reel
    nearshore offshore fixed-price upfront installation
""".split())
COMMERCE_FREE_WORDS = 2  # distinct commercial words a genuine note may well contain
COMMERCE_POINTS = 0.6  # per distinct commercial word beyond those
COMMERCE_CAP = 3.0
COMMERCE_STRONG_AT = 5  # this many distinct commercial words count as one strong pitch signal

PRICE = Cue(
    "price",
    weight=1.5,
    cap=3.0,
    why="Prices and rates. Colleagues and customers talk prices too, so alone they make no pitch.",
    patterns=(
        r"(?:[$€£]\s?\d[\d,.]*\s?(?:k|m)?(?:\s?(?:/|per)\s?(?:hr|hour|mo|month|year|yr|user|seat|unit))?)|"
        r"\b\d[\d,.]*\s?(?:usd|eur|gbp|aed|inr)\b|\bflat[- ]fee\b|\bper (?:hour|month|seat|user)\b",
    ),
)

AUTOMATED = Cue(
    "automated",
    weight=2.5,
    cap=2.5,
    why="Placeholders of a mail-merge sequence left in: this was sent to a list, not a person.",
    patterns=(
        r"\{\{?\s*[a-z_ ]{2,30}\s*\}\}?",
        r"\[(?:first[ _]?name|firstname|name|company|company name|industry|title|job title)\]",
        r"<(?:first[ _]?name|company)>",
    ),
)

PITCH_CUES: tuple[Cue, ...] = (
    OFFER, SENDER_OFFER, CREDENTIALS, CALL_TO_ACTION, PAIN_QUESTION, BUZZWORDS, TEMPLATED_OPENER, AUTOMATED, PRICE,
)
# The cues that are the *substance* of a sales pitch (buzzwords and templated openers are
# style: they add to the score but cannot make a pitch on their own).
STRONG_PITCH = frozenset({"offer", "sender_offer", "credentials", "call_to_action", "pain_question", "automated"})

FIRST_PERSON = frozenset(
    "i me my mine myself we us our ours ourselves i'm i've i'd i'll we're we've we'd we'll im ive".split()
)
CORPORATE_WE = frozenset("we us our ours ourselves we're we've we'd we'll".split())
SECOND_PERSON = frozenset("you your yours yourself yourselves you're you've you'd you'll u ur y'all".split())

# Simple, explainable language identification: function words per language. A draft is
# judged only when English function words outnumber those of every other language.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and to of a in is it you that for on with are this be have i at as your we was "
        "not but can would could will my me our an if so just hi hey hello thanks thank what "
        "how when do did love great about from there they their its i'm it's don't let know".split()
    ),
    "fr": frozenset(
        "le la les des du un une et est pour pas que qui dans sur avec vous nous je tu au aux "
        "ce cette mon ma mes votre vos bonjour merci très être avoir suis êtes c'est j'ai "
        "salut bien beaucoup félicitations n'hésitez d'un d'une".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ich sie wir mit für auf ein eine einen dem den zu von "
        "sich auch es bei ihr ihre ihnen mein meine hallo danke vielen grüße gerne wie "
        "haben sind wäre würde können uns unser unsere herzlichen glückwunsch".split()
    ),
    "es": frozenset(
        "el la los las y es que de del en un una por para con su sus usted ustedes mi mis "
        "nosotros hola gracias muchas muy estoy está somos tengo tiene sería podemos nuestra "
        "nuestro felicidades saludos buenos buenas también pero como".split()
    ),
    "pt": frozenset(
        "o os as e é que de do da dos das em um uma por para com seu sua você vocês meu minha "
        "nós olá obrigado obrigada muito estou está somos tenho tem seria podemos nossa nosso "
        "parabéns abraço também mas como não".split()
    ),
    "it": frozenset(
        "il lo la gli le e è che di del della dei in un una per con su suo sua lei voi mio mia "
        "noi ciao grazie molto sono siamo ho ha sarebbe possiamo nostra nostro complimenti "
        "anche ma come non buongiorno saluti".split()
    ),
    "nl": frozenset(
        "de het een en is van dat die niet ik je jij u wij we met voor op zijn ons onze mijn "
        "hallo hoi bedankt dank graag hoe wat wel ook maar heb hebben zou kunnen gefeliciteerd "
        "groeten".split()
    ),
    "pl": frozenset(
        "i w na z że nie się to jest do jak dla ale czy od po tak pan pani państwo mój moja "
        "nasz nasza jestem jesteśmy dzień dobry dziękuję cześć bardzo gratulacje pozdrawiam "
        "chciałbym chciałabym może".split()
    ),
    "sv": frozenset(
        "och att det som en ett är på för med inte jag du vi ni har vill hej tack mycket "
        "grattis hälsningar kan skulle vår vårt min mitt".split()
    ),
    "tr": frozenset(
        "ve bir bu da de için ile çok ben sen biz siz merhaba teşekkürler teşekkür ederim "
        "tebrikler saygılarımla nasılsınız".split()
    ),
}
LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "pl": "Polish", "sv": "Swedish", "tr": "Turkish",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ru": "Russian", "uk": "Ukrainian",
    "ar": "Arabic", "he": "Hebrew", "hi": "Hindi", "el": "Greek", "th": "Thai",
    "other": "another language",
}

# Thresholds, explained once.
# A request in a long message, or a routine one ("please send…", "could we meet…") said with
# thanks, is a working note between people who already work together, not a cold ask; unless
# the long message introduces its sender, flatters, or opens like a letter to a stranger
# (STRANGER_LETTER).
ASK_FIRST_MAX_WORDS = 60
# Paid or licensed work, money offered for it, their private contact, their project or
# domain: what strangers write to a maintainer or an author for. Most alternatives name whose
# thing it is ("your plugin", "me the repository"), so that "can you pay for the pizza?" or
# "can you transfer the project to Maria?" between colleagues does not match.
PAID_OR_PRIVATE = (
    r"\b(?:freelanc\w*|commercial(?:ly)? (?:use|licen[cs]\w*|project|purpose|product|setting|environment|app)|"
    r"licen[cs]e fee|licens(?:e|ing) (?:it|this|your)|closed-source (?:version|licen[cs]e|project)|use (?:it|this) commercially|"
    r"(?:i|we) (?:will|can|would) pay you\b(?! (?:back|later|tomorrow|next|on|when|in|at|for (?:the|lunch|dinner|coffee)))|pay you for (?:your|the|this) (?:work|help|time)|"
    r"(?:make|made|making) (?:(?:it|this) (?:free|available for free)(?!\W+(?:for|to) (?:the |my |our )?(?:[\w']+ )?(?:kids|children|family|team|guests|class|school|friends))|"
    r"(?:this|the|your) (?:app|plugin|software|tool|library|program|extension|game|course|book) (?:free|available for free))|"
    r"free (?:download|licen[cs]e|copy)|discount on your|"
    r"e-?mail id|contact (?:e-?mail|id)|your e-?mail contact|share your contact (?:information|details|info)|(?:share|provide) (?:me |us )?an e-?mail|"
    r"leave (?:me |us )?(?:a |an |your )(?:contact )?e-?mail|private (?:request|project)|contact (?:you|me) privately|"
    r"paid (?:development |private )?(?:project|gig)|(?:buy|purchas\w*|acquir\w*) (?:this|your) domain|in the market for a domain|"
    r"transfer(?:red)? (?:me|us) (?:the |this |your )?(?:ownership|repo|repository|project|package)|"
    r"transfer (?:the |this |your )?(?:ownership|repo|repository|project|package) (?:of [\w.-]+ )?to (?:me|us)\b|"
    r"(?:looking|searching) for funding|opportunit(?:y|ies) (?:for you|to work))\b|\bwhatsapp(?: number)?:"
)
# Everyday asks (patterns kept as text and compiled on first use: most drafts never need
# them). "Can you pick up milk?", "please forward the addendum": a small request
# known only by its form, or a task on a thing both already know, is how people who know
# each other write, and is not a cold ask. It is one when the draft names what cold asks
# are for (a call, an intro, a job, money: COLD_ASK_OBJECTS), when anything in it sells
# (any pitch cue), or when the sender writes as a stranger (a self-introduction, flattery,
# "Dear Sir or Madam", STRANGER_GREETING); and never in an InMail, which goes to strangers.
COLD_ASK_OBJECTS = (
    r"\b(?:calls?|phone|zoom|meet(?:ing)?|coffee|chat|interview|podcast|guest|episode|reviews?|rat(?:e|ing)|"
    r"recommendation|reference|referr?(?:al|ed)?|intro(?:duc\w*)?|in touch|connect(?:ing)? (?:me|us|with)|name along|vouch|"
    r"sponsor\w*|donat\w*|fundrais\w*|kickstarter|crowdfund\w*|survey|questionnaire|proofread|feedback|profile|"
    r"resume|résumé|cv|cover letter|portfolio|jobs?|roles?|positions?|openings?|vacanc\w*|opportunit\w*|"
    r"internships?|apprentic\w*|hire|hiring|recruiter|hr|boss|hiring manager|petition|share|follow|links|link (?:to (?:my|our)|exchange|back|insertion|building)|pitch|invest\w*|"
    r"demo|mentor\w*|advice|contacts?|nda|endorse\w*|testimonial|collab\w*|partner\w*|"
    r"money|cash|loan|lend|pay|payment|transfer|wire|venmo|zelle|paypal|cash ?app|bitcoin|crypto|gift ?cards?|"
    r"codes?|password|account|bank|laid off|get me in|startup|round|raising|feature|write about)\b|[$€£]\s?\d|"
    + PAID_OR_PRIVATE
)
# What makes even a politely stated request ("please contact me", "I was hoping you could…")
# a cold one: money and accounts, buying, hiring (and the resume that goes with it), a private
# channel, links to one's own site, a business proposal. Narrower than COLD_ASK_OBJECTS: "it
# would be great if you could share the photos" is how friends ask.
STATED_COLD_OBJECTS = (
    r"\b(?:paid|money|buy|purchase|hire|hiring|roles?|skype|telegram|resume|résumé|cv|portfolio|cover letter|internships?|"
    r"apprentic\w*|invest\w*|sponsor\w*|donat\w*|backlinks?|links to our|password|codes?|account|bank|access|gift ?cards?|"
    r"wire|transfer|bitcoin|crypto|followers|contact list|business opportunit\w*|proposal)\b|[$€£]\s?\d|"
    + PAID_OR_PRIVATE
)
# "Please send me the invoice": a task on a thing both know (not the details of an offer).
SHARED_TASK = (
    r"please (?:send me|forward(?: me)?|return|sign|confirm|check|review|fax|email me) (?:the|this|these|those|"
    r"a copy of the)\b(?! (?:out\b|(?:[\w-]+ )?(?:details?|info|information|links?|prices?|pricing|brochures?|"
    r"catalog(?:ue)?s?|offers?|quotes?|samples?)\b))"
)
# Openings only strangers use ("Dear Sir or Madam", "Hello sir", "To whom it may concern",
# "I'm a big fan"): with one of these even a short ask is a cold one.
STRANGER_GREETING = (
    r"\bdear (?:sir|madam|sirs|sir or madam|sir/madam|madam,? sir|hiring manager|recruiter|friend)\b|"
    r"\bto whom it may concern\b|\bi(?:'m| am) (?:a )?(?:big|huge) fan\b|"
    r"^\W*(?:(?:hello|respected)\W+)?(?:sir|madam)\b"
)
# How a long letter to someone one has never written to opens: a title ("Dear Mr. Gotts"),
# "I hope this email finds you well", "sorry to bother you", "I know you are busy". Between
# people who know each other these are politeness, so they only undo the long-note excuse
# (a long request that opens like this is a cold one); a short everyday ask is not made
# cold by them.
STRANGER_LETTER = (
    STRANGER_GREETING + r"|^\W*(?:dear|hello|hi) (?:" + _TITLE + r"|miss|professor)\.? (?-i:[A-Z])|"
    r"\bi hope (?:this|my) (?:e-?mail|message|note|letter|msg) (?:finds|reaches) you\b|"
    r"\b(?:sorry|apologi[sz]e|apologies) (?:for|to) (?:bother|disturb|trouble|interrupt)|\b(?:don'?t|do not) (?:want|mean) to (?:bother|disturb) you\b|"
    r"\bi know (?:that )?you(?:'re| are) (?:very |really |extremely |so )?busy\b"
)
# Shared history ("per our conversation", "attached is the draft"): the two already work
# together, so a request that follows is part of that work, not a cold ask.
ONGOING = re.compile(
    r"\b(?:as|like) (?:per |we )?(?:discussed|mentioned|agreed|promised|requested|you (?:asked|requested|suggested))\b|"
    r"\bper (?:our|your|my) (?:phone |recent |earlier )?(?:conversation|call|discussion|meeting|request|email|note|chat)\b|"
    r"\b(?:attached|enclosed) (?:is|are|please find)\b|\bplease find (?:attached|enclosed)\b|\bi am enclosing\b|"
    r"\bhere (?:is|are) the (?:draft|file|files|list|document|documents|numbers|notes|agenda|schedule|report)\b|"
    r"\b(?:following|after) (?:our|this morning's|yesterday's|today's|last week's) (?:meeting|call|conversation|discussion)\b|"
    r"\b(?:you called|your (?:call|email|message|note) (?:of|from|earlier|yesterday|today))\b|"
    r"\blong time no (?:see|talk|speak|chat)\b|\bit(?:'s| has) been (?:too |so |a )?(?:long|while) since (?:we|i)\b",
    re.IGNORECASE,
)
ROUTINE_ASKS = frozenset({"a favour", "a reply", "a meeting"})
# Marks of work already under way between the two, so a request is part of that work: a
# memo-style "Name:" salutation, an answer ("Yes, …"), a request made for someone else
# ("Dave would like to meet", "schedule a meeting for Dan", "with me, Hector and Sheila",
# "all of you"), a document or meeting that is theirs together ("our draft", "our call",
# "the contract we signed", "the attached schedule", "your comments on"), a fax.
# A cold ask to a stranger has none of these; "my resume is attached" or "at 2 pm" does
# not make one shared work. (These count only when nothing in the draft sells.)
WORKING_CONTEXT = (  # compiled on first use, case-insensitive
    r"^\W*(?:yes|no|sure|ok|okay|yep|sounds good|will do)\b[,.!]|\ball of you\b|"
    r"\b(?:schedule|set up|arrange) (?:a|the) (?:meeting|call) (?:for|with) (?-i:[A-Z][a-z]+)\b|"
    r"\bwith me(?:,| and) (?-i:[A-Z][a-z]+)\b|\bour (?:call|meeting|conference call|discussion)\b|"
    r"\b(?:see|review) (?:the )?attached\b(?! (?:resume|résumé|cv|portfolio|cover letter|deck|proposal|brochure|"
    r"writing sample)\b)|\bthe attached (?!(?:resume|résumé|cv|portfolio|cover letter|deck|proposal|brochure|"
    r"writing sample)\b)\w+|\bi(?:'ve| have) attached (?:the|a copy|a draft|an updated)\b|"
    r"\b(?!we\b|you\b)(?-i:[A-Z][a-z]+) would like to (?:meet|speak|talk|schedule|get together)\b|"
    r"^\W*(?!(?:Re|Fwd?|Update|Question|Note|Hello|Hi|Hey|Dear|Subject|Attention|Attn|Urgent|Reminder|"
    r"Quick|Ps|Fyi|Important|Request|Help|Announcement|Summary|Ask)\b)(?-i:[A-Z][a-z]+(?: (?:and|&) [A-Z][a-z]+)?):\s|"
    r"\bour (?:draft|agreement|contract|amendment|invoice|term sheet|memo|spreadsheet|budget|forecast|"
    r"report|presentation|slides|numbers|schedule|agenda|deal|transaction|files?|documents?|filing)\b|"
    r"\bthe (?:draft|agreement|contract|amendment|invoice|term sheet|memo|spreadsheet|documents?|files?|deal|"
    r"numbers|schedule|agenda|filing) (?:we|you) (?:sent|discussed|agreed|signed|reviewed|drafted|prepared|approved)\b|"
    r"\b(?:your|my) (?:comments|changes|edits|mark-?up|revisions) (?:on|to)\b|\bfax(?:ed)?\b"
)
# Thanks that show no shared work: for the connection itself, or thanks in advance after
# the request ("…a call? Thanks!"). Neither turns a cold ask into a working note.
HOLLOW_THANKS = (  # compiled on first use, case-insensitive
    r"(?:thanks|thank you)(?: so much| again)? for (?:connecting|accepting|the connection|the add|adding me|"
    r"connecting with me|accepting my (?:invitation|invite|request|connection request))\b"
)
LONG_FIRST_MESSAGE_WORDS = 120  # "a first message over ~120 words is a speech"
HARD_TO_READ_FLESCH = 35.0  # below this, most readers skim
