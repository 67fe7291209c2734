import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(123)
n_vocab, d = 5, 3                        # a vocabulary of 5 tokens, embeddings of 3 numbers
tok_emb = nn.Embedding(n_vocab, d)       # a table of shape (5, 3): one row per token ID
ids = torch.tensor([2, 0, 2])

one_hot = F.one_hot(ids, n_vocab).float()       # each ID as a row of 5 numbers: a 1 at the ID, 0 elsewhere
torch.set_printoptions(precision=4)
print("one-hot rows:")
print(one_hot)
with torch.no_grad():
    print("one_hot @ table:")
    print(one_hot @ tok_emb.weight)             # (3, 5) @ (5, 3): each 1 picks one row of the table
    print("lookup tok_emb(ids):")
    print(tok_emb(ids))                         # the same rows, without multiplying by zeros
print("equal:", torch.equal(one_hot @ tok_emb.weight, tok_emb(ids)))

# Token plus position embeddings, as GPT-2 adds them, on a batch of 2 windows of 4 tokens.
context_length = 4
pos_emb = nn.Embedding(context_length, d)       # one learned vector per position 0..3
batch = torch.tensor([[2, 0, 2, 4],
                      [1, 1, 3, 0]])            # (b, t) = (2, 4) token IDs
tokens = tok_emb(batch)                         # (2, 4, 3): one vector per token
positions = pos_emb(torch.arange(context_length))   # (4, 3): one vector per position
x = tokens + positions                          # broadcasting adds the same 4 position vectors to each window
print("token IDs:", tuple(batch.shape), " token embeddings:", tuple(tokens.shape),
      " position embeddings:", tuple(positions.shape), " sum:", tuple(x.shape))
print("token 2 at positions 0 and 2, before and after adding positions:")
print("  ", torch.equal(tokens[0, 0], tokens[0, 2]), torch.equal(x[0, 0], x[0, 2]))
