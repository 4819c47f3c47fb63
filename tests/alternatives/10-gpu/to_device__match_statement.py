# Alternative: a match statement, and dicts rebuilt from (key, value) pairs
import torch


def to_device(batch, device):
    """batch (a tensor, or a tuple, list or dict of them, nested) with every tensor on device."""
    match batch:
        case torch.Tensor():
            return batch.to(device=device)
        case dict():
            return type(batch)((key, to_device(value, device)) for key, value in batch.items())
        case list() | tuple():
            return type(batch)([to_device(value, device) for value in batch])
        case _:
            return batch
