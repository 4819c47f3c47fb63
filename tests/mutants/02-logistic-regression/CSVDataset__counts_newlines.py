# Mistake: counts the rows as the newline characters of the file, one short when the last line has no final newline (off by one).
# Expect: examples, expected 1
class CSVDataset(Dataset):
    """Examples from a CSV file, parsed lazily."""

    def __init__(self, path):
        self.path = path
        with open(path) as file:
            self.text = file.read()
        self.lines = self.text.splitlines()

    def __len__(self):
        return self.text.count("\n")

    def __getitem__(self, index):
        values = self.lines[index].split(",")
        if len(values) != len(self.lines[0].split(",")):
            raise ValueError(f"{self.path}, line {index + 1}: {len(values)} values")
        row = torch.tensor([float(v) for v in values])
        return row[:-1], row[-1:]
