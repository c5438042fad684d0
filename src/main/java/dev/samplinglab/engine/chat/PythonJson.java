package dev.samplinglab.engine.chat;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text as Python's {@code json.dumps(x, ensure_ascii=False)} writes it, which is what the
 * {@code tojson} filter of Hugging Face chat templates produces: {@code ", "} and {@code ": "}
 * separators, or one item a line with {@code indent}. See <a
 * href="https://github.com/huggingface/transformers/blob/main/src/transformers/utils/chat_template_utils.py">chat_template_utils.py</a>.
 */
final class PythonJson {
    private PythonJson() {}

    /** {@code value} as JSON; {@code indent} < 0 for one line. */
    static String dumps(Object value, int indent) {
        StringBuilder sb = new StringBuilder();
        write(value, indent, 0, sb);
        return sb.toString();
    }

    private static void write(Object v, int indent, int depth, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Number n) {
            sb.append(number(n));
        } else if (v instanceof Map<?, ?> m) {
            writeEntries(m.entrySet().iterator(), '{', '}', indent, depth, sb);
        } else if (v instanceof Collection<?> c) {
            writeEntries(c.iterator(), '[', ']', indent, depth, sb);
        } else if (v instanceof Object[] a) {
            writeEntries(java.util.Arrays.asList(a).iterator(), '[', ']', indent, depth, sb);
        } else {
            string(v.toString(), sb);
        }
    }

    private static void writeEntries(
            Iterator<?> it, char open, char close, int indent, int depth, StringBuilder sb) {
        sb.append(open);
        if (!it.hasNext()) {
            sb.append(close);
            return;
        }
        boolean first = true;
        while (it.hasNext()) {
            Object item = it.next();
            sb.append(first ? "" : ",");
            if (indent >= 0) {
                sb.append('\n').append(" ".repeat(indent * (depth + 1)));
            } else if (!first) {
                sb.append(' ');
            }
            first = false;
            if (item instanceof Map.Entry<?, ?> e) {
                string(String.valueOf(e.getKey()), sb);
                sb.append(": ");
                write(e.getValue(), indent, depth + 1, sb);
            } else {
                write(item, indent, depth + 1, sb);
            }
        }
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * depth));
        }
        sb.append(close);
    }

    private static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e16) {
                return (long) d + ".0";
            }
            return Double.toString(d);
        }
        return n.toString();
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u%04x".formatted((int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
