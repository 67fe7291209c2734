import torch
import torch.nn.functional as F
from torch import nn

GPT_CONFIG_124M = {
    "vocab_size": 50257, "context_length": 1024, "emb_dim": 768,
    "n_heads": 12, "n_layers": 12, "drop_rate": 0.1, "qkv_bias": False,
}


class CausalSelfAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["emb_dim"]
        self.n_heads, self.drop_rate = cfg["n_heads"], cfg["drop_rate"]
        self.qkv = nn.Linear(d, 3 * d, bias=cfg["qkv_bias"])  # queries, keys and values in one matrix
        self.out_proj = nn.Linear(d, d)

    def forward(self, x):
        b, t, d = x.shape
        # (b, t, 3d) -> three tensors of shape (b, heads, t, d / heads)
        q, k, v = self.qkv(x).view(b, t, 3, self.n_heads, d // self.n_heads).permute(2, 0, 3, 1, 4)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True,
                                           dropout_p=self.drop_rate if self.training else 0.0)
        return self.out_proj(y.transpose(1, 2).reshape(b, t, d))


class TransformerBlock(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["emb_dim"]
        self.norm1, self.norm2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.att = CausalSelfAttention(cfg)
        self.ff = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
        self.drop = nn.Dropout(cfg["drop_rate"])

    def forward(self, x):
        x = x + self.drop(self.att(self.norm1(x)))
        return x + self.drop(self.ff(self.norm2(x)))


class GPTModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.tok_emb = nn.Embedding(cfg["vocab_size"], cfg["emb_dim"])
        self.pos_emb = nn.Embedding(cfg["context_length"], cfg["emb_dim"])
        self.drop = nn.Dropout(cfg["drop_rate"])
        self.blocks = nn.Sequential(*[TransformerBlock(cfg) for _ in range(cfg["n_layers"])])
        self.final_norm = nn.LayerNorm(cfg["emb_dim"])
        self.out_head = nn.Linear(cfg["emb_dim"], cfg["vocab_size"], bias=False)

    def forward(self, token_ids):
        positions = torch.arange(token_ids.shape[1], device=token_ids.device)
        x = self.drop(self.tok_emb(token_ids) + self.pos_emb(positions))
        return self.out_head(self.final_norm(self.blocks(x)))


def count(model):
    return sum(p.numel() for p in model.parameters())  # a shared (tied) tensor is counted once


# On the "meta" device tensors have shapes but no storage: building 163 million parameters costs no memory.
with torch.device("meta"):
    model = GPTModel(GPT_CONFIG_124M)
    logits = model(torch.zeros(2, 1024, dtype=torch.long))  # 2 windows of 1024 tokens

print("position embedding:", tuple(model.pos_emb.weight.shape))
print("logits:", tuple(logits.shape), "on", logits.device)
print(f"parameters:                  {count(model):,}")
print(f"float32 memory: {count(model) * 4:,} bytes = {count(model) * 4 / 2**20:.2f} MiB")

model.out_head.weight = model.tok_emb.weight           # weight tying: one matrix, used twice
print(f"tied output head:            {count(model):,}")

with torch.device("meta"):
    gpt2_small = GPTModel({**GPT_CONFIG_124M, "qkv_bias": True})
gpt2_small.out_head.weight = gpt2_small.tok_emb.weight
print(f"tied, qkv_bias=True (GPT-2): {count(gpt2_small):,}")
