package dev.samplinglab.app.server;

import dev.samplinglab.engine.server.ConnectionVerdict;
import dev.samplinglab.engine.server.ServerAddress;
import dev.samplinglab.engine.server.ServerConnection;
import dev.samplinglab.engine.server.ServerFlavour;
import java.util.List;

/**
 * What the "Inference server…" dialog asks a server, on a worker thread: which API it speaks, which
 * models it serves, and whether one step works. {@link #ENGINE} is the engine's {@link
 * ServerConnection}; tests pass a fake. Every method may block on the network and stops when its
 * thread is interrupted; a failure is an exception whose message is one line for the user.
 */
public interface ServerProbe {

    /** The engine's HTTP clients. */
    ServerProbe ENGINE =
            new ServerProbe() {
                @Override
                public ServerFlavour detect(ServerAddress address) {
                    return ServerConnection.detect(address);
                }

                @Override
                public List<String> models(ServerAddress address) {
                    return ServerConnection.models(address);
                }

                @Override
                public ConnectionVerdict test(ServerAddress address) {
                    return ServerConnection.test(address);
                }
            };

    /** The API the server at the address speaks. */
    ServerFlavour detect(ServerAddress address) throws Exception;

    /** The model names the server lists (the address names the flavour). */
    List<String> models(ServerAddress address) throws Exception;

    /** One real request for a token's log-probabilities, with its verdict. */
    ConnectionVerdict test(ServerAddress address) throws Exception;
}
