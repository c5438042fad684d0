package dev.samplinglab.engine.server;

import dev.samplinglab.engine.server.ServerException.Kind;
import java.net.URI;
import java.util.List;

/** Choosing the model on a server, and the message when it is not there. */
final class ModelNames {
    private ModelNames() {}

    /** {@code wanted} if given, else the server's first model. */
    static String choose(String wanted, URI base, List<String> models) {
        if (wanted != null) {
            return wanted;
        }
        if (models.isEmpty()) {
            throw new ServerException(
                    Kind.MODEL_NOT_FOUND,
                    "the server at %s lists no model; load one there first".formatted(base));
        }
        return models.get(0);
    }

    static ServerException notFound(String model, URI base, List<String> models) {
        return new ServerException(
                Kind.MODEL_NOT_FOUND,
                "model '%s' is not on the server at %s; it has: %s"
                        .formatted(
                                model,
                                base,
                                models.isEmpty() ? "(none)" : String.join(", ", models)));
    }
}
