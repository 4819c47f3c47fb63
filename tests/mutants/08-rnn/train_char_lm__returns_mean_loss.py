# Mistake: returns the mean loss of the last epoch instead of its perplexity.
# Expect: train_char_lm's return value
# Caught by: train_char_lm_returns_last_epoch_perplexity
def train_char_lm(net, train_iter, vocab, lr, num_epochs, device, use_random_iter=False):
    """Train a character language model in place with SGD, clipping gradients at 1."""
    loss = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(net.parameters(), lr)
    ppl = float("nan")
    for _ in range(num_epochs):
        state, total_loss, num_tokens = None, 0.0, 0
        for X, Y in train_iter:
            if state is None or use_random_iter:
                state = net.begin_state(batch_size=X.shape[0], device=device)
            elif isinstance(state, tuple):
                state = tuple(s.detach() for s in state)
            else:
                state = state.detach()
            X, y = X.to(device), Y.T.reshape(-1).to(device)
            y_hat, state = net(X, state)
            l = loss(y_hat, y.long())
            optimizer.zero_grad()
            l.backward()
            grad_clipping(net, 1)
            optimizer.step()
            total_loss += l.item() * y.numel()
            num_tokens += y.numel()
        ppl = total_loss / num_tokens
    return ppl
