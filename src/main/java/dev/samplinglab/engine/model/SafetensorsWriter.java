package dev.samplinglab.engine.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes float tensors as a safetensors file, atomically (temp file then move). */
public final class SafetensorsWriter {

    /** A tensor to write: row-major data and its shape. */
    public record Tensor(long[] shape, float[] data) {}

    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final DType dtype;

    public SafetensorsWriter(DType dtype) {
        this.dtype = dtype;
    }

    public SafetensorsWriter add(String name, long[] shape, float[] data) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": shape does not match data length");
        }
        tensors.put(name, new Tensor(shape.clone(), data));
        return this;
    }

    /** Writes the file atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, this::writeTo);
    }

    private void writeTo(OutputStream out) throws IOException {
        byte[] header = headerBytes();
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        len.putLong(header.length);
        out.write(len.array());
        out.write(header);
        for (Tensor t : tensors.values()) {
            out.write(encode(t.data()));
        }
    }

    private byte[] headerBytes() {
        JsonObject root = new JsonObject();
        JsonObject meta = new JsonObject();
        meta.addProperty("format", "pt");
        root.add("__metadata__", meta);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            long bytes = (long) e.getValue().data().length * dtype.bytes();
            JsonObject t = new JsonObject();
            t.addProperty("dtype", dtype.name());
            JsonArray shape = new JsonArray();
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            t.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + bytes);
            t.add("data_offsets", offsets);
            root.add(e.getKey(), t);
            offset += bytes;
        }
        StringBuilder json = new StringBuilder(root.toString());
        while ((json.length() + 8) % 8 != 0) {
            json.append(' ');
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] encode(float[] data) {
        ByteBuffer buf =
                ByteBuffer.allocate(data.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            switch (dtype) {
                case F32 -> buf.putFloat(f);
                case F16 -> buf.putShort(DType.floatToHalf(f));
                case BF16 -> buf.putShort((short) (Float.floatToIntBits(f) >>> 16));
            }
        }
        return buf.array();
    }
}
