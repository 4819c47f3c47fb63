# Mistake: never clears the gradients, so every step adds the earlier gradients to its own.
# Expect: zero_grad
def train_step(model, X, y, optimizer, loss_fn):
    """One training step."""
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
