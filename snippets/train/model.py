# A tiny GPT: the parts of chapter 2's GPTModel, without dropout, at a size that trains in seconds.
import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)  # every new tensor of floats is 64-bit: the same digits on every machine
torch.manual_seed(123)                  # the same initial weights on every run


class CausalSelfAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["emb_dim"]
        self.n_heads = cfg["n_heads"]
        self.qkv = nn.Linear(d, 3 * d, bias=False)  # queries, keys and values in one matrix
        self.out_proj = nn.Linear(d, d)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.n_heads, d // self.n_heads).permute(2, 0, 3, 1, 4)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)  # each token sees only the ones before it
        return self.out_proj(y.transpose(1, 2).reshape(b, t, d))


class TransformerBlock(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["emb_dim"]
        self.norm1, self.norm2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.att = CausalSelfAttention(cfg)
        self.ff = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x):
        x = x + self.att(self.norm1(x))
        return x + self.ff(self.norm2(x))


class GPTModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.tok_emb = nn.Embedding(cfg["vocab_size"], cfg["emb_dim"])
        self.pos_emb = nn.Embedding(cfg["context_length"], cfg["emb_dim"])
        self.blocks = nn.Sequential(*[TransformerBlock(cfg) for _ in range(cfg["n_layers"])])
        self.final_norm = nn.LayerNorm(cfg["emb_dim"])
        self.out_head = nn.Linear(cfg["emb_dim"], cfg["vocab_size"], bias=False)

    def forward(self, token_ids):
        positions = torch.arange(token_ids.shape[1])
        x = self.tok_emb(token_ids) + self.pos_emb(positions)
        return self.out_head(self.final_norm(self.blocks(x)))


def init_weights(module):  # as GPT-2: small random weights, zero biases (chapter 1's "uniform guess")
    if isinstance(module, (nn.Linear, nn.Embedding)):
        nn.init.normal_(module.weight, std=0.02)
    if isinstance(module, nn.Linear) and module.bias is not None:
        nn.init.zeros_(module.bias)


cfg = {"vocab_size": len(chars), "context_length": 16, "emb_dim": 32, "n_heads": 4, "n_layers": 1}
model = GPTModel(cfg)
model.apply(init_weights)               # apply calls init_weights on every module (layer) of the model
