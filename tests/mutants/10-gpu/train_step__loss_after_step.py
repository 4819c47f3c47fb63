# Mistake: returns the loss computed again after the update instead of this step's loss.
# Expect: before the update
def train_step(model, X, y, optimizer, loss_fn):
    """One training step."""
    optimizer.zero_grad()
    loss_fn(model(X), y).backward()
    optimizer.step()
    with torch.no_grad():
        return loss_fn(model(X), y).item()
