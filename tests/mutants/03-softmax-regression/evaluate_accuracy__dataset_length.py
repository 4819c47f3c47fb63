# Mistake: divides by len(data_iter.dataset), which only a DataLoader has, instead of counting the examples seen.
# Expect: has no attribute 'dataset'
def evaluate_accuracy(net, data_iter):
    """Accuracy of net over all of data_iter."""
    if isinstance(net, nn.Module):
        net.eval()
    num_correct = 0
    with torch.no_grad():
        for X, y in data_iter:
            num_correct += (net(X).argmax(dim=1) == y).sum().item()
    return num_correct / len(data_iter.dataset)
