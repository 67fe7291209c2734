import torch

m = torch.tensor([[1.0, 2.0],
                  [2.0, 4.0]])            # row 2 is twice row 1
print(m.ndim)                             # rank of the tensor: 2 indices
print(torch.linalg.matrix_rank(m).item()) # rank of the matrix (linear algebra): 1

embedding = torch.zeros(768)              # 768 zeros, "embedding dimension 768"...
print(embedding.ndim, embedding.shape)    # ...is one axis of length 768
