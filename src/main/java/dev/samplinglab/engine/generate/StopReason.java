package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.LowerCaseNamed;

/** Why a row of a batch stopped generating. */
public enum StopReason implements LowerCaseNamed {
    EOS,
    LENGTH,
    STOP_STRING,
    CONTEXT_FULL,
    CANCELLED;
}
