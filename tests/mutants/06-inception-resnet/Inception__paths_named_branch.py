# Mistake: names the layers as the course's own block does (branch1x1, ...), so the weights do not load by the contract's names.
# Expect: missing p1_1.bias
class Inception(nn.Module):
    """GoogLeNet's Inception block."""

    def __init__(self, in_channels, c1, c2, c3, c4):
        super().__init__()
        self.branch1x1 = nn.Conv2d(in_channels, c1, kernel_size=1)
        self.branch3x3_1 = nn.Conv2d(in_channels, c2[0], kernel_size=1)
        self.branch3x3_2 = nn.Conv2d(c2[0], c2[1], kernel_size=3, padding=1)
        self.branch5x5_1 = nn.Conv2d(in_channels, c3[0], kernel_size=1)
        self.branch5x5_2 = nn.Conv2d(c3[0], c3[1], kernel_size=5, padding=2)
        self.branch_pool = nn.Conv2d(in_channels, c4, kernel_size=1)

    def forward(self, x):
        p1 = F.relu(self.branch1x1(x))
        p2 = F.relu(self.branch3x3_2(F.relu(self.branch3x3_1(x))))
        p3 = F.relu(self.branch5x5_2(F.relu(self.branch5x5_1(x))))
        p4 = F.relu(self.branch_pool(F.max_pool2d(x, 3, stride=1, padding=1)))
        return torch.cat((p1, p2, p3, p4), dim=1)
