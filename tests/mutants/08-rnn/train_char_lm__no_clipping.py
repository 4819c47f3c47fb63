# Mistake: never clips the gradients.
# Expect: clipped at theta = 1
# Caught by: train_char_lm_clips_gradients
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
            optimizer.step()
            total_loss += l.item() * y.numel()
            num_tokens += y.numel()
        ppl = perplexity(total_loss, num_tokens)
    return ppl
