import torch
import torch.nn as nn

device = "cuda" if torch.cuda.is_available() else "cpu"

model = nn.Linear(3, 2)
model.to(device)                         # moves every parameter, in place
print(all(p.device.type == device for p in model.parameters()))

x = torch.ones(4, 3).to(device)          # the input must be on the same device
print(model(x).shape)

# For a tensor, .to() returns a NEW tensor and leaves the old one where it was
# (shown with "meta", a device with shapes but no numbers, so it runs on any machine)
t = torch.ones(2)
moved = t.to("meta")
print(t.device, moved.device)            # so write x = x.to(device)

# Two tensors on different devices cannot meet in one operation.
try:
    torch.ones(2, device="cpu") + torch.ones(2, device="meta")
except RuntimeError as error:
    print("RuntimeError:", error)
print((torch.ones(2, device="meta") + torch.tensor(5.0)).device)   # a CPU tensor of one number is allowed
