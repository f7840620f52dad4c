"""A minimal BERT encoder forward pass in numpy (all-MiniLM-L6-v2), for distilling static word vectors.

Only numpy; reads the weights from model.safetensors (float32 tensors; other tensors are skipped)."""
import json, struct, numpy as np
from math import sqrt

def load_safetensors(path):
    with open(path, 'rb') as f:
        n = struct.unpack('<Q', f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == '__metadata__': continue
        if info['dtype'] != 'F32': continue
        a, b = info['data_offsets']
        out[name] = np.frombuffer(data[a:b], dtype=np.float32).reshape(info['shape'])
    return out

def gelu(x):
    # the tanh form of GELU (within 1e-3 of the erf form)
    return 0.5 * x * (1.0 + np.tanh(np.float32(0.7978845608) * (x + np.float32(0.044715) * x ** 3)))

def layer_norm(x, g, b, eps=1e-12):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * g + b

class Bert:
    def __init__(self, path, layers=6, heads=12):
        self.w = load_safetensors(path)
        self.layers, self.heads = layers, heads
        k = next(iter(self.w))
        self.prefix = '' if 'embeddings.word_embeddings.weight' in self.w else 'bert.'

    def p(self, name):
        return self.w[self.prefix + name]

    def lin(self, x, name):
        return x @ self.p(name + '.weight').T + self.p(name + '.bias')

    def forward(self, ids, mask):
        """ids, mask: [B, T] -> hidden [B, T, H]"""
        B, T = ids.shape
        x = self.p('embeddings.word_embeddings.weight')[ids] + self.p('embeddings.position_embeddings.weight')[:T][None] \
            + self.p('embeddings.token_type_embeddings.weight')[0][None, None]
        x = layer_norm(x, self.p('embeddings.LayerNorm.weight'), self.p('embeddings.LayerNorm.bias'))
        H = x.shape[-1]; nh = self.heads; d = H // nh
        bias = (1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9
        for i in range(self.layers):
            L = f'encoder.layer.{i}.'
            q = self.lin(x, L + 'attention.self.query').reshape(B, T, nh, d).transpose(0, 2, 1, 3)
            k = self.lin(x, L + 'attention.self.key').reshape(B, T, nh, d).transpose(0, 2, 1, 3)
            v = self.lin(x, L + 'attention.self.value').reshape(B, T, nh, d).transpose(0, 2, 1, 3)
            s = q @ k.transpose(0, 1, 3, 2) / np.float32(sqrt(d)) + bias
            s = s - s.max(-1, keepdims=True); e = np.exp(s); a = e / e.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(B, T, H)
            x = layer_norm(self.lin(c, L + 'attention.output.dense') + x,
                           self.p(L + 'attention.output.LayerNorm.weight'), self.p(L + 'attention.output.LayerNorm.bias'))
            h = gelu(self.lin(x, L + 'intermediate.dense'))
            x = layer_norm(self.lin(h, L + 'output.dense') + x,
                           self.p(L + 'output.LayerNorm.weight'), self.p(L + 'output.LayerNorm.bias'))
        return x
