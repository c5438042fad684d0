package dev.samplinglab.app.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Map;

/**
 * How exports write numbers: six significant digits, never a negative zero ("-0.00000" reads as a
 * tiny negative value that does not exist), and an empty CSV field for a value that is not a
 * number.
 */
public final class ExportNumbers {
    private ExportNumbers() {}

    /** A number for a CSV field: {@code %.6g}, "" when NaN or infinite. */
    public static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v + 0.0) : "";
    }

    /** Milliseconds with three decimals. */
    public static String millis(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v + 0.0) : "";
    }

    /** Replaces every negative zero in a JSON tree by 0.0, in place; returns the tree. */
    public static JsonElement clean(JsonElement e) {
        if (e instanceof JsonObject o) {
            for (Map.Entry<String, JsonElement> entry : o.entrySet()) {
                entry.setValue(cleanLeaf(clean(entry.getValue())));
            }
        } else if (e instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, cleanLeaf(clean(a.get(i))));
            }
        }
        return e;
    }

    private static JsonElement cleanLeaf(JsonElement e) {
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            double d = p.getAsDouble();
            if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
                return new JsonPrimitive(0.0);
            }
        }
        return e;
    }
}
