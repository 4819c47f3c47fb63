# Mistake: calls .cuda() instead of .to(device): it ignores device, and fails without a GPU.
# Expect: x.to(device)
def to_device(batch, device):
    """batch with every tensor on device."""
    if isinstance(batch, torch.Tensor):
        return batch.cuda()
    if isinstance(batch, dict):
        return type(batch)({k: to_device(v, device) for k, v in batch.items()})
    if isinstance(batch, (list, tuple)):
        return type(batch)(to_device(v, device) for v in batch)
    return batch
