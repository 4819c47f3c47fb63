# Mistake: clears the gradients between backward and step, so the step has nothing to apply.
# Expect: weights had not changed
def train_step(model, X, y, optimizer, loss_fn):
    """One training step."""
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.zero_grad()
    optimizer.step()
    return loss.item()
