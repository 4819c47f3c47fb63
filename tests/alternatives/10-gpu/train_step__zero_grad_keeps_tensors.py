# Alternative: model.zero_grad(set_to_none=False), and float() of the detached loss


def train_step(model, X, y, optimizer, loss_fn) -> float:
    """One step on minibatch (X, y); the loss before the update, as a Python float."""
    model.zero_grad(set_to_none=False)
    outputs = model(X)
    loss = loss_fn(outputs, y)
    loss.backward()
    optimizer.step()
    return float(loss.detach())
