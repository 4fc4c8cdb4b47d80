"""What the engine says about typical drafts, one family at a time.

The big labelled corpus (tests/corpus/) measures accuracy; these tests pin down the
behaviour each verdict promises, with drafts written for each rule.
"""

import pytest

from askfirst.analysis import analyze

DANA = {"name": "Dana Ortiz", "headline": "VP Operations at Fleetwise", "profile_url": "https://www.linkedin.com/in/dana-ortiz/"}

PITCHES = [
    "Hi Dana, I came across your profile and was impressed. We help logistics companies like yours cut "
    "freight costs by 30% with our AI-powered platform. Would you be open to a quick 15-minute call next "
    "week? You can grab a slot here: calendly.com/joe-fleetopt/15min",
    "Hello! Our agency specializes in lead generation for B2B SaaS. We've helped over 200 startups "
    "book more meetings. Are you free this Thursday for a free strategy call?",
    "Are you still struggling to hire senior engineers? We provide dedicated developers from our "
    "offshore team at 40% of the cost. Reply YES and I'll send our case studies.",
    "I'm a certified executive coach with 15 years of experience helping leaders unlock their potential. "
    "My 12-week program has transformed hundreds of careers. Let me know what time works for a free consultation.",
    "We recycle industrial plastics and offer free pickup for manufacturers like yours. Our clients "
    "include three Fortune 500 companies. Check out our website and book a call with our team.",
]

GENUINE = [
    "Congrats on the new role at Fleetwise, Dana! How are the first weeks going?",
    "Thanks so much for the intro to Priya yesterday, we had a great chat.",
    "Sounds good, Tuesday at 3 works for me. See you then!",
    "Loved your post about warehouse robotics. What surprised you most when you rolled it out?",
    "Great meeting you at the Boston Tech Mixer last night. How did the rest of the evening go?",
    "So sorry to hear about your dad. Thinking of you and your family.",
    "Here's the article I mentioned on route planning: https://example.org/routing. No need to reply!",
    "Happy work anniversary! Five years is a big deal.",
    "I finally finished my first marathon this weekend and I'm so proud of myself, I couldn't have done it "
    "without your training tips. Thank you!",
]

BARE_ASKS = [
    "Hi, could you refer me for the senior analyst role at your company?",
    "Hey Dana, do you have 15 minutes this week for a quick call?",
    "Could you introduce me to your head of procurement?",
    "Would you mind endorsing me for project management? Thanks!",
    "Hi! Please fill out our 5-minute survey on remote work: https://forms.example.com/remote",
]


@pytest.mark.parametrize("text", PITCHES)
def test_sales_pitches_are_pitch_heavy(text):
    result = analyze(text, "message", recipient=DANA)
    assert result.verdict == "pitch_heavy", result.to_dict()
    assert result.score >= 55


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_notes_are_ok(text):
    result = analyze(text, "message", recipient=DANA)
    assert result.verdict == "ok", result.to_dict()
    assert result.score < 40


@pytest.mark.parametrize("text", BARE_ASKS)
def test_requests_without_interest_are_ask_first(text):
    result = analyze(text, "message", recipient=DANA)
    assert result.verdict == "ask_first", result.to_dict()
    assert any(f.rule == "ask.no_interest" for f in result.findings)


def test_a_request_that_shows_interest_is_ok():
    text = ("Your talk on cold-chain logistics at ProMat was the clearest I've heard. How did your team get buy-in "
            "for the sensors? If you're ever up for it, I'd love a quick call to compare notes.")
    result = analyze(text, "message", recipient=DANA)
    assert result.verdict == "ok"
    assert any(f.rule == "ask.request" and f.severity == "info" for f in result.findings)


def test_ask_first_says_what_is_asked_and_offers_questions_about_them():
    result = analyze("Do you have 15 minutes for a call this week?", "message", recipient=DANA)
    assert result.headline == "You ask for 15 minutes but haven't asked anything about Dana yet."
    finding = next(f for f in result.findings if f.rule == "ask.no_interest")
    assert "Fleetwise" in finding.suggestion
    assert finding.spans and finding.spans[0].quote == "15 minutes"


def test_pitch_headline_counts_self_focus_and_questions():
    result = analyze(PITCHES[3], "message")
    assert result.headline.startswith("This reads like an elevator pitch: ")
    assert "× I/we" in result.headline and "no question about them" in result.headline


@pytest.mark.parametrize("text", [
    "Hi Dana, would love to connect and pick your brain about breaking into logistics.",
    "Hi! We help fleets cut fuel costs by 20%. Let's connect and set up a quick demo.",
    "I'm looking for a new role in operations. Could you refer me?",
    "Dear Dana, please accept my request and kindly guide me to a job in your company.",
])
def test_connection_notes_that_ask_or_pitch_are_premature(text):
    result = analyze(text, "connection_note", recipient=DANA)
    assert result.verdict == "premature", result.to_dict()
    assert result.findings[0].rule == "premature.connection_note"
    assert result.findings[0].severity == "stop"


@pytest.mark.parametrize("text", [
    "Hi Dana, I enjoyed your panel at ProMat on warehouse automation. Would love to connect!",
    "We were both at the Boston Tech Mixer. Great to meet you, let's stay in touch.",
    "Hi Dana, fellow ops person here. Your post on driver retention was spot on.",
    # Asking them to accept is what the note is for.
    "Hi Dana, we have a few people in common, so I'd like to invite you to join my network.",
    "Good morning Dana, I came across your profile today. Kindly consider my invitation.",
    "Hi Dana, we're both in freight. Would you mind connecting?",
])
def test_friendly_connection_notes_are_ok(text):
    assert analyze(text, "connection_note", recipient=DANA).verdict == "ok"


def test_every_pitch_rule_that_fires_is_reported_not_only_the_verdict():
    result = analyze(PITCHES[0], "message", recipient=DANA)
    rules = {f.rule for f in result.findings}
    assert {"pitch.offer", "pitch.call_to_action", "pitch.templated_opener", "ask.no_interest"} <= rules
    for f in result.findings:
        assert f.severity in ("info", "warn", "stop")
        assert f.message and f.suggestion


def test_posts_and_comments_get_no_first_message_tips():
    long_post = " ".join(["Shipping our new route planner was a team effort and I learned a lot."] * 15)
    result = analyze(long_post, "post")
    assert not any(f.rule == "length.long_first_message" for f in result.findings)


@pytest.mark.parametrize("draft", [
    "Hi Sam, can we set up a call to discuss a partnership? Thanks!",
    "Thanks for connecting! Can we set up a call next week?",
])
def test_thanks_in_advance_or_for_connecting_does_not_excuse_a_cold_ask(draft):
    assert analyze(draft).verdict == "ask_first"


def test_a_routine_ask_between_colleagues_with_thanks_is_a_working_note():
    assert analyze("Thanks for the notes from Tuesday. Can we meet Thursday to go over the budget?").verdict == "ok"


# A request among people already at work together (a memo salutation, an answer, a request
# for someone else, a shared document) is part of that work; a cold one stays ask_first,
# whatever is attached or whenever it proposes to meet, and so do cold asks in plain words.
WORK_AND_COLD_REQUESTS = [
    ("Taffy: Could you please schedule a meeting for next week for our group to go over the changes?", "ok"),
    ("Can you send me your comments on the draft by Friday?", "ok"),
    ("Please send me our invoice for March so I can close the month.", "ok"),
    ("Please schedule a meeting with Dan next week to go over the booking issues.", "ok"),
    ("Hi Meera, can you please refer me for the analyst opening? My resume is attached.", "ask_first"),
    ("Hi Sam, could we set up a call next week?", "ask_first"),
    ("Hi all, would you mind filling in my 5-minute survey?", "ask_first"),
    ("Hi, my first novel is out and I want you to review it for your readers.", "ask_first"),
    ("Hello, my manager suggested I contact you about openings on your data team.", "ask_first"),
    ("Checking in to see if you had a chance to look at the proposal I sent.", "ask_first"),
    ("Dear Dr. Okafor, I am a second-year student searching for a summer internship in robotics.", "ask_first"),
    ("Yes, could we get together Tuesday to go over the shipper imbalances?", "ok"),
    ("Dave would like to meet with you on Friday about the pipeline filing.", "ok"),
    ("Hi Sam, could we set up a 15-minute call on Thursday at 2 pm?", "ask_first"),
    ("Hello everyone, would you mind filling in my 5-minute survey?", "ask_first"),
    ("Update: could you please endorse me for project management?", "ask_first"),
    ("Hi Tom, would you review my pitch deck? I can send the draft tonight.", "ask_first"),
    ("Hi Mike, did you get a chance to look at my proposal?", "ask_first"),
    ("I would like to invite you to speak at our summit in May.", "ask_first"),
    ("Twanda, would you please schedule a meeting with me, Hector and Sheila about the follow-up?", "ok"),
    ("I have to be on a conference call from 1-2. Could we do our call at noon instead?", "ok"),
    ("Please fill in the attached document about your pipelines by Friday.", "ok"),
    ("I have attached a copy of the draft response. Please call me with your comments.", "ok"),
    ("Hi Ana, please see the attached resume and let me know if you have any openings.", "ask_first"),
    ("Hi, could you please schedule a call with me next week?", "ask_first"),
    ("Dear Rick, I wanted to follow up on the email I sent a few weeks ago. Do you have time for a call?", "ask_first"),
    ("Gary, I've tried contacting you a few times over the past weeks without much success.", "ask_first"),
    ("Can you tell me who is responsible for cyber-security at your company?", "ask_first"),
    ("Hi Dana, I run a small design studio. Do you have time for a quick chat this week?", "ask_first"),
    ("Hi Dana, how did the move to Lisbon go? Are you free for coffee when I'm in town?", "ok"),
    ("Hi Ana, please see the attached portfolio and let me know if you have any openings.", "ask_first"),
    ("Could you schedule a call with me, Mark and our CEO to discuss a possible partnership?", "ask_first"),
    ("Michelle, this language is fine. Please forward the addendum at your convenience.", "ok"),
    ("Please send me the Ogy invoice for March.", "ok"),
    ("Please send me the details of your offer and a price list.", "ask_first"),
    ("Hi, please send me the link to book a call with you.", "ask_first"),
]


# A small ask known only by its form ("can you…?") is how people who know each other
# write. It stays a cold ask when the draft names what cold asks are for (a review, an
# intro, a job, money), when anything in it sells, when the sender writes as a stranger,
# and in an InMail.
EVERYDAY_AND_COLD_VAGUE_ASKS = [
    ("Can you pick up milk on your way home?", "ok"),
    ("Can you confirm this for Virginia?", "ok"),
    ("I have not heard back from Mike on this. Can you extend this deal for me?", "ok"),
    ("Pat, could you shed a little light on how we get the fuels number?", "ok"),
    ("Hi! It's Michelle, Mike's wife. Could I get your home address?", "ok"),
    ("Hey Sid! You know Tara at Index, right? Could you put us in touch?", "ask_first"),
    ("Hi Lukas, would you mind leaving us a Google review? It really helps.", "ask_first"),
    ("I'm applying for a new role and need a LinkedIn recommendation. Could you write one for me by Friday?", "ask_first"),
    ("We're running a short survey on hiring tools. Would you be willing to complete it?", "ask_first"),
    ("I came across your profile and loved it. Could you help me?", "ask_first"),
    ("Hi, I am a student at MIT. Could you help me find my way into finance?", "ask_first"),
    ("We help agencies double their leads with our platform. Could you point me in the right direction?", "pitch_heavy"),
    ("Would you be willing? It's a quick recommendation for my job search.", "ask_first"),
    ("Could you send me $200?", "ask_first"),
    ("Hi mum, I lost my phone, this is my new number. Can you transfer £500 to this account?", "ask_first"),
    ("Hi, it's Mike from IT. Could you confirm your password for me?", "ask_first"),
    ("Hi {{first_name}}, could you let me know if anything opens up?", "ask_first"),
    ("Dear Sir/Madam, could you let me know if anything opens up on your team?", "ask_first"),
    ("My name is Raj Patel. Please review the attached resume and let me know if you have any openings.", "ask_first"),
    ("Please forward this to your hiring manager.", "ask_first"),
    ("Please check this out: I made a new app for freelancers.", "ask_first"),
]


@pytest.mark.parametrize("kind, verdict", [("message", "ok"), ("inmail", "ask_first")])
def test_an_inmail_goes_to_a_stranger_so_its_vague_ask_is_a_cold_one(kind, verdict):
    assert analyze("Hi Sarah, would you be available next Tuesday?", kind).verdict == verdict


@pytest.mark.parametrize("draft, verdict", EVERYDAY_AND_COLD_VAGUE_ASKS)
def test_everyday_asks_versus_cold_vague_asks(draft, verdict):
    assert analyze(draft).verdict == verdict


@pytest.mark.parametrize("draft, verdict", WORK_AND_COLD_REQUESTS)
def test_shared_work_versus_a_cold_request(draft, verdict):
    assert analyze(draft).verdict == verdict


# Strangers ask in many plain ways: for advice, for the right person, for a link taken down,
# for a week shadowing them, for a read of their novel.
COLD_ASKS_IN_PLAIN_WORDS = [
    "Could you please give me some advice on breaking into product design?",
    "Who's the best person on your team to talk to about sponsorships?",
    "Can I speak with someone from your partnerships team?",
    "We request that you remove the links to our site from your directory.",
    "Would you be willing to let me shadow you for a week this spring?",
    "Would you read my novel and tell me if it's ready for agents?",
    "Could you forward my updated resume to the hiring manager?",
    "I'd really appreciate it if we could chat about the analyst opening.",
]


@pytest.mark.parametrize("draft", COLD_ASKS_IN_PLAIN_WORDS)
def test_cold_asks_in_plain_words_are_ask_first(draft):
    assert analyze(draft).verdict == "ask_first"


STUDENT = ("Dear Dr. Okafor, my name is Lena and I am a third-year mechanical engineering student at Riverside "
           "University. Over the past two years I have built two small robots for our team, taught myself ROS, and "
           "spent last summer in a machine shop learning to weld and to read drawings properly. Next year I must "
           "complete a work placement as part of my degree, and I would like to spend it in a research lab. "
           "Would you be willing to let me shadow you for a few weeks this spring?")
COLLEAGUE = ("Priya, the shipper numbers for March came in lower than we forecast, mostly because two of the "
             "larger accounts moved volume to April after the pipeline maintenance. I have gone through the "
             "invoices line by line and the rest of the month looks right to me, although the fuel credits are "
             "still being argued over. Could you take a look at the credits before Friday so we can close the "
             "month, and let me know if you want me to call the shippers?")


def test_a_long_request_is_a_working_note_unless_the_sender_introduces_themselves():
    assert len(STUDENT.split()) > 60 and len(COLLEAGUE.split()) > 60
    assert analyze(STUDENT).verdict == "ask_first"
    assert analyze(STUDENT.replace("I am a third-year", "I’m a third-year")).verdict == "ask_first"
    assert analyze(COLLEAGUE).verdict == "ok"
    assert analyze("As you know I'm a senior analyst on the pricing team now. " + COLLEAGUE).verdict == "ok"


# The phrases of cold asks and offers, between friends, family and colleagues, ask nothing
# of a stranger and sell nothing.
@pytest.mark.parametrize("draft", [
    "Please email me when you can, I need the address for the party invitations.",
    "It'd be great if we could chat this weekend, I miss you.",
    "Who's the best person to talk to about the parking permits at your building? Mine expired.",
    "Are you filling in the survey HR sent round? It closes Friday.",
    "My sister decided to become a coach for the under-10s, can you believe it?",
    "We made a cash offer on the flat today! Fingers crossed.",
    "We'd like to buy a house in your street, any tips?",
    "Are you free for dinner Saturday?",
    "Hi Mum, are you available Sunday afternoon?",
    "I've been trying to reach you all day! Is everything ok?",
    "Following up on the message I left about the camping trip - are we still on?",
    "We're growing our team, congrats to all the new hires!",
])
def test_everyday_questions_and_news_between_friends_and_colleagues_are_ok(draft):
    result = analyze(draft)
    assert result.verdict == "ok" and not any(f.rule == "pitch.sender_offer" for f in result.findings)


def test_checking_in_on_them_is_not_a_nudge():
    assert analyze("Just checking in - how was the trip to Lisbon?").verdict == "ok"


@pytest.mark.parametrize("draft", [
    "Hi Jen, just checking in to see if you're feeling better after the surgery.",
    "Have you gotten a chance to look at the photos from the wedding? They came out great!",
    "I finally got a chance to read Sapiens over the holidays. What a book!",
    "I work with clients who struggle with exactly this - great post, thanks for writing it.",
    "Congrats on the launch! Your readers would love a follow-up on the pricing story.",
    "Hope you enjoy my photos from the hike - you'd love my new camera too!",
])
def test_friendly_notes_that_sound_like_a_nudge_or_an_offer_are_ok(draft):
    assert analyze(draft).verdict == "ok"


@pytest.mark.parametrize("draft", [
    "I can promote your website so it shows on the first page of Google for your keywords.",
    "Hi! My name is Sophie and I am a brand strategist. I'd love to form a partnership around your product.",
    "On behalf of our client, an award-winning actor, we are requesting a feature story in your paper.",
    "Hi Jo, I came across your profile and wanted to see if you might be on the job market. We are growing our team and looking for a product manager.",
    "Hi Brittany! Would you be interested in the SWE internships we have here at Some Company?",
])
def test_pitches_for_a_client_a_website_or_a_partnership_are_flagged(draft):
    assert analyze(draft).verdict in ("pitch_heavy", "ask_first")


# One-line recruiting notes sit near the learned model's line; whichever side they fall on,
# the writer is told that the note offers their clients' roles or their team's.
@pytest.mark.parametrize("draft", [
    "Hi Matt, I have a few clients that are looking for experienced Rails developers like yourself.",
    "I saw we had common connections. We are growing our team and looking for entrepreneurial people to work with us.",
])
def test_one_line_recruiting_notes_are_always_warned_about(draft):
    result = analyze(draft)
    assert any(f.rule == "pitch.sender_offer" and f.severity == "warn" for f in result.findings)


# An answer to their message may talk about links, guest posts or fees because they raised
# them: declining, or thanking them for their note, is a reply, not a pitch.
@pytest.mark.parametrize("draft", [
    "Thanks for your note about guest posts. I have decided not to accept guest posts from agencies, paid or not.",
    "I will not be adding a link to your store, and I don't trade links. Please stop emailing me.",
    "Thank you for your invitation to speak at the sales summit. I must politely decline this year.",
    "I cannot find the email that you reference. Can you forward me a copy?",
    "Dear Mr. Park, I cannot find the email that you mention. Can you forward me a copy?",
    "Thanks a lot for reaching out! Sponsored posts and link swaps aren't going to work for us, sorry.",
    "Thank you for the proposal. We are not accepting guest articles or paid links on this site.",
])
def test_answers_and_refusals_are_replies(draft):
    assert analyze(draft).verdict == "ok"


def test_thanking_them_for_a_reply_does_not_hide_the_pitch_that_follows():
    draft = ("Thanks for your email! Our platform helps logistics teams like yours cut freight costs by 30%. "
             "Can we book a 15-minute demo this week?")
    assert analyze(draft).verdict == "pitch_heavy"


@pytest.mark.parametrize("draft, verdict", [
    ("In response to your post, our award-winning team builds custom mobile apps at half the price of "
     "competitors. Let's schedule a demo.", "pitch_heavy"),
    ("Thank you for the offer to connect! I run a marketing agency that helps dentists get 30 new patients "
     "a month. Would you be open to a quick call?", "pitch_heavy"),
    ("Hi, my name is Tom and I'm a student at State. Could you give me some advice on getting into UX? "
     "I'll pass whatever you say on to my classmates.", "ask_first"),
    ("Don’t message me again. I’m not interested in your offer.", "ok"),
])
def test_only_an_opening_that_answers_them_makes_a_reply(draft, verdict):
    # A pitch may come out as a request instead; either way it is flagged, not let through as a reply.
    expected = ("pitch_heavy", "ask_first") if verdict == "pitch_heavy" else (verdict,)
    assert analyze(draft).verdict in expected


# Buying the reader's house or company, or signing them up to what the sender now sells,
# is the sender's offer even when it is phrased as interest.
@pytest.mark.parametrize("draft", [
    "Hi Teresa, I'm interested in buying your house on Elm Street for cash. Would you consider selling your home?",
    "My name is Dylan and I am looking to acquire a company like yours from an owner planning to retire.",
    "I've decided to become a coach for this supplement line and I'd love to send you some info.",
    "If you know anyone who could use my services, please send them my way.",
    # Outreach to open-source maintainers, creators and home owners: buying their extension,
    # users or house, sponsoring or listing their project, selling links or a vanity listing.
    "We noticed your extension is dormant and are interested in buying your extension. If you have a price in mind, please respond.",
    "Hi Jesse, Nicole here. We are local investors looking to purchase properties in Pittsfield.",
    "Do you own the house at 12 Elm St? If you do, would you like to sell if the price is right?",
    "Hi, my husband and I would like to $buy$ your house. Please call us.",
    "I'm the co-founder of Spurwing and we'd love to sponsor your repository.",
    "I want to propose a scoped paid collaboration around integration in your project.",
    "We would like to cooperate with you in listing your token on our exchange.",
    "I have a huge collection of sites for link insertion and guest posting.",
    "Your information was reviewed and accepted for inclusion in the 2009 edition.",
    "Hey there. We're interested in sponsoring your project, please email me to chat.",
    "Hi, I would like to buy your truck. Call me tonight.",
    "Are you interested in selling this domain name? If so, please contact me.",
    # Writing to announce one's own offer.
    "Hello Priya, I'm reaching out to introduce our bookkeeping service to local restaurants.",
    "Hello, I'm writing to introduce myself and my web design services for small restaurants.",
    "I wanted to tell you about our new meal-planning app for busy parents.",
    "We work with a client who would love a mention on your travel blog.",
    "Would you be interested in featuring our new hiking sandals in your spring gear guide?",
    "We're building a scheduling platform for dental clinics and have a free pilot spot left.",
    "I developed a system that gets you fifty leads a week from Facebook groups.",
])
def test_buyers_sponsors_sellers_and_new_coaches_are_the_subject_of_an_offer(draft):
    # A phrase both cues find is reported once, as the offer.
    assert any(f.rule in ("pitch.sender_offer", "pitch.offer") for f in analyze(draft).findings)


@pytest.mark.parametrize("draft", [
    "I found a bug on your website, can I get any reward for this bug?",
    "Could you write a short blurb for my forthcoming book?",
    "pls do follow me and star this repo",
    "I would like to request adding my new tool to your Github top list",
    "Are you available for a high-pay freelance job?",
    "Can you help me by making a donation?",
])
def test_rewards_blurbs_stars_listings_and_gigs_are_asks(draft):
    assert analyze(draft).verdict == "ask_first"


# Their everyday cousins stay fine.
@pytest.mark.parametrize("draft", [
    "Is there a reward for finding my cat? She got out last night.",
    "Follow me to the kitchen when you get here.",
    "Hi Tom, I wanted to talk to you about your property line and the fence.",
    "My skills are rusty but I'll bake the cake anyway.",
    "I'll tell you who's who at the party.",
    "Hi everyone, sorry but I'm not hiring for anything because I too am also looking for work.",
])
def test_everyday_words_near_those_offers_and_asks_are_ok(draft):
    assert analyze(draft).verdict == "ok"


# A request said as a statement is still a request: cold from a stranger, or when it is about
# money, work or a private channel; everyday between people who know each other.
@pytest.mark.parametrize("draft, verdict", [
    ("Hi, my name is Dana. Please email me when you can, I have a question about your shop!", "ask_first"),
    ("Hi, my name is Dana. I was wondering if you could help me with something for my shop?", "ask_first"),
    ("I am hoping you can point some strong candidates our way for the role.", "ask_first"),
    ("Please contact me on WhatsApp, I want to buy this app.", "ask_first"),
    ("I'd be grateful if you could pass my portfolio to your art director.", "ask_first"),
    ("I'm writing to ask whether your studio takes on apprentices.", "ask_first"),
    ("Hi, I was wondering if you could send me the password to your email account.", "ask_first"),
    ("I hope this email finds you well. Could you send me the photos from Saturday?", "ok"),
    ("I was wondering if you could pick up bread on the way home.", "ok"),
    ("I was wondering if you could send me the link to the photos from Saturday.", "ok"),
    ("It would be really helpful if you could review the slides before the meeting.", "ok"),
    ("Dear Ms. Patel, I'd be grateful if you could confirm the delivery date.", "ok"),
])
def test_requests_said_as_statements(draft, verdict):
    result = analyze(draft)
    assert result.verdict == verdict
    assert any(f.rule.startswith("ask.") for f in result.findings)


# Ordinary notes that use the words of cold asks and offers: news, favours between family,
# neighbours and colleagues, help offered with the work just sent.
@pytest.mark.parametrize("draft", [
    "Please call me with any questions about the revised schedule.",
    "I wanted to let you know my flight lands at 6.",
    "I'm writing to let you know about a new policy for expense reports.",
    "I wanted to share with you our wedding photos, they finally came back.",
    "We're building the new product launch deck for Monday, can you send your slides?",
    "I built a program that helps my mom track her meds. Want to see it?",
    "Is Jim still going to buy your car?",
    "We have a client who needs the contract reviewed by Friday. Can you take it?",
    "Would you be interested in covering my shift on Friday?",
    "Sorry to bother you, but could you feed the cat while we're away?",
    "Hi Dr. Lee, I was wondering if you could move my appointment to next week.",
    "Mom, I need some money for the bus.",
    "Can you make a sandwich for me?",
    "Can I ask you to take the bins down tomorrow?",
    "Can you add me to the team calendar?",
    "I found your email in my spam folder just now, sorry! Can you send the photos again?",
    "I was wondering if you got the job you interviewed for!",
    "Please get in touch with me when you are back in town, we should catch up!",
    "Can't wait to try it out!",
    "Thanks for the link, I'll have to try it out this weekend.",
    "Hey, I was wondering if you could cover my shift on Friday? I can take your Sunday.",
    "Dr. Lee, can you resend the lab results? The link expired.",
    "Can you please build a shelf for me? The old one broke.",
])
def test_everyday_notes_with_the_words_of_cold_asks_and_offers_are_ok(draft):
    assert analyze(draft).verdict == "ok"


# Refusing or thanking opens a reply; saying what one is not doing does not.
@pytest.mark.parametrize("draft", [
    "I'm not looking for a job, just advice. Could you spare 20 minutes for a call next week?",
    "I appreciate that you're busy, but could you give me 15 minutes to talk about a job at your company?",
    "Could I email you with questions about a job at your company?",
])
def test_cold_asks_that_sound_like_replies_are_still_cold(draft):
    assert analyze(draft).verdict == "ask_first"


def test_try_it_out_is_a_call_to_action_only_when_asked_of_the_reader():
    assert any(f.rule == "pitch.call_to_action" for f in analyze("Would you like to try us out this month?").findings)
    mine = analyze("Congrats on the release! I'm gonna try it out tonight.")
    assert mine.verdict == "ok"
    assert not any(f.rule == "pitch.call_to_action" for f in mine.findings)


# However long, a letter that opens the way one writes to a stranger asks coldly.
@pytest.mark.parametrize("opening", [
    "Dear Mr. Alvarez, ",
    "Hello, I hope this email finds you well. ",
    "Hi, I'm sorry to bother you with this. ",
    "Hi Tom, I know you are very busy. ",
])
def test_a_long_letter_to_a_stranger_is_a_cold_ask(opening):
    body = ("I have been restoring old radios in my garage for about six years, mostly valve sets from the fifties, "
            "and last month I finally finished a Grundig that had been sitting in pieces since the spring. "
            "My next project is a set with a damaged dial glass that nobody near me can reproduce, and "
            "I was wondering if you could tell me who might make a replacement glass for it.")
    assert len(body.split()) > 60
    assert analyze(opening + body).verdict == "ask_first"
    assert analyze("Hi Tom, " + body).verdict == "ok"


def test_thanks_for_introducing_me_a_phone_call_away_and_old_friends_ask_nothing_cold():
    assert analyze("Thank you for introducing me to poetry all those years ago.").verdict == "ok"
    assert analyze("I'm moving to the Houston office, but I'm just a phone call away.").verdict == "ok"
    assert analyze("Hey Sam! Long time no see. Can I take you out for a coffee soon?").verdict == "ok"


def test_a_long_request_from_someone_who_hopes_you_dont_mind_the_contact_is_a_cold_ask():
    draft = ("Hi Angela! I hope you don't mind me reaching out. I need something from you. My second novel comes out in the "
             "spring and the publisher wants a few lines from other writers on the back cover. A paragraph "
             "has been written by a journalist, another by a geographer, and I would be so grateful if you "
             "could write a short blurb of your own about the book before the end of the month.")
    assert len(draft.split()) > 60
    assert analyze(draft).verdict == "ask_first"


# Strangers' plain asks to maintainers and creators: their email, money, their code, work.
@pytest.mark.parametrize("draft", [
    "Please tell me your email address. I have a good partnership proposition for you.",
    "Do you have any advice for a beginner in programming like me?",
    "I fixed your Telegram bot. Please pay me 30 CAD.",
    "can you please give access to code bro",
    "It would be very helpful if you make a beginner friendly video explaining the install.",
    "Would you be willing to spare us a few hours of your time?",
    "Are you interested in hiring a web developer?",
    "Hi, I'd like to take ownership of this project since it has not been updated in years.",
    "hello, i want to hire you for work on my shop website, message me",
    "Can you build a small dashboard for me? How much would it cost?",
    "Please help, i need money for my rent this month.",
    "We ask that you take it down by Friday.",
    "Dear Sir, would you be kind enough to send me the name of your head of purchasing.",
    "Hello, we are interested to hire you to build an app for our shop.",
    "I'm looking for a remote Python developer job.",
    "I have strong coding skills. Please add me into the team.",
    "Dear Ana, I found your email in the credits of the game. I hope that you can help me with a crash.",
    "Hi, how can I get your email address? I have some questions.",
    "Can you give me the code of the whole project?",
    "I would like to request your permission to use your code in our commercial app.",
    "Hi, I was wondering how to get featured on the podcast.",
    "I hope you received my previous email? Any thoughts would be appreciated.",
    "I launched a similar tool last week. Could you give me a quick feedback?",
    "How can we contact you to discuss commercial use of the library?",
    "Great app. Please make it free.",
])
def test_plain_asks_of_maintainers_and_creators_are_ask_first(draft):
    assert analyze(draft).verdict == "ask_first"


@pytest.mark.parametrize("draft", [
    "Have a great Holiday Season and feel free to drop me a line.",
    "Mom, don't forget to book your appointment with Dr. Lee on Friday!",
    "I hope you make a video about your trip to Peru, the photos were stunning!",
    "Hey, do you have any tips for a beginner runner? You always make it look easy.",
    "You still need to pay me back for lunch!",
    "Give me your number and I'll text you the address.",
    "We need to discuss your property line with the council before the fence goes up.",
    "Don't forget to buy your site pass before Friday.",
    "I'll send you our new pricing spreadsheet for the Q3 budget.",
    "Hey, would you like to sell your couch before you move?",
    "Are you still looking to buy houses near the lake?",
    "I'll record a video for Mum's birthday, can't wait!",
    "I'm joining your team on Monday!",
    "Follow me on Strava!",
    "Any advice for someone who has never been to Rome?",
    "Please add our project to the list for the quarterly review.",
    "I'm available for any remote work project next month.",
    "Are you interested in hiring a babysitter?",
    "My paper was accepted for publication in Nature!",
    "I'm a web developer now!",
    "Sorry to bother you, but the meeting moved to 3.",
])
def test_friendly_cousins_of_those_asks_are_ok(draft):
    assert analyze(draft).verdict == "ok"


@pytest.mark.parametrize("draft", [
    "Let me know if you are interested, we will send you our SEO packages and price list.",
    "Would you be interested in acquiring the database of Software Users Contact list?",
])
def test_price_lists_and_contact_lists_for_sale_are_pitches(draft):
    assert analyze(draft).verdict == "pitch_heavy"


# Plain forms of a stranger's request: asking whether the reader sells a service, asking
# for paid or licensed work, a private channel or their project, with thanks in advance.
@pytest.mark.parametrize("draft", [
    "Hi Tom. Do you take on freelance work?",
    "Hey, are you open to working with us on a paid project?",
    "Do you have an email address? I need help with my app.",
    "Could you please make it free? I need it for my app, thanks",
    "Is it possible to transfer me this repository? Thanks in advance.",
    "Hello sir, please send me your email, I have a private request.",
    "I'd like to use this library in a commercial product. Could you send me your email? Thanks!",
    "I wonder if anyone here could build my website, I will pay you.",
    "Could you please make your plugin free? I can't afford it, thanks",
    "could you transfer me the ownership of this repository? thanks",
])
def test_plain_requests_for_paid_work_or_private_contact_are_ask_first(draft):
    assert analyze(draft).verdict == "ask_first"


# The same forms between people who already work together stay everyday asks.
@pytest.mark.parametrize("draft", [
    "Do you have time for lunch on Friday?",
    "Could you please send me the slides from Tuesday? Thanks!",
    "Is it possible to move our call to 3pm? Thanks",
    "I wonder if anyone has the charger I left in the meeting room?",
    "Can you help me with the pivot table? Thanks so much.",
    "Do you take sugar in your coffee?",
    "Are you interested in the concert on Saturday?",
    "Can you send me the photos on WhatsApp? Thanks!",
    "Can you pay for the pizza? I will pay you back tomorrow, thanks",
    "Can you make it free for the kids? It's just a birthday party, thanks!",
    "Can you forward me the licence key for Office? Thanks",
    "Can you transfer the project to Maria before you leave? Thanks",
    "Could you buy the domain for the wedding website? Thanks",
    "Can you send me your rates for the tutoring again? Thanks",
    "Do you have any contact for a good plumber?",
    "Are you still available for dinner with our partners tomorrow?",
    "Hey sir! Can you send me the notes from class? Thanks!",
])
def test_the_same_forms_between_colleagues_and_friends_are_ok(draft):
    assert analyze(draft).verdict == "ok"


@pytest.mark.parametrize("draft", [
    "Hi! We just launched our new app that writes your release notes: [link]",
    "I built a free AI tool for resumes: [link]. No signup, works in the browser.",
    "Please find attached our brochure for the leadership course.",
    "I have good knowledge of React. I'm willing to redesign your website.",
    "Hi Peter, I thought you might be interested in a series of expert tips on filing taxes.",
    "I thought you may have an interest in our new report on remote work.",
    "I also offer professional editing services for authors.",
    "We built an app for the restaurants in your area, take a look: [link]",
])
def test_announcing_what_one_has_made_or_can_do_for_them_is_an_offer(draft):
    result = analyze(draft)
    assert any(f.rule in ("pitch.sender_offer", "pitch.offer") for f in result.findings)


# Friends' news and favours in the same words raise no warning at all.
@pytest.mark.parametrize("draft", [
    "I am happy to help you move on Saturday",
    "I am able to get your kids from school",
    "Please find attached my price list, as you asked.",
    "I just created a new project folder for the holiday photos",
    "The council just launched an app for parking, have you tried it?",
    "Dad built a new app for the bakery last week!",
    "I thought you might be interested in the photos from Saturday.",
    "I thought you might be interested in the article about your old school.",
    "My grandparents have run the family business since 1962.",
    "Would you have any interest in buying my old bike?",
    "I'm willing to update your website over the weekend, just send me the login.",
    "Can I talk to you privately after the meeting? Thanks",
    "Could you drop me an email with the agenda? Thanks",
    "Can you grab me a coffee? I will pay you later, thanks!",
    "Can you make it free for my son's class? Thanks!",
])
def test_news_and_favours_in_the_words_of_those_offers_raise_no_warning(draft):
    result = analyze(draft)
    assert result.verdict == "ok"
    assert not any(f.severity != "info" for f in result.findings)
