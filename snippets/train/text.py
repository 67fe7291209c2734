# The text: "The Star" by Jane Taylor (1806), public domain.
import torch

text = """Twinkle, twinkle, little star,
How I wonder what you are!
Up above the world so high,
Like a diamond in the sky.

When the blazing sun is gone,
When he nothing shines upon,
Then you show your little light,
Twinkle, twinkle, all the night.

Then the traveller in the dark,
Thanks you for your tiny spark,
He could not see which way to go,
If you did not twinkle so.

In the dark blue sky you keep,
And often through my curtains peep,
For you never shut your eye,
Till the sun is in the sky.

'Tis your bright and tiny spark,
Lights the traveller in the dark:
Though I know not what you are,
Twinkle, twinkle, little star.
"""

# One token per character: the vocabulary is every character the text uses.
chars = sorted(set(text))
stoi = {ch: i for i, ch in enumerate(chars)}


def encode(s):
    return [stoi[ch] for ch in s]


def decode(ids):
    return "".join(chars[i] for i in ids)


ids = torch.tensor(encode(text))
n_train = int(0.9 * len(ids))
train_ids, val_ids = ids[:n_train], ids[n_train:]
