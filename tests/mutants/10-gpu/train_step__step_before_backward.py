# Mistake: calls optimizer.step() before loss.backward(), so each step applies the previous gradient.
# Expect: in that order
def train_step(model, X, y, optimizer, loss_fn):
    """One training step."""
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    optimizer.step()
    loss.backward()
    return loss.item()
