# Mistake: keeps only the dict entries whose values can be moved, dropping the rest.
# Expect: keep every element and every key
def to_device(batch, device):
    """batch with every tensor on device."""
    if isinstance(batch, torch.Tensor):
        return batch.to(device)
    if isinstance(batch, dict):
        return {k: to_device(v, device) for k, v in batch.items()
                if isinstance(v, (torch.Tensor, list, tuple, dict))}
    if isinstance(batch, (list, tuple)):
        return type(batch)(to_device(v, device) for v in batch)
    return batch
