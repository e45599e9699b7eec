"""Real-style benchmark corpus: real articles with names, numbers and paragraph order perturbed.

The texts are read at bench time from seeds/articles and ../shared/corpus/articles (third-party
text: never copied into the repository, only into bench/work/, which git ignores). Article i is a
copy of source article i mod S whose
  - capitalised words (names, places, organisations) are partly swapped, consistently within the
    article, for capitalised words of other articles;
  - digit runs are replaced by random digits of the same length (amounts, years, dates in the text);
  - body paragraphs after the lead are shuffled;
  - date line gets a random valid date.
So the vocabulary, sentence shapes, lengths and markup (credits, related links, « Voir plus »)
are those of the outlets, while no two articles are the same text. Deterministic (seeded by i).
"""
import os
import random
import re

WORD = re.compile(r"\b[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]{2,}\b")
DIGITS = re.compile(r"\d+")
DATE_LINE = re.compile(r"^ date \S+ ?")


def source_texts(dirs):
    texts = []
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".txt"):
                with open(os.path.join(d, name), encoding="utf-8", errors="replace") as f:
                    texts.append(f.read())
    return texts


# Words of the outlets' markup (credits, « Voir plus »), kept as they are.
MARKUP = {"Photo", "Photos", "Source", "Voir", "Plus", "Lire", "Video", "Vidéo"}


def mid_sentence(text, start):
    """A capitalised word not at the start of a sentence, a line or a paragraph."""
    before = text[max(0, start - 3):start]
    return start > 0 and not re.search(r"(^|[.!?:»\n>\[(])\s*$", before)


def name_pool(texts):
    """Capitalised words not at a sentence start: mostly names, places and organisations."""
    pool = set()
    for t in texts:
        for m in WORD.finditer(t):
            if mid_sentence(t, m.start()) and m.group(0) not in MARKUP:
                pool.add(m.group(0))
    return sorted(pool)


def perturb(text, pool, rng):
    lines = text.split("\n")
    first = lines[0]
    rest = "\n".join(lines[1:])
    y, mo, d = rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28)
    if DATE_LINE.match(first):
        first = DATE_LINE.sub(f" date {y:04d}-{mo:02d}-{d:02d} ", first, count=1)
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", rest) if p.strip()]
    if len(paragraphs) > 3:
        middle = paragraphs[1:-1]
        rng.shuffle(middle)
        paragraphs = [paragraphs[0]] + middle + [paragraphs[-1]]
    body = "\n\n".join(paragraphs)
    mapping = {}

    def swap(m):
        w = m.group(0)
        if w in MARKUP or not mid_sentence(m.string, m.start()):
            return w
        if w not in mapping:
            mapping[w] = rng.choice(pool) if pool and rng.random() < 0.5 else w
        return mapping[w]

    def digits(m):
        s = m.group(0)
        out = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in s[1:])
        return out if s[0] != "0" else "0" + out[1:]

    head = WORD.sub(swap, DIGITS.sub(digits, first[len(" date 2000-01-01 "):])) if DATE_LINE.match(first) else WORD.sub(swap, first)
    if DATE_LINE.match(first):
        head = first[:len(" date 2000-01-01 ")] + head
    body = WORD.sub(swap, DIGITS.sub(digits, body))
    return head + "\n\n" + body + "\n"


def generate(out, n, dirs, seed):
    texts = source_texts(dirs)
    if not texts:
        raise SystemExit("real-style corpus: no source articles found in " + ", ".join(dirs))
    pool = name_pool(texts)
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        folder = os.path.join(out, f"{i // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"r{i:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(perturb(texts[i % len(texts)], pool, rng))
    return len(texts)
