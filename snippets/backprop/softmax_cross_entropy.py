import torch
import torch.nn.functional as F

torch.set_printoptions(precision=4)   # print tensors with 4 decimals
logits = torch.tensor([2.0, 1.0, 0.1, -1.0], requires_grad=True)   # scores for 4 tokens
target = 0                                                          # the right token

loss = F.cross_entropy(logits.unsqueeze(0), torch.tensor([target]))  # -ln p[target]
loss.backward()

p = torch.softmax(logits.detach(), dim=-1)
onehot = F.one_hot(torch.tensor(target), num_classes=4).float()
print("p          ", p)
print("p - onehot ", p - onehot)
print("autograd   ", logits.grad)
print("equal:", torch.allclose(logits.grad, p - onehot), "| sum of the gradient:", round(logits.grad.sum().item(), 6))
