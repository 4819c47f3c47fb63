# Alternative: one branch per container type, built with loops, and non_blocking copies
import torch


def to_device(batch, device):
    """batch (a tensor, or a tuple, list or dict of them, nested) with every tensor on device."""
    if torch.is_tensor(batch):
        return batch.to(device, non_blocking=True)
    if isinstance(batch, tuple):
        return type(batch)(to_device(value, device) for value in batch)
    if isinstance(batch, list):
        moved = []
        for value in batch:
            moved.append(to_device(value, device))
        return type(batch)(moved)
    if isinstance(batch, dict):
        moved = type(batch)()
        for key in batch:
            moved[key] = to_device(batch[key], device)
        return moved
    return batch
