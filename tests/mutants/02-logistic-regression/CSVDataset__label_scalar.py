# Mistake: takes the label as table[:, -1], so each label has shape () instead of (1,).
# Expect: row[-1:], not row[-1]
class CSVDataset(Dataset):
    """Examples from a CSV file."""

    def __init__(self, path):
        rows = []
        with open(path) as file:
            for line_number, line in enumerate(file, start=1):
                values = line.strip().split(",")
                if rows and len(values) != len(rows[0]):
                    raise ValueError(f"{path}, line {line_number}: {len(values)} values")
                rows.append([float(value) for value in values])
        table = torch.tensor(rows, dtype=torch.float32)
        self.features = table[:, :-1]
        self.labels = table[:, -1]

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        return self.features[index], self.labels[index]
