package dev.samplinglab.engine.model;

/**
 * One tensor entry of a safetensors header.
 *
 * @param name tensor name
 * @param dtype element type
 * @param shape dimensions
 * @param begin first byte in the data section
 * @param end one past the last byte in the data section
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

    /** Number of elements. */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Shape as text, e.g. [768, 2304]. */
    public String shapeText() {
        return java.util.Arrays.toString(shape);
    }
}
