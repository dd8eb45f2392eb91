#!/usr/bin/python3
"""The PyTorch recipe: a LatentCADx-shaped network in PyTorch, exported to ONNX and stamped for the SDK.

Usage: latentcadx_torch_recipe.py OUT_DIR [--tile 64] [--seed 7]

Writes, under OUT_DIR:
  exported.onnx                   torch.onnx.export of the network (opset 17, dynamic batch axis N): a
                                  3-channel ImageNet-normalised input 'input' and two logit outputs, as
                                  research code has them
  goldens/sets.json               a conformance-kit golden set 'pytorch-recipe' (see conformance-tests):
  goldens/pytorch-recipe/...      model.onnx (exported.onnx stamped by sdk/tools/stamp-model), manifest.json,
                                  and two patch cases whose expected outputs PyTorch computed in eager mode
                                  on the same grey patches (copied to all three channels, normalised)

The network is what LatentCADx is in miniature: a residual encoder, a classification head (the patch
probability) and a decoder with skip connections (the per-pixel mask). Its weights are random (seeded):
the recipe is about the path from PyTorch to the SDK, not about a trained model. For your own network
replace build_network(); keep model.eval() and the export arguments.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys

import numpy as np
import onnx
from onnx import numpy_helper
import torch
from torch import nn

# The network expects ImageNet-normalised RGB, as networks fine-tuned from ImageNet weights do; the
# stamped model takes the SDK's grey [0, 1] tiles and does the copy and normalisation itself.
MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)
STAMP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "stamp-model")
SET = "pytorch-recipe"


class Block(nn.Module):
    """Two 3x3 convolutions with batch norm and a residual connection; stride 2 halves the size."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.skip = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        return torch.relu(self.bn2(self.conv2(y)) + self.skip(x))


class LatentCadxTorch(nn.Module):
    """Encoder (3 residual stages), classification head and decoder with skips; logits out."""

    def __init__(self, widths=(8, 16, 32)):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, widths[0], 3, 1, 1, bias=False), nn.BatchNorm2d(widths[0]), nn.ReLU())
        self.down1 = Block(widths[0], widths[1], 2)
        self.down2 = Block(widths[1], widths[2], 2)
        self.classifier = nn.Linear(widths[2], 1)
        self.up2 = nn.ConvTranspose2d(widths[2], widths[1], 2, 2)
        self.fuse2 = Block(2 * widths[1], widths[1], 1)
        self.up1 = nn.ConvTranspose2d(widths[1], widths[0], 2, 2)
        self.fuse1 = Block(2 * widths[0], widths[0], 1)
        self.mask_head = nn.Conv2d(widths[0], 1, 1)

    def forward(self, x):
        s0 = self.stem(x)
        s1 = self.down1(s0)
        s2 = self.down2(s1)
        logit = self.classifier(torch.flatten(nn.functional.adaptive_avg_pool2d(s2, 1), 1))  # [N, 1]
        d1 = self.fuse2(torch.cat([self.up2(s2), s1], 1))
        d0 = self.fuse1(torch.cat([self.up1(d1), s0], 1))
        return logit, self.mask_head(d0)  # [N, 1], [N, 1, T, T]


def build_network(seed):
    torch.manual_seed(seed)
    network = LatentCadxTorch()
    # Random but non-trivial batch-norm statistics, so that inference mode is really exercised.
    for module in network.modules():
        if isinstance(module, nn.BatchNorm2d):
            module.running_mean.uniform_(-0.2, 0.2)
            module.running_var.uniform_(0.5, 1.5)
    return network.eval()


def patches(tile, seed):
    """Grey patches in [0, 1]: a soft blob, noise, flat grey and a ramp."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:tile, 0:tile].astype(np.float32)
    blob = 0.3 + 0.6 * np.exp(-((xx - tile * 0.55) ** 2 + (yy - tile * 0.45) ** 2) / (2 * (tile * 0.12) ** 2))
    noise = rng.uniform(0, 1, (tile, tile))
    flat = np.full((tile, tile), 0.5)
    ramp = xx / (tile - 1)
    return np.stack([blob, noise, flat, ramp]).astype(np.float32)[:, None]  # [4, 1, T, T]


def reference_outputs(network, grey):
    """What the stamped model must give: the network on the grey patch copied to 3 channels and
    ImageNet-normalised, sigmoids on its logits."""
    rgb = torch.from_numpy(grey).repeat(1, 3, 1, 1)
    normalised = (rgb - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)
    with torch.no_grad():
        logit, mask_logits = network(normalised)
    return torch.sigmoid(logit).reshape(-1).numpy(), torch.sigmoid(mask_logits).numpy()


def write_case(folder, name, grey, network):
    data = os.path.join(folder, name, "test_data_set_0")
    os.makedirs(data, exist_ok=True)
    probability, mask = reference_outputs(network, grey)
    for file, array in (("input_0.pb", grey), ("output_0.pb", probability), ("output_1.pb", mask)):
        with open(os.path.join(data, file), "wb") as out:
            out.write(numpy_helper.from_array(np.ascontiguousarray(array, np.float32)).SerializeToString())
    with open(os.path.join(folder, name, "model.ref"), "w") as out:
        out.write("../model.onnx")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--tile", type=int, default=64)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    network = build_network(args.seed)

    exported = os.path.join(args.out, "exported.onnx")
    example = torch.zeros(2, 3, args.tile, args.tile)
    torch.onnx.export(network, example, exported, opset_version=17, input_names=["input"],
                      output_names=["logit", "mask_logits"],
                      dynamic_axes={"input": {0: "N"}, "logit": {0: "N"}, "mask_logits": {0: "N"}})

    folder = os.path.join(args.out, "goldens", SET)
    os.makedirs(folder, exist_ok=True)
    model = os.path.join(folder, "model.onnx")
    subprocess.run([sys.executable, STAMP, "stamp", exported, model,
                    "--name", "pytorch-recipe", "--version", "0.1.0",
                    "--downsample-factor", "4", "--normalization", "bits_stored",
                    "--tile-stride", str(args.tile // 2), "--decision-threshold", "0.5", "--outputs", "logits",
                    "--input-mean", *map(str, MEAN), "--input-std", *map(str, STD),
                    "--provenance", "framework=PyTorch %s" % torch.__version__,
                    "--provenance", "recipe=sdk/tools/pytorch/latentcadx_torch_recipe.py seed %d" % args.seed],
                   check=True)

    grey = patches(args.tile, args.seed)
    write_case(folder, "patch_single", grey[:1], network)
    write_case(folder, "patch_batch", grey, network)
    with open(model, "rb") as f:
        sha256 = hashlib.sha256(f.read()).hexdigest()
    manifest = {
        "set": SET,
        "description": "A LatentCADx-shaped PyTorch network exported with torch.onnx and stamped by stamp-model.",
        "modelFile": "model.onnx",
        "bundledModel": None,
        "modelSha256": sha256,
        "references": {"patch_engine": "PyTorch %s (eager, float32, inference mode)" % torch.__version__,
                       "onnx": onnx.__version__},
        "cases": [{"name": "patch_single", "kind": "PATCH", "dataSets": 1},
                  {"name": "patch_batch", "kind": "PATCH", "dataSets": 1}],
    }
    with open(os.path.join(folder, "manifest.json"), "w") as out:
        json.dump(manifest, out, indent=2)
    with open(os.path.join(args.out, "goldens", "sets.json"), "w") as out:
        json.dump([SET], out)
    print("latentcadx_torch_recipe: stamped model and goldens in %s" % folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
