#!/usr/bin/env python3
"""Deterministic generator of a synthetic corpus of conversational replies.

Each line is one reply, as an ex-partner might text it: 5 to 40 words, in mixed
styles (plain sentences, texting shorthand without apostrophes, curly
apostrophes, ALL CAPS words, repeated punctuation, emoji, accented names).
The content leans on what an ex who wants to get back together says
(apologies, blame, pressure, loneliness, guilt, reassurance, "it's your call",
neutral logistics...).

Python standard library only. The same --seed and --count always give the same
bytes, so benchmark runs are comparable.

Usage:
  gen_corpus.py [--count N] [--seed S] [--out FILE]
  gen_corpus.py --single-line-mb M [--seed S] [--out FILE]

With --single-line-mb the output is ONE line of M megabytes (M * 1,000,000
bytes of UTF-8, newline included), made of replies joined by spaces; it is
used to check that the analyzer's time grows linearly with line length.
"""

import argparse
import random
import sys

MB = 1_000_000

# ---------------------------------------------------------------- word lists

NAMES = [
    "Zoë", "Chloé", "Renée", "José", "Inès", "Björn", "Noémie", "Léa",
    "Sam", "Jess", "Mike", "Emma", "Tom", "Priya", "Nadia", "Kevin", "Alex",
    "Jordan", "Chris", "Sarah", "Dani", "Marcus", "Olivia", "Ben",
]
PLACES = [
    "Montréal", "São Paulo", "Zürich", "Málaga", "Reykjavík", "Kraków",
    "Chicago", "London", "Denver", "the lake house", "your mom's place",
    "the airport", "the gym", "work", "my sister's", "the old apartment",
    "that café on 5th", "the beach", "Brooklyn", "Lisbon",
]
THINGS = [
    "hoodie", "records", "charger", "books", "plant", "cat", "dog", "keys",
    "jacket", "guitar", "coffee maker", "photos", "rent money", "car",
    "spare key", "Netflix password", "blender", "winter coat", "bike",
]
DAYS = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "tonight", "tomorrow", "this weekend", "next week", "later",
    "after work", "in the morning",
]
TIMES = ["6", "7", "7:30", "8", "noon", "9ish", "5", "lunchtime", "ten"]
FEELINGS = [
    "lonely", "lost", "empty", "sad", "stupid", "confused", "tired",
    "miserable", "awful", "better", "okay", "weird", "anxious", "numb",
    "happy", "hopeful", "calm", "broken",
]
ADVERBS = [
    "really", "so", "honestly", "truly", "seriously", "kind of", "a bit",
    "totally", "just", "genuinely", "pretty",
]
MEMORIES = [
    "our trip to Montréal", "that night in São Paulo", "the café in Paris",
    "our first date", "the concert", "your birthday", "the road trip",
    "Sunday mornings", "cooking together", "that crêpe place",
    "the summer at the lake", "dancing in the kitchen", "our inside jokes",
]
PARTNERS = ["she", "he", "they"]
FOODS = ["pizza", "sushi", "tacos", "pho", "crêpes", "brunch", "coffee", "a drink"]

EMOJI = [
    "😢", "😭", "❤️", "💔", "🙏", "😅", "😂", "🥺", "😔", "😊", "🤷", "👍",
    "😘", "🙄", "😬", "💕", "✨", "😞",
]
INTERJECTIONS = [
    "lol", "haha", "ugh", "omg", "wow", "hmm", "ok", "sigh", "lmao", "jk",
    "hey", "well", "so", "anyway", "idk", "tbh", "honestly",
]

# ---------------------------------------------------------------- templates
# {slot} placeholders are filled from the lists above (see SLOTS below).

TEMPLATES = {
    "apology": [
        "I'm {adv} sorry for everything I did",
        "I'm sorry, I know I messed up and I hate myself for it",
        "I never meant to hurt you, I swear",
        "I was wrong and I know it now",
        "I'm sorry I didn't listen to you when it mattered",
        "please forgive me, I know I don't deserve it",
        "I owe you an apology, a real one this time",
        "I'm sorry about what I said at {place}",
        "I regret the way I handled things, I really do",
        "it was my fault and I can't stop thinking about it",
    ],
    "blame": [
        "you never gave us a real chance",
        "you always made me feel like I wasn't enough",
        "if you had just listened to me none of this would have happened",
        "you're the one who walked away, not me",
        "you could have tried harder too",
        "don't act like you did nothing wrong",
        "you made me like this",
        "it's not all on me and you know it",
        "you pushed me away every single time",
        "you were the one who stopped caring",
    ],
    "pressure": [
        "I need an answer {day}",
        "just tell me yes or no, I can't wait forever",
        "why won't you just answer me",
        "you owe me at least a conversation",
        "I'm not going to ask again",
        "if you don't reply {day} I'll take that as a no",
        "call me back right now please",
        "you have to decide, this isn't fair to me",
        "stop ignoring me, I know you read my messages",
        "I'll come over to {place} if you don't answer",
        "we need to talk {day}, no excuses",
    ],
    "loneliness": [
        "I miss you so much it hurts",
        "I feel so {feel} without you",
        "the apartment is so quiet without you",
        "I can't sleep, I keep thinking about you",
        "nobody gets me like you do",
        "I've been {adv} {feel} since you left",
        "everything reminds me of {memory}",
        "I still sleep on my side of the bed",
        "I keep looking at our photos from {memory}",
        "I don't have anyone else to talk to",
    ],
    "rebound": [
        "{partner} dumped me",
        "{partner} dumped me last week and I realized it was always you",
        "things didn't work out with {name}",
        "{name} and I broke up, it was never serious anyway",
        "I only dated {name} to get over you",
        "{partner} was nothing like you",
        "{partner} left me for someone at {place}",
    ],
    "patience": [
        "take all the time you need",
        "no pressure at all, I mean it",
        "I'll wait as long as it takes",
        "it's your call, whatever you decide is fine",
        "I respect whatever you choose",
        "you don't have to answer right away",
        "I understand if you need space",
        "it's totally up to you",
        "I just want you to be happy, even if it's not with me",
        "no rush, really",
    ],
    "hope": [
        "I think we could make it work this time",
        "I've changed, I promise",
        "I've been going to therapy and it's helping",
        "can we start over",
        "give me one more chance",
        "I want to get back together",
        "we were so good together",
        "I still love you",
        "I think about {memory} all the time",
        "I'm a different person now, ask {name}",
        "let's try again, for real this time",
    ],
    "guilt": [
        "after everything I did for you",
        "I guess I meant nothing to you",
        "you moved on so fast, it's like I never mattered",
        "must be nice to not care",
        "I gave you the best years of my life",
        "my mom keeps asking about you",
        "even the {thing2} misses you",
    ],
    "logistics": [
        "can I come get my {thing} {day}",
        "I still have your {thing}, want me to drop it off",
        "are you free {day} around {time}",
        "I'll be at {place} {day} if you want to meet",
        "did you get the rent money",
        "the landlord called about the deposit",
        "can you send me the {thing2} password",
        "want to grab {food} {day}",
        "I can swing by {place} at {time}",
        "I'm in {place} {day}, let me know",
        "your mail is still coming here",
        "who gets the {thing} then",
    ],
    "neutral": [
        "how have you been",
        "hope work is going well",
        "I saw {name} at {place} the other day",
        "happy birthday by the way",
        "that song came on the radio today",
        "I'm fine, thanks for asking",
        "just checking in",
        "the weather in {place} is crazy right now",
        "I started running again",
        "I finally fixed the {thing2}",
        "my sister says hi",
        "ok sounds good",
    ],
    "anger": [
        "I'm so done with this",
        "this is ridiculous",
        "you're unbelievable",
        "whatever, I don't care anymore",
        "I hate how you always do this",
        "forget it, forget I said anything",
        "I'm sick of being the bad guy",
        "do you even care",
    ],
    "question": [
        "do you miss me",
        "are you seeing someone",
        "do you ever think about us",
        "what are we doing",
        "can we talk",
        "why did you block me",
        "is it too late",
        "what did I do wrong",
        "are you happy",
        "did you mean what you said",
    ],
}

# weight of each category in the mix
CATEGORY_WEIGHTS = {
    "apology": 12, "blame": 8, "pressure": 9, "loneliness": 10, "rebound": 5,
    "patience": 9, "hope": 11, "guilt": 6, "logistics": 13, "neutral": 10,
    "anger": 6, "question": 9,
}

OPENERS = [
    "hey", "hi", "look", "listen", "so", "honestly", "ok", "well", "um",
    "I know this is random but", "I don't know how to say this but",
    "sorry to bother you but", "I've been thinking and", "real talk,",
    "not gonna lie,", "I just wanted to say",
]
CLOSERS = [
    "please", "ok?", "I guess", "idk", "whatever", "you know?", "just saying",
    "love you", "take care", "miss you", "think about it", "talk soon",
    "sorry", "no pressure", "lol", "goodnight",
]

# texting substitutions applied word by word (lowercase key -> replacement)
TEXTING = {
    "you": "u", "your": "ur", "you're": "ur", "are": "r", "to": "2",
    "for": "4", "tonight": "2nite", "tomorrow": "tmrw", "because": "bc",
    "really": "rly", "please": "pls", "people": "ppl", "okay": "k",
    "thanks": "thx", "though": "tho", "know": "kno", "don't": "dont",
    "can't": "cant", "I'm": "im", "it's": "its", "I've": "ive",
    "didn't": "didnt", "won't": "wont", "I'll": "ill", "that's": "thats",
    "what": "wat", "love": "luv", "be": "b", "see": "c", "with": "w",
    "honestly": "tbh", "right now": "rn",
}
PHRASE_TEXTING = [
    ("I don't know", "idk"), ("to be honest", "tbh"), ("right now", "rn"),
    ("I love you", "ily"), ("oh my god", "omg"), ("by the way", "btw"),
    ("not gonna lie", "ngl"), ("in my opinion", "imo"),
]

SLOTS = {
    "name": NAMES, "place": PLACES, "thing": THINGS, "thing2": THINGS,
    "day": DAYS, "time": TIMES, "feel": FEELINGS, "adv": ADVERBS,
    "memory": MEMORIES, "partner": PARTNERS, "food": FOODS,
}


class Generator:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.cats = list(CATEGORY_WEIGHTS)
        self.cat_weights = [CATEGORY_WEIGHTS[c] for c in self.cats]

    # ---- building blocks
    def fill(self, template):
        r = self.r
        out = template
        while "{" in out:
            start = out.index("{")
            end = out.index("}", start)
            key = out[start + 1:end]
            out = out[:start] + r.choice(SLOTS[key]) + out[end + 1:]
        return out

    def clause(self):
        cat = self.r.choices(self.cats, self.cat_weights)[0]
        return self.fill(self.r.choice(TEMPLATES[cat]))

    def punct(self, question=False):
        r = self.r
        x = r.random()
        if question:
            return r.choice(["?", "?", "??", "???", "?!", "?!?!", "..?"])
        if x < 0.40:
            return "."
        if x < 0.52:
            return "!"
        if x < 0.62:
            return "!!!" if r.random() < 0.5 else "!!"
        if x < 0.74:
            return "..." if r.random() < 0.6 else "......"
        if x < 0.80:
            return "?!"
        return ""  # no punctuation at all

    # ---- styles
    def style_texting(self, s):
        r = self.r
        for phrase, short in PHRASE_TEXTING:
            if phrase in s and r.random() < 0.8:
                s = s.replace(phrase, short)
        words = s.split(" ")
        out = []
        for w in words:
            core = w.rstrip(",.!?")
            tail = w[len(core):]
            rep = TEXTING.get(core) or TEXTING.get(core.lower())
            if rep and r.random() < 0.75:
                w = rep + tail
            out.append(w)
        s = " ".join(out).replace("'", "").replace("’", "")
        if r.random() < 0.7:
            s = s.lower()
        return s

    def style_curly(self, s):
        return s.replace("'", "’")

    def style_caps_words(self, s):
        r = self.r
        words = s.split(" ")
        n = max(1, len(words) // 6)
        for _ in range(n):
            i = r.randrange(len(words))
            words[i] = words[i].upper()
        return " ".join(words)

    def style_all_caps(self, s):
        return s.upper()

    def style_emoji(self, s):
        r = self.r
        words = s.split(" ")
        for _ in range(r.randint(1, 3)):
            e = r.choice(EMOJI)
            if r.random() < 0.3:
                e = e * r.randint(2, 3)
            pos = len(words) if r.random() < 0.7 else r.randrange(len(words) + 1)
            words.insert(pos, e)
        return " ".join(words)

    def style_stretch(self, s):
        # "soooo", "pleeease", "nooo"
        r = self.r
        words = s.split(" ")
        for i, w in enumerate(words):
            if w.lower() in ("so", "please", "no", "miss", "hey", "sorry", "ok") and r.random() < 0.6:
                j = r.randrange(len(w))
                words[i] = w[:j + 1] + w[j] * r.randint(2, 5) + w[j + 1:]
        return " ".join(words)

    # ---- a whole reply
    def reply(self):
        r = self.r
        n_clauses = r.choices([1, 2, 3, 4], [30, 40, 20, 10])[0]
        parts = []
        for _ in range(n_clauses):
            c = self.clause()
            q = c.split(" ", 1)[0].lower() in (
                "do", "are", "can", "what", "why", "is", "did", "how", "who")
            parts.append(c + self.punct(question=q))
        if r.random() < 0.25:
            parts.insert(0, r.choice(OPENERS) + ("," if r.random() < 0.5 else ""))
        if r.random() < 0.25:
            parts.append(r.choice(CLOSERS))
        if r.random() < 0.15:
            parts.append(r.choice(INTERJECTIONS))
        s = " ".join(parts)
        s = s[0].upper() + s[1:] if r.random() < 0.7 else s

        x = r.random()
        if x < 0.30:
            s = self.style_texting(s)
        elif x < 0.50:
            s = self.style_curly(s)
        if r.random() < 0.12:
            s = self.style_caps_words(s)
        elif r.random() < 0.03:
            s = self.style_all_caps(s)
        if r.random() < 0.08:
            s = self.style_stretch(s)
        if r.random() < 0.18:
            s = self.style_emoji(s)
        return self.fit(s)

    def fit(self, s):
        """Force 5..40 whitespace-separated words."""
        words = s.split()
        while len(words) < 5:
            words += self.clause().split()
        if len(words) > 40:
            words = words[: self.r.randint(30, 40)]
        return " ".join(words)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=200_000, help="number of replies (default 200000)")
    ap.add_argument("--seed", type=int, default=20240607, help="random seed (default 20240607)")
    ap.add_argument("--out", default="-", help="output file (default stdout)")
    ap.add_argument("--single-line-mb", type=float, default=None, metavar="M",
                    help="write a single line of M megabytes (1 MB = 1,000,000 bytes) instead")
    a = ap.parse_args(argv)

    g = Generator(a.seed)
    out = sys.stdout.buffer if a.out == "-" else open(a.out, "wb")
    try:
        if a.single_line_mb is not None:
            target = int(a.single_line_mb * MB) - 1  # keep room for "\n"
            chunks, size = [], 0
            while size < target:
                b = (g.reply() + " ").encode("utf-8")
                chunks.append(b)
                size += len(b)
            data = b"".join(chunks)[:target]
            # do not end in the middle of a UTF-8 sequence; pad with spaces
            data = data.decode("utf-8", "ignore").encode("utf-8")
            data = data + b" " * (target - len(data)) + b"\n"
            out.write(data)
        else:
            buf = []
            for i in range(a.count):
                buf.append(g.reply())
                if len(buf) >= 10_000:
                    out.write(("\n".join(buf) + "\n").encode("utf-8"))
                    buf = []
            if buf:
                out.write(("\n".join(buf) + "\n").encode("utf-8"))
    finally:
        if out is not sys.stdout.buffer:
            out.close()


if __name__ == "__main__":
    main()
