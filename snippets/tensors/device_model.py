import torch
import torch.nn as nn

device = "cuda" if torch.cuda.is_available() else "cpu"

model = nn.Linear(3, 2)
model.to(device)                         # moves every parameter, in place
print(all(p.device.type == device for p in model.parameters()))

x = torch.ones(4, 3).to(device)          # the input must be on the same device
print(model(x).shape)

# Two tensors on different devices cannot meet in one operation.
# ("meta" is a device with shapes but no numbers, so this runs on any machine.)
try:
    torch.ones(2, device="cpu") + torch.ones(2, device="meta")
except RuntimeError as error:
    print("RuntimeError:", error)
