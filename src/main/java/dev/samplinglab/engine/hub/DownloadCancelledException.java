package dev.samplinglab.engine.hub;

/** The user cancelled a download; partial files are kept for a later resume. */
public final class DownloadCancelledException extends RuntimeException {
    public DownloadCancelledException(String message) {
        super(message);
    }
}
