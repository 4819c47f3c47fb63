# Mistake: turns every list into a tuple.
# Expect: got a tuple
# Expect: expected a list
def to_device(batch, device):
    """batch with every tensor on device."""
    if isinstance(batch, torch.Tensor):
        return batch.to(device)
    if isinstance(batch, dict):
        return type(batch)({k: to_device(v, device) for k, v in batch.items()})
    if isinstance(batch, (list, tuple)):
        return tuple(to_device(v, device) for v in batch)
    return batch
