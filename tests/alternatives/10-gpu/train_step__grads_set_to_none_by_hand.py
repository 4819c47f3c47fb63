# Alternative: the gradients cleared by hand after the step, ready for the next one


def train_step(model, X, y, optimizer, loss_fn) -> float:
    """One step on minibatch (X, y); the loss before the update, as a Python float."""
    for param in model.parameters():
        param.grad = None
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    value = loss.item()
    optimizer.zero_grad(set_to_none=True)
    return value
