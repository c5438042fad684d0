package dev.samplinglab.engine.model;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validating reader of the safetensors format (https://github.com/huggingface/safetensors): an
 * 8-byte little-endian header length, a JSON header, then the raw data. Every entry's dtype, shape
 * and byte range is checked before any tensor is read, so a hostile file fails with a {@link
 * ModelLoadException} instead of a huge allocation.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** Largest header accepted. */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, TensorInfo> tensors;

    private SafetensorsFile(
            Path path, FileChannel channel, long dataStart, Map<String, TensorInfo> tensors) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.tensors = tensors;
    }

    /** Opens and validates the header of a safetensors file. */
    public static SafetensorsFile open(Path path) {
        String name = path.getFileName().toString();
        if (!Files.isRegularFile(path)) {
            throw new ModelLoadException(name + " is missing in " + path.getParent());
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            long size = ch.size();
            long headerLen = readHeaderLength(ch, size, name);
            String json = readHeaderText(ch, headerLen, name);
            Map<String, TensorInfo> infos = parseHeader(json, size - 8 - headerLen, name);
            return new SafetensorsFile(path, ch, 8 + headerLen, infos);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new ModelLoadException(name + ": cannot read (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    /** Tensor entries by name, in header order. */
    public Map<String, TensorInfo> tensors() {
        return Collections.unmodifiableMap(tensors);
    }

    /** Reads one tensor converted to float32, in native order, into a new heap buffer. */
    public ByteBuffer readAsFloat32(TensorInfo info) {
        int n = Math.toIntExact(info.elementCount());
        ByteBuffer raw = ByteBuffer.allocate(Math.toIntExact(info.end() - info.begin()));
        try {
            long pos = dataStart + info.begin();
            while (raw.hasRemaining()) {
                int r = channel.read(raw, pos + raw.position());
                if (r < 0) {
                    throw new ModelLoadException(
                            fileName()
                                    + ": tensor '"
                                    + info.name()
                                    + "' ends past the end of the file (file truncated?)");
                }
            }
        } catch (IOException e) {
            throw new ModelLoadException(
                    fileName() + ": cannot read tensor '" + info.name() + "': " + e.getMessage(),
                    e);
        }
        raw.flip().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(n * 4).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            float v = info.dtype().read(raw, i);
            if (!Float.isFinite(v)) {
                throw new ModelLoadException(
                        fileName()
                                + ": tensor '"
                                + info.name()
                                + "' holds a non-finite value ("
                                + v
                                + ") at element "
                                + i
                                + "; the file is corrupt");
            }
            out.putFloat(i * 4, v);
        }
        return out.rewind();
    }

    /** Reads one tensor as a float[] (tests and small tensors). */
    public float[] readFloats(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new ModelLoadException(fileName() + ": no tensor '" + name + "'");
        }
        float[] out = new float[Math.toIntExact(info.elementCount())];
        readAsFloat32(info).asFloatBuffer().get(out);
        return out;
    }

    private String fileName() {
        return path.getFileName().toString();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static long readHeaderLength(FileChannel ch, long size, String name)
            throws IOException {
        if (size < 8) {
            throw new ModelLoadException(
                    name + ": file is " + size + " bytes, too short for a safetensors header");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf, 0);
        long headerLen = lenBuf.getLong(0);
        if (headerLen <= 1 || headerLen > size - 8 || headerLen > MAX_HEADER_BYTES) {
            throw new ModelLoadException(
                    name
                            + ": header length "
                            + Long.toUnsignedString(headerLen)
                            + " is invalid (expected 2.."
                            + Math.min(size - 8, MAX_HEADER_BYTES)
                            + " for a file of "
                            + size
                            + " bytes); the file is corrupt or not safetensors");
        }
        return headerLen;
    }

    private static String readHeaderText(FileChannel ch, long headerLen, String name)
            throws IOException {
        ByteBuffer header = ByteBuffer.allocate((int) headerLen);
        readFully(ch, header, 8);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(header.flip()).toString();
        } catch (CharacterCodingException e) {
            throw new ModelLoadException(name + ": header is not valid UTF-8", e);
        }
    }

    static Map<String, TensorInfo> parseHeader(String json, long dataSize, String name) {
        JsonObject root = parseStrictObject(json, name);
        Map<String, TensorInfo> infos = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            infos.put(e.getKey(), parseEntry(e.getKey(), e.getValue(), dataSize, name));
        }
        checkNoOverlap(infos.values(), name);
        return infos;
    }

    private static JsonObject parseStrictObject(String json, String name) {
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ModelLoadException(name + ": header has trailing data after the JSON");
            }
            if (root == null || !root.isJsonObject()) {
                throw new ModelLoadException(name + ": header is not a JSON object");
            }
            return root.getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelLoadException m) {
                throw m;
            }
            throw new ModelLoadException(
                    name + ": header is not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static TensorInfo parseEntry(
            String tensor, JsonElement el, long dataSize, String name) {
        String where = name + ": tensor '" + tensor + "'";
        if (!el.isJsonObject()) {
            throw new ModelLoadException(where + " is not a JSON object");
        }
        JsonObject o = el.getAsJsonObject();
        DType dtype =
                DType.parse(stringField(o, "dtype", where))
                        .orElseThrow(
                                () ->
                                        new ModelLoadException(
                                                where
                                                        + " has dtype "
                                                        + o.get("dtype")
                                                        + "; supported: F32, F16, BF16"));
        long[] shape = longArray(o, "shape", where, -1);
        long[] offsets = longArray(o, "data_offsets", where, 2);
        long count = 1;
        for (long d : shape) {
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new ModelLoadException(where + " has invalid dimension " + d);
            }
            count = Math.multiplyExact(count, d);
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (begin < 0 || end < begin || end > dataSize) {
            throw new ModelLoadException(
                    where
                            + " has data_offsets ["
                            + begin
                            + ", "
                            + end
                            + "] outside the data section of "
                            + dataSize
                            + " bytes");
        }
        if (count * dtype.bytes() != end - begin || count > Integer.MAX_VALUE / 4) {
            throw new ModelLoadException(
                    where
                            + " declares shape "
                            + java.util.Arrays.toString(shape)
                            + " of "
                            + dtype
                            + " ("
                            + count * dtype.bytes()
                            + " bytes) but its byte range is "
                            + (end - begin)
                            + " bytes");
        }
        return new TensorInfo(tensor, dtype, shape, begin, end);
    }

    private static void checkNoOverlap(Iterable<TensorInfo> infos, String name) {
        List<TensorInfo> sorted = new ArrayList<>();
        infos.forEach(sorted::add);
        sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        for (int i = 1; i < sorted.size(); i++) {
            TensorInfo a = sorted.get(i - 1);
            TensorInfo b = sorted.get(i);
            if (b.begin() < a.end()) {
                throw new ModelLoadException(
                        name
                                + ": tensors '"
                                + a.name()
                                + "' and '"
                                + b.name()
                                + "' overlap in the data section");
            }
        }
    }

    private static String stringField(JsonObject o, String key, String where) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new ModelLoadException(where + " has no string '" + key + "'");
        }
        return e.getAsString();
    }

    private static long[] longArray(JsonObject o, String key, String where, int expectedLength) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new ModelLoadException(where + " has no array '" + key + "'");
        }
        var arr = e.getAsJsonArray();
        if (expectedLength >= 0 && arr.size() != expectedLength) {
            throw new ModelLoadException(
                    where + ": '" + key + "' must have " + expectedLength + " entries");
        }
        if (arr.size() > 16) {
            throw new ModelLoadException(where + ": '" + key + "' has too many entries");
        }
        long[] out = new long[arr.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement v = arr.get(i);
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                throw new ModelLoadException(where + ": '" + key + "' must hold integers");
            }
            double d = v.getAsDouble();
            if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
                throw new ModelLoadException(
                        where + ": '" + key + "' holds " + v + ", not an integer");
            }
            out[i] = (long) d;
        }
        return out;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // nothing to do: the file was only read
        }
    }
}
