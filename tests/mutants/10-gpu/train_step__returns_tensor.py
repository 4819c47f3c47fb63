# Mistake: returns the loss tensor instead of a Python float.
# Expect: expected a Python float
def train_step(model, X, y, optimizer, loss_fn):
    """One training step."""
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss
